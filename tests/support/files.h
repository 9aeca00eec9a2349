// Files for tests: read, write, list. One place, so no test writes its own.
#ifndef CPPSVC_TESTS_SUPPORT_FILES_H_
#define CPPSVC_TESTS_SUPPORT_FILES_H_

#include <string>
#include <vector>

namespace cppsvc::testing {

// The whole file; empty when it does not exist.
std::string ReadFileOrEmpty(const std::string& path);
// Writes `content` to `path`, creating its directories.
void WriteFileCreatingDirs(const std::string& path, const std::string& content);
// Every regular file under `dir`, relative to it, sorted.
std::vector<std::string> ListFilesUnder(const std::string& dir);

}  // namespace cppsvc::testing

#endif  // CPPSVC_TESTS_SUPPORT_FILES_H_
