#include "support/command.h"

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

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
  // stderr goes to a file beside the output, so the two streams stay apart.
  const std::string stderr_path = request.out_dir + ".stderr";
  std::string command = std::string(CPPSVC_PROTOC) +
                        " --plugin=protoc-gen-cpp-svc=" + ShellQuote(CPPSVC_PLUGIN) + " -I" +
                        ShellQuote(CPPSVC_PROTO_DIR);
  for (const std::string& dir : request.import_dirs) command += " -I" + ShellQuote(dir);
  command += " --cpp-svc_out=" + ShellQuote(request.out_dir);
  if (!request.parameters.empty()) {
    command += " --cpp-svc_opt=" + ShellQuote(request.parameters);
  }
  for (const std::string& file : request.files) command += " " + ShellQuote(file);
  const CommandRun run = RunCommand(command + " 2>" + ShellQuote(stderr_path));
  std::ifstream in(stderr_path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::filesystem::remove(stderr_path);
  return PluginRun{run.exit_code, run.output, text.str()};
}
}  // namespace cppsvc::testing
