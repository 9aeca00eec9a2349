// Runs a shell command the way a user would and captures what they would see:
// for tests that run the real protoc with the plugin.
#ifndef CPPSVC_TESTS_SUPPORT_COMMAND_H_
#define CPPSVC_TESTS_SUPPORT_COMMAND_H_

#include <string>

namespace cppsvc::testing {

struct CommandRun {
  int exit_code = -1;  // -1 when it did not exit normally (or did not start)
  std::string output;  // stdout, and stderr when the command redirects it
};

// Runs `command` with /bin/sh and returns its exit code and stdout. Append
// " 2>&1" to the command to capture stderr too.
CommandRun RunCommand(const std::string& command);

}  // namespace cppsvc::testing

#endif  // CPPSVC_TESTS_SUPPORT_COMMAND_H_
