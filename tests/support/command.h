// Runs commands the way a user would and captures what they would see: for
// tests that run the real protoc with the plugin.
#ifndef CPPSVC_TESTS_SUPPORT_COMMAND_H_
#define CPPSVC_TESTS_SUPPORT_COMMAND_H_

#include <string>
#include <vector>

namespace cppsvc::testing {

struct CommandRun {
  int exit_code = -1;  // -1 when it did not exit normally (or did not start)
  std::string output;  // stdout, and stderr when the command redirects it
  std::string error;   // stderr, from RunCommandKeepingStderr only
};

// Runs `command` with /bin/sh and returns its exit code and stdout. Append
// " 2>&1" to the command to capture stderr too.
CommandRun RunCommand(const std::string& command);

// The same, with stderr captured apart from stdout (in `error`), for tests
// that check each stream: what the user would see on each.
CommandRun RunCommandKeepingStderr(const std::string& command);

// One protoc run with this build's plugin: protoc -I<annotations>
// -I<each import dir> --cpp-svc_out=[<parameters>:]<out_dir> <files>.
struct PluginRequest {
  std::vector<std::string> import_dirs;  // after the annotations' directory
  std::vector<std::string> files;        // relative to an import dir
  std::string parameters;                // --cpp-svc_opt value; empty for none
  std::string out_dir;                   // created when missing
};

struct PluginRun {
  int exit_code = -1;  // protoc's; -1 when it did not exit normally
  std::string stdout_text;
  std::string stderr_text;  // what users see: protoc's and the plugin's messages
};

// Runs the real protoc (CPPSVC_PROTOC) with the plugin (CPPSVC_PLUGIN), the
// executables the test target was compiled against.
PluginRun RunPlugin(const PluginRequest& request);

// Quotes `text` for /bin/sh.
std::string ShellQuote(const std::string& text);

}  // namespace cppsvc::testing

#endif  // CPPSVC_TESTS_SUPPORT_COMMAND_H_
