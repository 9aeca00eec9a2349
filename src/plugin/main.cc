// protoc-gen-cpp-svc: protoc plugin entry point.
#include <cstdio>
#include <cstring>

#include "cppsvc/version.h"
#include "google/protobuf/compiler/plugin.h"
#include "plugin/generator.h"

int main(int argc, char* argv[]) {
  if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
    std::printf("protoc-gen-cpp-svc %s\n", CPPSVC_VERSION_STRING);
    return 0;
  }
  cppsvc::plugin::CppSvcGenerator generator;
  return google::protobuf::compiler::PluginMain(argc, argv, &generator);
}
