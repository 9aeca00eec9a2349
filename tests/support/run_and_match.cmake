# Runs a program and passes only when it exits 0 AND its output (stdout and
# stderr) matches a regular expression. CTest's PASS_REGULAR_EXPRESSION alone
# ignores the exit code, and splits a regular expression at every `;`; this
# script reads the expression whole from a file.
#
#   cmake -DPROGRAM=<path> -DREGEX_FILE=<file> -P run_and_match.cmake
foreach(var PROGRAM REGEX_FILE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_and_match.cmake: -D${var}=... is required")
  endif()
endforeach()
file(READ "${REGEX_FILE}" regex)
execute_process(COMMAND "${PROGRAM}" RESULT_VARIABLE code
  OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${output}")
if(NOT code STREQUAL "0")
  message(FATAL_ERROR "${PROGRAM} exited with ${code}")
endif()
if(NOT output MATCHES "${regex}")
  message(FATAL_ERROR "the output of ${PROGRAM} does not match ${REGEX_FILE}:\n${regex}")
endif()
