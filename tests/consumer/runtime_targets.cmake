# cmake -DCLOSURES=<file> -DPLUGIN=<protoc-gen-cpp-svc> -DTOOL=<cppsvc-events>
#       [-DNM=<nm>] [-DREADELF=<readelf>] -P runtime_targets.cmake
#
# The runtime's libraries by concern (CMakeLists.txt, docs/reference/integration.md):
# the plugin links no events runtime and no test helpers, the cppsvc-events
# tool no test helpers, and the umbrella CppSvc::runtime is validation,
# conversion and events without the test helpers. Checked twice: in the link
# graph CMake computed (CLOSURES: cppsvc_link_closure's output, every target
# each one links, directly or not) and in the binaries themselves (no
# cppsvc::events or cppsvc::testing symbol is defined in the plugin, no
# cppsvc::testing symbol in the tool, and neither needs such a shared
# library). CTest Consumer.RuntimeTargets.
cmake_policy(VERSION 3.22)
include("${CLOSURES}")

set(problems)
function(expect_without closure_of forbidden)
  foreach(target IN LISTS forbidden)
    if(target IN_LIST CLOSURE_${closure_of})
      set(problems "${problems}\n  ${closure_of} links ${target} (it links: ${CLOSURE_${closure_of}})"
        PARENT_SCOPE)
    endif()
  endforeach()
endfunction()
function(expect_with closure_of required)
  foreach(target IN LISTS required)
    if(NOT target IN_LIST CLOSURE_${closure_of})
      set(problems "${problems}\n  ${closure_of} does not link ${target} (it links: ${CLOSURE_${closure_of}})"
        PARENT_SCOPE)
    endif()
  endforeach()
endfunction()

expect_without(protoc-gen-cpp-svc "cppsvc_events;cppsvc_testing;cppsvc_runtime")
expect_without(cppsvc_plugin_lib "cppsvc_events;cppsvc_testing;cppsvc_runtime")
expect_with(cppsvc_plugin_lib "cppsvc_validation")
expect_without(cppsvc-events "cppsvc_testing")
expect_with(cppsvc-events "cppsvc_events")
expect_with(cppsvc_runtime "cppsvc_validation;cppsvc_conversion;cppsvc_events")
expect_without(cppsvc_runtime "cppsvc_testing")
expect_without(cppsvc_events "cppsvc_testing")
expect_without(cppsvc_validation "cppsvc_events;cppsvc_testing")

# What the binaries define (C++ names, demangled) and the shared libraries
# they need: for each concern in `concerns`, no cppsvc::<concern> symbol and
# no libcppsvc_<concern>.so.
function(expect_none binary concerns)
  execute_process(COMMAND "${NM}" -C --defined-only "${binary}"
    OUTPUT_VARIABLE symbols RESULT_VARIABLE result ERROR_VARIABLE error)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${NM} ${binary} failed: ${error}")
  endif()
  execute_process(COMMAND "${READELF}" -d "${binary}" OUTPUT_VARIABLE dynamic)
  foreach(concern IN LISTS concerns)
    string(FIND "${symbols}" "cppsvc::${concern}::" at)
    if(NOT at EQUAL -1)
      string(SUBSTRING "${symbols}" ${at} 120 example)
      set(problems "${problems}\n  ${binary} defines cppsvc::${concern} symbols: ${example}..."
        PARENT_SCOPE)
    endif()
    if(dynamic MATCHES "NEEDED[^\n]*libcppsvc_${concern}")
      set(problems "${problems}\n  ${binary} needs libcppsvc_${concern}" PARENT_SCOPE)
    endif()
  endforeach()
endfunction()
if(NOT NM)
  set(NM nm)
endif()
if(NOT READELF)
  set(READELF readelf)
endif()
expect_none("${PLUGIN}" "events;testing")
expect_none("${TOOL}" "testing")

if(problems)
  message(FATAL_ERROR "runtime targets:${problems}")
endif()
message(STATUS "runtime targets: the plugin links neither events nor the test helpers; "
  "the tool no test helpers; CppSvc::runtime is validation, conversion and events")
