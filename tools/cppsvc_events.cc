// cppsvc-events: event envelopes (docs/reference/events.md) as JSON, decoded with nothing but
// a descriptor set of the payload types.
//
//   protoc -I proto --descriptor_set_out=events.pb --include_imports acme/user/v1/user.proto
//   cppsvc-events decode --descriptor_set events.pb --input envelope.bin
//   cppsvc-events decode --descriptor_set events.pb --delimited < dump.bin
//   kcat -C -t users -e -f '%s' | base64 | cppsvc-events decode --descriptor_set events.pb --base64
//
// Prints one JSON object per envelope and line (envelope fields + "data").
// Exit status: 0 when every envelope decoded, 1 when any did not or a file
// could not be read (each failure on stderr, naming the record or the path),
// 2 for a usage error.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "cppsvc/events/decoder.h"
#include "cppsvc/internal/status_macros.h"
#include "cppsvc/version.h"

namespace {

constexpr char kUsage[] =
    "usage: cppsvc-events decode --descriptor_set FILE [--input FILE|-] [--delimited]\n"
    "                            [--base64] [--omit_defaults]\n"
    "       cppsvc-events --version | --help\n"
    "\n"
    "Decodes cppsvc.events.Envelope bytes to JSON, one object per line: the\n"
    "envelope's fields and \"data\", the payload decoded by its payload_type.\n"
    "\n"
    "  --descriptor_set FILE  protoc --descriptor_set_out=FILE --include_imports output\n"
    "                         with the payload types\n"
    "  --input FILE|-         the envelope bytes (default: standard input)\n"
    "  --delimited            a stream of varint-length-delimited envelopes\n"
    "                         (writeDelimitedTo framing) instead of a single one\n"
    "  --base64               the input is base64 text (whitespace ignored)\n"
    "  --omit_defaults        leave out fields with default values (proto3 JSON)\n";

struct Flags {
  std::string descriptor_set;
  std::string input = "-";
  bool delimited = false;
  bool base64 = false;
  bool omit_defaults = false;
};

int Usage(const std::string& problem) {
  std::cerr << "cppsvc-events: " << problem << "\n\n" << kUsage;
  return 2;
}

// Parses `args` (after "decode"); an empty string when they are fine.
std::string ParseFlags(const std::vector<std::string>& args, Flags* flags) {
  for (size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i];
    std::string value;
    bool has_value = false;
    if (const size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    auto take = [&](std::string* out) -> std::string {
      if (!has_value) {
        if (i + 1 >= args.size()) return name + " needs a value";
        value = args[++i];
      }
      *out = value;
      return "";
    };
    std::string problem;
    if (name == "--descriptor_set" || name == "--descriptor-set") {
      problem = take(&flags->descriptor_set);
    } else if (name == "--input") {
      problem = take(&flags->input);
    } else if (name == "--delimited" && !has_value) {
      flags->delimited = true;
    } else if (name == "--base64" && !has_value) {
      flags->base64 = true;
    } else if (name == "--omit_defaults" && !has_value) {
      flags->omit_defaults = true;
    } else {
      problem = "unknown argument \"" + args[i] + "\"";
    }
    if (!problem.empty()) return problem;
  }
  if (flags->descriptor_set.empty()) return "--descriptor_set is required";
  return "";
}

// The whole file, or a message naming the path and what went wrong. "-" is
// standard input. Read with stdio: no exceptions, errno says why.
absl::StatusOr<std::string> ReadFile(const std::string& path) {
  const std::string name = path == "-" ? "standard input" : "\"" + path + "\"";
  std::error_code error;
  if (path != "-" && std::filesystem::is_directory(path, error)) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read ", name, ": it is a directory, not a file"));
  }
  std::unique_ptr<FILE, int (*)(FILE*)> file(path == "-" ? stdin : std::fopen(path.c_str(), "rb"),
                                             path == "-" ? [](FILE*) { return 0; } : &std::fclose);
  if (file == nullptr) {
    return absl::NotFoundError(absl::StrCat("cannot open ", name, ": ", std::strerror(errno)));
  }
  std::string bytes;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file.get())) > 0) bytes.append(buffer, n);
  if (std::ferror(file.get()) != 0) {
    return absl::DataLossError(absl::StrCat("cannot read ", name, ": ", std::strerror(errno)));
  }
  return bytes;
}

absl::StatusOr<std::unique_ptr<cppsvc::events::Decoder>> LoadDecoder(const Flags& flags) {
  cppsvc::events::JsonOptions json_options;
  json_options.print_defaults = !flags.omit_defaults;
  CPPSVC_ASSIGN_OR_RETURN(const std::string set, ReadFile(flags.descriptor_set));
  if (set.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(flags.descriptor_set,
                     ": the descriptor set is empty (write one with protoc "
                     "--descriptor_set_out=FILE --include_imports and the payload types' files)"));
  }
  absl::StatusOr<std::unique_ptr<cppsvc::events::Decoder>> decoder =
      cppsvc::events::Decoder::FromDescriptorSet(set, json_options);
  if (!decoder.ok()) {
    return absl::Status(decoder.status().code(),
                        absl::StrCat(flags.descriptor_set, ": ", decoder.status().message()));
  }
  return decoder;
}

int Decode(const Flags& flags) {
  if (flags.input == "-" && isatty(STDIN_FILENO) != 0) {
    return Usage("standard input is a terminal: pipe the envelope bytes in, or pass --input FILE");
  }
  absl::StatusOr<std::unique_ptr<cppsvc::events::Decoder>> decoder = LoadDecoder(flags);
  if (!decoder.ok()) {
    std::cerr << "cppsvc-events: " << decoder.status().message() << "\n";
    return 1;
  }
  absl::StatusOr<std::string> input = ReadFile(flags.input);
  if (!input.ok()) {
    std::cerr << "cppsvc-events: " << input.status().message() << "\n";
    return 1;
  }
  std::string& bytes = *input;
  const std::string input_name = flags.input == "-" ? "standard input" : flags.input;
  if (flags.base64) {
    std::string text;
    for (const char c : bytes) {
      if (!absl::ascii_isspace(c)) text += c;
    }
    if (!absl::Base64Unescape(text, &bytes)) {
      std::cerr << "cppsvc-events: " << input_name << " is not base64 text\n";
      return 1;
    }
  }
  if (bytes.empty()) {
    // An empty message parses as an empty envelope; say what is wrong instead.
    std::cerr << "cppsvc-events: " << input_name << " is empty: there is no envelope to decode\n";
    return 1;
  }
  int failures = 0;
  auto print = [&](absl::string_view record, const std::string& what) {
    absl::StatusOr<std::string> json = (*decoder)->ToJson(record);
    if (json.ok()) {
      std::cout << *json << "\n";
    } else {
      ++failures;
      std::cerr << "cppsvc-events: " << what << ": " << json.status().message() << "\n";
    }
  };
  if (!flags.delimited) {
    print(bytes, input_name);
  } else {
    absl::Status framing =
        cppsvc::events::ForEachDelimited(bytes, [&](size_t index, absl::string_view record) {
          print(record, absl::StrCat(input_name, ": record ", index));
          return absl::OkStatus();
        });
    if (!framing.ok()) {
      ++failures;
      std::cerr << "cppsvc-events: " << input_name << ": " << framing.message()
                << " (is the input a delimited stream? without --delimited it is read as one "
                   "envelope)\n";
    }
  }
  std::cout.flush();
  return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return Usage("no command");
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (args[0] == "--version") {
    std::cout << "cppsvc-events " << CPPSVC_VERSION_STRING << "\n";
    return 0;
  }
  if (args[0] != "decode") return Usage("unknown command \"" + args[0] + "\"");
  Flags flags;
  const std::string problem = ParseFlags({args.begin() + 1, args.end()}, &flags);
  if (!problem.empty()) return Usage(problem);
  return Decode(flags);
}
