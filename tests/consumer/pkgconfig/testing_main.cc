// Built with nothing but `c++ testing_main.cc $(pkg-config --cflags --libs
// cppsvc-testing)` (CTest Consumer.PkgConfig): the test helpers that
// generated .svc.testing.h files call come in their own library, which
// cppsvc.pc leaves out. Exits non-zero on a mismatch.
#include <iostream>
#include <string>

#include "cppsvc/testing.h"

int main() {
  const absl::StatusOr<std::string> missing = cppsvc::testing::ReadFile("no-such-file.json");
  if (missing.ok() ||
      std::string(missing.status().message()).find("no-such-file.json") == std::string::npos) {
    std::cerr << "MISMATCH ReadFile of a missing file: " << missing.status() << "\n";
    return 1;
  }
  std::cout << "cppsvc-testing via pkg-config: OK\n";
  return 0;
}
