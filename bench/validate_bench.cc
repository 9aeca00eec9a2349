// Validating the example's create request, valid and invalid, with a count of
// heap allocations per call. Baseline in the same run: protobuf's own
// CopyFrom of the same message, so results compare across noisy machines.
//
//   build/bench/cppsvc_bench --benchmark_filter=Create
#include "acme/people/v1/people.svc.h"
#include "allocations.h"
#include "benchmark/benchmark.h"

namespace {

namespace v1 = ::acme::people::v1;

v1::CreateRequest ValidCreate() {
  v1::CreateRequest request;
  request.set_id("f95616f1-23e3-4694-8658-8082b0a18267");
  request.set_first_name("Dane");
  request.set_last_name("Harrigan");
  request.set_employment(v1::Person::EMPLOYED);
  request.mutable_hobby()->mutable_biking()->set_style("road");
  return request;
}

v1::CreateRequest InvalidCreate() {
  v1::CreateRequest request = ValidCreate();
  request.set_id("not-a-uuid");
  request.set_first_name("D");
  return request;
}

using ::cppsvc::bench::AllocationScope;

void BM_ValidateCreateValid(benchmark::State& state) {
  const v1::CreateRequest request = ValidCreate();
  (void)v1::svc::Validate(request);  // first use builds the shared default
  AllocationScope allocations(state);
  for (auto _ : state) {
    cppsvc::Violations violations = v1::svc::Validate(request);
    benchmark::DoNotOptimize(violations);
  }
}
BENCHMARK(BM_ValidateCreateValid);

void BM_ValidateCreateInvalid(benchmark::State& state) {
  const v1::CreateRequest request = InvalidCreate();
  AllocationScope allocations(state);
  for (auto _ : state) {
    cppsvc::Violations violations = v1::svc::Validate(request);
    benchmark::DoNotOptimize(violations);
  }
}
BENCHMARK(BM_ValidateCreateInvalid);

void BM_ValidateCreateInvalidWithText(benchmark::State& state) {
  const v1::CreateRequest request = InvalidCreate();
  AllocationScope allocations(state);
  for (auto _ : state) {
    std::string text = v1::svc::Validate(request).ToString();
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_ValidateCreateInvalidWithText);

// Baseline: protobuf copying the same message.
void BM_BaselineCopyFromV1Create(benchmark::State& state) {
  const v1::CreateRequest request = ValidCreate();
  v1::CreateRequest copy;
  AllocationScope allocations(state);
  for (auto _ : state) {
    copy.CopyFrom(request);
    benchmark::DoNotOptimize(copy);
  }
}
BENCHMARK(BM_BaselineCopyFromV1Create);

}  // namespace

BENCHMARK_MAIN();
