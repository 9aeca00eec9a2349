# Envelope interop (docs/reference/events.md), included from tests/events/CMakeLists.txt:
# bytes written by C++ decode field for field with Python's protobuf (Debian's
# python3-protobuf, run as /usr/bin/python3) and with @bufbuild/protobuf in
# Node, and bytes they write decode in C++ (cases.json: unicode, int64 beyond
# 2^53 and at INT64_MIN/MAX, an empty payload, two event types). The Node
# packages come from scripts/setup-node-tools.sh (.tools/node_modules); a
# missing tool fails the test saying what to install, never a silent skip.
add_executable(cppsvc_events_interop "${CMAKE_CURRENT_LIST_DIR}/interop/interop_cpp.cc")
target_link_libraries(cppsvc_events_interop PRIVATE cppsvc_events_runtime_protos)
target_compile_options(cppsvc_events_interop PRIVATE ${CPPSVC_WARNINGS})

set(CPPSVC_EVENTS_TOOLS_DIR "${CppSvc_SOURCE_DIR}/.tools" CACHE PATH
  "Where scripts/setup-node-tools.sh installed the Node packages of the interop tests")
foreach(direction cpp:python python:cpp cpp:node node:cpp python:node node:python)
  string(REPLACE ":" ";" sides "${direction}")
  list(GET sides 0 writer)
  list(GET sides 1 reader)
  add_test(NAME EventsInterop.${writer}_to_${reader}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/interop/run.sh" ${writer} ${reader}
            "${CMAKE_CURRENT_BINARY_DIR}/events_interop/${writer}_to_${reader}"
            "$<TARGET_FILE:protobuf::protoc>" "${CPPSVC_PROTO_DIR}" "${CPPSVC_EVENTS_PROTO_DIR}"
            "$<TARGET_FILE:cppsvc_events_interop>" "${CPPSVC_EVENTS_TOOLS_DIR}")
  set_tests_properties(EventsInterop.${writer}_to_${reader} PROPERTIES
    LABELS interop TIMEOUT 120)
endforeach()
