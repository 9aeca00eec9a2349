#include "support/command.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>

#include "support/files.h"

namespace cppsvc::testing {

CommandRun RunCommand(const std::string& command) {
  CommandRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) run.output.append(buffer, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

CommandRun RunCommandKeepingStderr(const std::string& command) {
  // A file of this process's own, unique per call: tests may run commands
  // from several threads.
  static std::atomic<int> counter{0};
  const std::string stderr_path =
      (std::filesystem::temp_directory_path() /
       ("cppsvc-stderr-" + std::to_string(getpid()) + "-" + std::to_string(counter++)))
          .string();
  CommandRun run = RunCommand("{ " + command + "\n} 2>" + ShellQuote(stderr_path));
  run.error = ReadFileOrEmpty(stderr_path);
  std::filesystem::remove(stderr_path);
  return run;
}

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

PluginRun RunPlugin(const PluginRequest& request) {
  std::filesystem::create_directories(request.out_dir);
  std::string command = std::string(CPPSVC_PROTOC) +
                        " --plugin=protoc-gen-cpp-svc=" + ShellQuote(CPPSVC_PLUGIN) + " -I" +
                        ShellQuote(CPPSVC_PROTO_DIR);
  for (const std::string& dir : request.import_dirs) command += " -I" + ShellQuote(dir);
  command += " --cpp-svc_out=" + ShellQuote(request.out_dir);
  if (!request.parameters.empty()) {
    command += " --cpp-svc_opt=" + ShellQuote(request.parameters);
  }
  for (const std::string& file : request.files) command += " " + ShellQuote(file);
  const CommandRun run = RunCommandKeepingStderr(command);
  return PluginRun{run.exit_code, run.output, run.error};
}

}  // namespace cppsvc::testing
