// protoc-gen-cpp-svc: protoc plugin entry point.
//
// protoc and buf run the plugin with no arguments and a CodeGeneratorRequest
// on stdin. Run by hand it answers --help and --version, and says what it is
// instead of waiting silently for a request typed on a terminal.
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "cppsvc/version.h"
#include "plugin/response_stream.h"

namespace {

constexpr char kUsage[] =
    "protoc-gen-cpp-svc: a protoc plugin that generates C++ validators, version-chain\n"
    "converters, service chains and event envelopes from annotated .proto files.\n"
    "\n"
    "protoc or buf runs it (it reads a CodeGeneratorRequest on standard input):\n"
    "\n"
    "  protoc -I proto -I <dir of gen/svc/annotations.proto> \\\n"
    "      --plugin=protoc-gen-cpp-svc=/path/to/protoc-gen-cpp-svc \\\n"
    "      --cpp_out=out --cpp-svc_out=out [--cpp-svc_opt=key=value,...] \\\n"
    "      acme/people/v1/people.proto acme/people/v2/people.proto \\\n"
    "      acme/people/private/people.proto\n"
    "\n"
    "  buf generate, with buf.gen.yaml: plugins: [{local: protoc-gen-cpp-svc,\n"
    "      out: out, strategy: all, opt: [key=value]}]\n"
    "\n"
    "Pass every version of a domain and its private package in one run.\n"
    "\n"
    "Parameters (--cpp-svc_opt=key=value,... or buf's opt):\n"
    "  private_package=PKG      full name of a private package not ending in .private\n"
    "                           (may be given once per domain)\n"
    "  grpc=true|false          also emit a gRPC binding per public version\n"
    "  lint=off|warn|error      check the tree layout (package <-> directory, ...)\n"
    "  lint_prefix=ORG          with lint: packages must start with ORG.\n"
    "  lint_self_contained=true with lint: import only well-known and the plugin's protos\n"
    "  warnings=on|off          off: no warnings or notes on stderr (errors stay)\n"
    "The Go plugins' verbose, paths, module, M... parameters are accepted and ignored.\n"
    "\n"
    "Options run by hand:\n"
    "  --help     this text\n"
    "  --version  the plugin's version\n";

constexpr char kTerminalHint[] =
    "protoc-gen-cpp-svc: standard input is a terminal. This is a protoc plugin: protoc or\n"
    "buf runs it and writes a CodeGeneratorRequest to its standard input, e.g.\n"
    "  protoc --plugin=protoc-gen-cpp-svc=$(command -v protoc-gen-cpp-svc) \\\n"
    "      --cpp-svc_out=out -I proto acme/people/v1/people.proto ...\n"
    "Run protoc-gen-cpp-svc --help for more.\n";

// --help, --version; anything else is a usage error (exit 2).
int RunByHand(const char* argument) {
  if (std::strcmp(argument, "--help") == 0 || std::strcmp(argument, "-h") == 0) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (std::strcmp(argument, "--version") == 0) {
    std::printf("protoc-gen-cpp-svc %s\n", CPPSVC_VERSION_STRING);
    return 0;
  }
  std::fprintf(stderr,
               "protoc-gen-cpp-svc: unknown argument \"%s\"; protoc and buf run the plugin "
               "without arguments (see protoc-gen-cpp-svc --help)\n",
               argument);
  return 2;
}

}  // namespace

int main(int argc, char* argv[]) {
  if (argc == 2) return RunByHand(argv[1]);
  if (argc > 2) {
    std::fputs("protoc-gen-cpp-svc: takes one argument at most (see --help)\n", stderr);
    return 2;
  }
  if (isatty(STDIN_FILENO) != 0) {
    std::fputs(kTerminalHint, stderr);
    return 2;
  }
  return cppsvc::plugin::RunPluginProtocol(STDIN_FILENO, STDOUT_FILENO);
}
