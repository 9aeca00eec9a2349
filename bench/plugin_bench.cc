// The plugin as protoc runs it: the real build/protoc-gen-cpp-svc executable,
// a child process fed a CodeGeneratorRequest on stdin. Baseline in the same
// run: protoc --cpp_out on the same .proto files, protoc's own C++ generator
// (it parses the files too). Cases:
//   BM_PluginEmptyRequest             start-up (vs BM_BaselineSpawnTrue, /bin/true)
//   BM_PluginPeopleExample            the 3-file examples/people tree
//   BM_PluginSyntheticTree/domains:N  scripts/synthetic-tree.py trees of N = 1, 2,
//                                     4, 8 domains (4 files, ~88 messages each)
//
//   build/bench/cppsvc_plugin_bench
//   CPPSVC_BENCH_LARGE=1 build/bench/cppsvc_plugin_bench        (also 16 and 32)
//   CPPSVC_BENCH_SIZES="64 128" build/bench/cppsvc_plugin_bench  (these sizes)
//
// Each tree is written and its request captured once, at the first benchmark
// that needs it (protoc with a dumping plugin), in a temporary directory
// removed at exit; each command is also run once before the timed runs to
// check its output (the plugin's response must parse and carry no error).
// Times are the child's wall time (UseManualTime: the `Time` column); Google
// Benchmark's own `CPU` column is this process's and means nothing here.
// Counters, per run of the child:
//   cpu_ms        the child's user + sys CPU time (wait4), steadier than wall
//                 on a shared machine
//   peak_rss_mb   the child's peak resident set (ru_maxrss), the largest seen;
//                 its floor is this process's own (~7 MB): the kernel counts
//                 the spawning process's memory when the child execs, as
//                 BM_BaselineSpawnTrue shows, so only figures above it are the
//                 child's own
//   response_mb   bytes the plugin wrote (its CodeGeneratorResponse); for
//                 protoc --cpp_out, bytes of the files it wrote
//   files         files generated
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "benchmark/benchmark.h"
#include "google/protobuf/compiler/plugin.pb.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;

// From bench/CMakeLists.txt.
constexpr const char* kPlugin = CPPSVC_BENCH_PLUGIN;
constexpr const char* kProtoc = CPPSVC_BENCH_PROTOC;
constexpr const char* kSyntheticTree = CPPSVC_BENCH_SYNTHETIC_TREE;
constexpr const char* kProtoDir = CPPSVC_BENCH_PROTO_DIR;
constexpr const char* kPeopleDir = CPPSVC_BENCH_PEOPLE_DIR;

constexpr double kMegabyte = 1024.0 * 1024.0;

// One finished child process.
struct ChildRun {
  std::string error;  // empty when it exited 0
  double wall_s = 0;
  double cpu_s = 0;
  double peak_rss_mb = 0;
  size_t stdout_bytes = 0;
};

// A file descriptor closed when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { Reset(); }
  int get() const { return fd_; }
  void Reset() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs argv (searched on PATH) with stdin from `stdin_path`, stdout read
// through a pipe (counted, and kept in `*out` when given) and stderr to
// `stderr_path`. The wall time covers spawn to reaped, the pipe read
// included, as protoc reads a plugin's output.
ChildRun Spawn(const std::vector<std::string>& argv, const std::string& stdin_path,
               const std::string& stderr_path, std::string* out = nullptr) {
  ChildRun run;
  Fd in(open(stdin_path.c_str(), O_RDONLY | O_CLOEXEC));
  Fd err(open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  int pipe_fds[2];
  if (in.get() < 0 || err.get() < 0 || pipe2(pipe_fds, O_CLOEXEC) != 0) {
    run.error = "cannot open " + stdin_path + " or " + stderr_path + ": " + std::strerror(errno);
    return run;
  }
  Fd pipe_read(pipe_fds[0]);
  Fd pipe_write(pipe_fds[1]);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.get(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe_write.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.get(), STDERR_FILENO);
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  pipe_write.Reset();
  if (spawned != 0) {
    run.error = "cannot start " + argv[0] + ": " + std::strerror(spawned);
    return run;
  }
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = read(pipe_read.get(), buffer, sizeof buffer);
    if (n > 0) {
      run.stdout_bytes += static_cast<size_t>(n);
      if (out != nullptr) out->append(buffer, static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  run.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  run.cpu_s = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  run.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KB
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    run.error = argv[0] + " failed (status " + std::to_string(status) +
                "): " + ReadFile(stderr_path).substr(0, 2000);
  }
  return run;
}

// The temporary directory of this run, removed at exit.
class WorkDir {
 public:
  WorkDir() {
    std::string pattern = (fs::temp_directory_path() / "cppsvc-plugin-bench.XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~WorkDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

WorkDir& Work() {
  static WorkDir* work = new WorkDir();  // deleted by main, after the runs
  return *work;
}

// A synthetic tree and the request protoc sends a plugin for it.
struct Tree {
  std::string error;                     // why it could not be prepared
  std::vector<std::string> protoc_args;  // -I ... and the files, relative
  std::string request_path;
  std::string out_dir;  // protoc --cpp_out's
};

// The dumping plugin: saves the request, answers with a response that only
// declares proto3 `optional` support (protoc insists; the trees use it).
std::string DumpPlugin() {
  const fs::path script = Work().path() / "dump-request.sh";
  if (!fs::exists(script)) {
    std::ofstream(script) << "#!/bin/sh\ncat > \"$CPPSVC_BENCH_REQUEST\"\nprintf '\\020\\001'\n";
    fs::permissions(script, fs::perms::owner_all);
  }
  return script.string();
}

// Captures the request protoc sends a plugin for `protoc_args` (-I ... and
// the files), under `name`.
Tree Capture(const std::string& name, std::vector<std::string> protoc_args) {
  Tree tree;
  tree.protoc_args = std::move(protoc_args);
  tree.request_path = (Work().path() / ("request-" + name + ".bin")).string();
  setenv("CPPSVC_BENCH_REQUEST", tree.request_path.c_str(), 1);
  std::vector<std::string> capture = {kProtoc, "--plugin=protoc-gen-dump=" + DumpPlugin(),
                                      "--dump_out=" + Work().path().string()};
  capture.insert(capture.end(), tree.protoc_args.begin(), tree.protoc_args.end());
  ChildRun run = Spawn(capture, "/dev/null", (Work().path() / "capture.stderr").string());
  if (!run.error.empty()) tree.error = "capturing the request: " + run.error;
  tree.out_dir = (Work().path() / ("cpp-out-" + name)).string();
  return tree;
}

Tree SyntheticTree(int domains) {
  const fs::path dir = Work().path() / ("tree-" + std::to_string(domains));
  std::string listing;
  ChildRun run = Spawn({"python3", kSyntheticTree, "--domains", std::to_string(domains), "--out",
                        dir.string(), "--list"},
                       "/dev/null", (Work().path() / "tree.stderr").string(), &listing);
  if (!run.error.empty()) {
    Tree tree;
    tree.error = run.error;
    return tree;
  }
  std::vector<std::string> args = {"-I", dir.string(), "-I", kProtoDir};
  std::istringstream files(listing);
  for (std::string file; files >> file;) args.push_back(file);
  return Capture("synthetic-" + std::to_string(domains), std::move(args));
}

// The example the Go plugin's comparison uses: people v1, v2 and private.
Tree PeopleExample() {
  return Capture("people", {"-I", kPeopleDir, "-I", kProtoDir, "acme/people/v1/people.proto",
                            "acme/people/v2/people.proto", "acme/people/private/people.proto"});
}

// Trees by size; 0 is the people example.
const Tree& TreeOf(int domains) {
  static std::map<int, Tree> trees;
  auto found = trees.find(domains);
  if (found == trees.end()) {
    found = trees.emplace(domains, domains == 0 ? PeopleExample() : SyntheticTree(domains)).first;
  }
  return found->second;
}

// What one run of a command produced, checked once before the timed runs.
struct Output {
  std::string error;
  double files = 0;
  double megabytes = 0;
};

// The plugin's response: files, and no error.
Output CheckPluginResponse(const std::string& request_path) {
  Output output;
  std::string bytes;
  ChildRun run = Spawn({kPlugin}, request_path, (Work().path() / "check.stderr").string(), &bytes);
  google::protobuf::compiler::CodeGeneratorResponse response;
  if (!run.error.empty()) {
    output.error = run.error;
  } else if (!response.ParseFromString(bytes)) {
    output.error = "the plugin's output is not a CodeGeneratorResponse";
  } else if (response.has_error()) {
    output.error = "the plugin reported: " + response.error().substr(0, 2000);
  }
  output.files = response.file_size();
  output.megabytes = static_cast<double>(bytes.size()) / kMegabyte;
  return output;
}

// protoc --cpp_out's files.
Output CheckCppOut(const std::vector<std::string>& command, const std::string& out_dir) {
  Output output;
  fs::remove_all(out_dir);
  fs::create_directories(out_dir);
  ChildRun run = Spawn(command, "/dev/null", (Work().path() / "check.stderr").string());
  output.error = run.error;
  size_t bytes = 0;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(out_dir)) {
    if (!entry.is_regular_file()) continue;
    bytes += entry.file_size();
    output.files += 1;
  }
  output.megabytes = static_cast<double>(bytes) / kMegabyte;
  return output;
}

// The timed loop: one child per iteration.
void TimeChild(benchmark::State& state, const std::vector<std::string>& command,
               const std::string& stdin_path, const Output& output) {
  if (!output.error.empty()) {
    state.SkipWithError(output.error.c_str());
    return;
  }
  const std::string stderr_path = (Work().path() / "run.stderr").string();
  double cpu_s = 0;
  double peak_rss_mb = 0;
  for (auto _ : state) {
    ChildRun run = Spawn(command, stdin_path, stderr_path);
    if (!run.error.empty()) {
      state.SkipWithError(run.error.c_str());
      break;
    }
    state.SetIterationTime(run.wall_s);
    cpu_s += run.cpu_s;
    peak_rss_mb = std::max(peak_rss_mb, run.peak_rss_mb);
  }
  state.counters["cpu_ms"] = benchmark::Counter(cpu_s * 1000, benchmark::Counter::kAvgIterations);
  state.counters["peak_rss_mb"] = peak_rss_mb;
  state.counters["response_mb"] = output.megabytes;
  state.counters["files"] = output.files;
}

// The plugin fed the request for tree `key` (TreeOf), checked once.
void PluginOn(benchmark::State& state, int key) {
  const Tree& tree = TreeOf(key);
  if (!tree.error.empty()) {
    state.SkipWithError(tree.error.c_str());
    return;
  }
  static std::map<int, Output> checked;
  if (checked.count(key) == 0) checked[key] = CheckPluginResponse(tree.request_path);
  TimeChild(state, {kPlugin}, tree.request_path, checked[key]);
}

// protoc --cpp_out on the same tree.
void ProtocCppOutOn(benchmark::State& state, int key) {
  const Tree& tree = TreeOf(key);
  if (!tree.error.empty()) {
    state.SkipWithError(tree.error.c_str());
    return;
  }
  std::vector<std::string> command = {kProtoc, "--cpp_out=" + tree.out_dir};
  command.insert(command.end(), tree.protoc_args.begin(), tree.protoc_args.end());
  static std::map<int, Output> checked;
  if (checked.count(key) == 0) checked[key] = CheckCppOut(command, tree.out_dir);
  TimeChild(state, command, "/dev/null", checked[key]);
}

void BM_PluginSyntheticTree(benchmark::State& state) {
  PluginOn(state, static_cast<int>(state.range(0)));
}
void BM_BaselineProtocCppOut(benchmark::State& state) {
  ProtocCppOutOn(state, static_cast<int>(state.range(0)));
}
void BM_PluginPeopleExample(benchmark::State& state) { PluginOn(state, 0); }
void BM_BaselineProtocCppOutPeopleExample(benchmark::State& state) { ProtocCppOutOn(state, 0); }

// Start-up: an empty request (zero bytes is a valid, empty message) asks for
// no files; the plugin answers with an empty response.
void BM_PluginEmptyRequest(benchmark::State& state) {
  static const Output output = CheckPluginResponse("/dev/null");
  TimeChild(state, {kPlugin}, "/dev/null", output);
}

// The floor under any child process: spawning /bin/true.
void BM_BaselineSpawnTrue(benchmark::State& state) {
  TimeChild(state, {"/bin/true"}, "/dev/null", Output{});
}

// Tree sizes: 1, 2, 4, 8 domains; with CPPSVC_BENCH_LARGE=1 also 16 and 32;
// CPPSVC_BENCH_SIZES="N ..." chooses them.
std::vector<int> TreeSizes() {
  std::vector<int> sizes;
  if (const char* chosen = std::getenv("CPPSVC_BENCH_SIZES")) {
    std::istringstream in(chosen);
    for (int n; in >> n;) {
      if (n > 0) sizes.push_back(n);
    }
    return sizes;
  }
  const char* large = std::getenv("CPPSVC_BENCH_LARGE");
  const int largest = large != nullptr && std::strcmp(large, "1") == 0 ? 32 : 8;
  for (int domains = 1; domains <= largest; domains *= 2) sizes.push_back(domains);
  return sizes;
}

// Registered size by size, plugin then baseline, so the two of a pair run
// close together in time on a machine whose load changes.
void RegisterTreeSizes() {
  for (int domains : TreeSizes()) {
    for (auto [name, function] : {std::pair{"BM_PluginSyntheticTree", BM_PluginSyntheticTree},
                                  std::pair{"BM_BaselineProtocCppOut", BM_BaselineProtocCppOut}}) {
      benchmark::RegisterBenchmark(name, function)
          ->Arg(domains)
          ->ArgName("domains")
          ->UseManualTime()
          ->Unit(benchmark::kMillisecond);
    }
  }
}

BENCHMARK(BM_PluginEmptyRequest)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BaselineSpawnTrue)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PluginPeopleExample)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BaselineProtocCppOutPeopleExample)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  if (Work().path().empty()) {
    std::fprintf(stderr, "cppsvc_plugin_bench: cannot create a temporary directory\n");
    return 1;
  }
  RegisterTreeSizes();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  delete &Work();
  return 0;
}
