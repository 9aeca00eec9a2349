# The events runtime (docs/reference/events.md), included from tests/events/CMakeLists.txt:
# ids, envelopes, the registry, the sinks, the generic decoder and the
# cppsvc-events tool. Written against hand-made EventBindings over plain
# `protoc --cpp_out` code for the example's event protos, so it needs no
# plugin support. Paths use CppSvc_SOURCE_DIR and CMAKE_CURRENT_LIST_DIR so
# the fragment also works when included from elsewhere.
set(CPPSVC_EVENTS_PROTO_DIR "${CppSvc_SOURCE_DIR}/examples/events/proto")
set(CPPSVC_EVENTS_GEN_DIR "${CMAKE_CURRENT_BINARY_DIR}/events_runtime_gen")
set(CPPSVC_EVENTS_PROTOS acme/events/options acme/user/v1/user acme/user/v2/user)
set(CPPSVC_EVENTS_PROTO_SOURCES)
set(CPPSVC_EVENTS_PROTO_INPUTS)
foreach(proto ${CPPSVC_EVENTS_PROTOS})
  list(APPEND CPPSVC_EVENTS_PROTO_SOURCES "${CPPSVC_EVENTS_GEN_DIR}/${proto}.pb.cc")
  list(APPEND CPPSVC_EVENTS_PROTO_HEADERS "${CPPSVC_EVENTS_GEN_DIR}/${proto}.pb.h")
  list(APPEND CPPSVC_EVENTS_PROTO_INPUTS "${CPPSVC_EVENTS_PROTO_DIR}/${proto}.proto")
endforeach()
file(MAKE_DIRECTORY "${CPPSVC_EVENTS_GEN_DIR}")
list(TRANSFORM CPPSVC_EVENTS_PROTOS APPEND .proto OUTPUT_VARIABLE CPPSVC_EVENTS_PROTO_FILES)
add_custom_command(
  OUTPUT ${CPPSVC_EVENTS_PROTO_SOURCES} ${CPPSVC_EVENTS_PROTO_HEADERS}
  COMMAND protobuf::protoc -I "${CPPSVC_EVENTS_PROTO_DIR}" -I "${CPPSVC_PROTO_DIR}"
          --cpp_out "${CPPSVC_EVENTS_GEN_DIR}" ${CPPSVC_EVENTS_PROTO_FILES}
  DEPENDS ${CPPSVC_EVENTS_PROTO_INPUTS} protobuf::protoc
  COMMENT "Compiling the example's event protos (plain --cpp_out) for the runtime tests"
  VERBATIM)
add_library(cppsvc_events_runtime_protos STATIC ${CPPSVC_EVENTS_PROTO_SOURCES}
  "${CMAKE_CURRENT_LIST_DIR}/runtime/test_events.cc")
target_include_directories(cppsvc_events_runtime_protos PUBLIC "${CPPSVC_EVENTS_GEN_DIR}"
  "${CppSvc_SOURCE_DIR}/tests")
target_link_libraries(cppsvc_events_runtime_protos PUBLIC cppsvc_events)

add_executable(cppsvc_events_runtime_tests
  "${CMAKE_CURRENT_LIST_DIR}/runtime/ids_test.cc"
  "${CMAKE_CURRENT_LIST_DIR}/runtime/envelope_test.cc"
  "${CMAKE_CURRENT_LIST_DIR}/runtime/registry_test.cc"
  "${CMAKE_CURRENT_LIST_DIR}/runtime/sinks_test.cc"
  "${CMAKE_CURRENT_LIST_DIR}/runtime/decoder_test.cc"
  "${CMAKE_CURRENT_LIST_DIR}/runtime/envelope_view_test.cc"
  "${CMAKE_CURRENT_LIST_DIR}/runtime/tool_test.cc"
  "${CppSvc_SOURCE_DIR}/tests/support/allocation_counter.cc")
target_compile_options(cppsvc_events_runtime_tests PRIVATE ${CPPSVC_WARNINGS})
target_compile_definitions(cppsvc_events_runtime_tests PRIVATE
  CPPSVC_PROTOC="$<TARGET_FILE:protobuf::protoc>"
  CPPSVC_EVENTS_TOOL="$<TARGET_FILE:cppsvc-events>"
  CPPSVC_PROTO_DIR="${CPPSVC_PROTO_DIR}"
  CPPSVC_EVENTS_PROTO_DIR="${CPPSVC_EVENTS_PROTO_DIR}"
  CPPSVC_TEST_TMP_DIR="${CMAKE_CURRENT_BINARY_DIR}/events_runtime_tmp")
target_link_libraries(cppsvc_events_runtime_tests PRIVATE cppsvc_events_runtime_protos
  cppsvc_test_support GTest::gtest_main)
add_dependencies(cppsvc_events_runtime_tests cppsvc-events)
gtest_discover_tests(cppsvc_events_runtime_tests TEST_PREFIX "EventsRuntime."
  PROPERTIES LABELS events)
