// Test cases as data: a folder per case, read the same way by the diagnostics
// runner (tests/diagnostics) and the golden runner (tests/golden).
//
//   <case>/protos/      the case's own proto tree (an import root), optional
//   <case>/roots        optional: more import roots, one a line, relative to
//                       the source tree (shared trees such as examples/people/proto)
//   <case>/files        optional: the files to generate, one a line, relative to
//                       an import root; without it, every .proto under protos/
//   <case>/parameters   optional: the plugin parameter (--cpp-svc_opt), one line
//   <case>/base         optional: the name of a sibling case this one builds on.
//                       Its protos, roots and files are this case's too (a case
//                       names its own to replace them); the golden runner also
//                       expects the base's expected/ files, so a case keeps only
//                       the files that differ from its base or are new.
#ifndef CPPSVC_TESTS_SUPPORT_CASES_H_
#define CPPSVC_TESTS_SUPPORT_CASES_H_

#include <string>
#include <vector>

#include "support/command.h"
#include "support/files.h"

namespace cppsvc::testing {

// The names of the sub-folders of `dir`, sorted.
std::vector<std::string> ListCases(const std::string& dir);

// The protoc request the case folder describes (out_dir left empty), with what
// it does not name taken from its base case.
PluginRequest ReadCase(const std::string& case_dir, const std::string& source_dir);

// The folder of the case `case_dir` builds on (its `base` file), or "" for none.
std::string BaseCase(const std::string& case_dir);

// Registers one gtest per case: the cases named on the command line (folder
// paths, as CTest passes them), or every case under `cases_dir` when none is.
// `run` receives the case folder.
void RegisterCases(const std::string& suite, const std::string& cases_dir, int argc, char** argv,
                   void (*run)(const std::string& case_dir));

}  // namespace cppsvc::testing

#endif  // CPPSVC_TESTS_SUPPORT_CASES_H_
