// What the events runtime tests that run processes share: a scratch folder of
// this test process's own, and descriptor sets of the example's event protos
// written by the real protoc.
#ifndef CPPSVC_TESTS_EVENTS_RUNTIME_SCRATCH_H_
#define CPPSVC_TESTS_EVENTS_RUNTIME_SCRATCH_H_

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "support/command.h"
#include "support/files.h"

namespace cppsvc::events::testing {

inline std::string TmpDir() {
  static const std::string dir = [] {
    std::string path = absl::StrCat(CPPSVC_TEST_TMP_DIR, "/", getpid());
    std::filesystem::create_directories(path);
    return path;
  }();
  return dir;
}

// protoc --descriptor_set_out of `files` (space separated, relative to the
// example's proto folder), written once per run.
inline std::string DescriptorSet(const std::string& files, bool include_imports) {
  std::string name = files;
  std::replace(name.begin(), name.end(), '/', '_');
  std::replace(name.begin(), name.end(), ' ', '+');
  const std::string path =
      absl::StrCat(TmpDir(), "/", name, include_imports ? ".pb" : ".no-imports.pb");
  if (!std::filesystem::exists(path)) {
    const ::cppsvc::testing::CommandRun run =
        ::cppsvc::testing::RunCommandKeepingStderr(absl::StrCat(
            CPPSVC_PROTOC, " -I ", CPPSVC_EVENTS_PROTO_DIR, " -I ", CPPSVC_PROTO_DIR,
            " --descriptor_set_out=", path, include_imports ? " --include_imports " : " ", files));
    EXPECT_EQ(run.exit_code, 0) << run.error;
  }
  return path;
}

}  // namespace cppsvc::events::testing

#endif  // CPPSVC_TESTS_EVENTS_RUNTIME_SCRATCH_H_
