// Event envelope overhead (SPEC §7): packing an event into an envelope and
// serialising it, against serialising the bare payload; parsing an envelope
// and its payload, against parsing the bare payload. Both in the same run,
// with heap allocations per operation; the ratios are printed at the end
// (target: within 1.5x of the bare payload).
//
//   build/bench/cppsvc_events_bench
//
// Written against the runtime (NewEnvelope + serialise the payload into it;
// parse the envelope + parse its payload), which is what the generated
// Pack/Unpack do around validation.
#include <cstdio>
#include <map>
#include <string>

#include "acme/user/v1/user.pb.h"
#include "allocations.h"
#include "benchmark/benchmark.h"
#include "cppsvc/events.h"
#include "cppsvc/internal/event_support.h"

namespace {

namespace v1 = ::acme::user::v1;
using ::cppsvc::bench::AllocationScope;
using ::cppsvc::events::Envelope;

constexpr cppsvc::events::EventInfo kAccountCreated{"user.account.created", "v1", "User",
                                                    "acme.user.v1.AccountCreated"};

v1::AccountCreated Event() {
  v1::AccountCreated event;
  event.set_account_id("f95616f1-23e3-4694-8658-8082b0a18267");
  event.set_name("Dane Harrigan");
  event.set_email("dane@example.com");
  event.set_credit_cents(125000);
  event.set_plan(v1::PLAN_PRO);
  return event;
}

Envelope Pack(const v1::AccountCreated& event) {
  Envelope envelope = cppsvc::events::internal::NewEnvelope(kAccountCreated, {},
                                                            event.account_id());
  event.SerializeToString(envelope.mutable_payload());
  return envelope;
}

void BM_NewEventId(benchmark::State& state) {
  AllocationScope allocations(state);
  for (auto _ : state) {
    std::string id = cppsvc::events::NewEventId();
    benchmark::DoNotOptimize(id);
  }
}
BENCHMARK(BM_NewEventId);

void BM_PackSerializeEnvelope(benchmark::State& state) {
  const v1::AccountCreated event = Event();
  std::string bytes;
  AllocationScope allocations(state);
  for (auto _ : state) {
    Pack(event).SerializeToString(&bytes);
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["bytes"] = static_cast<double>(bytes.size());
}
BENCHMARK(BM_PackSerializeEnvelope);

void BM_SerializeBarePayload(benchmark::State& state) {
  const v1::AccountCreated event = Event();
  std::string bytes;
  AllocationScope allocations(state);
  for (auto _ : state) {
    event.SerializeToString(&bytes);
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["bytes"] = static_cast<double>(bytes.size());
}
BENCHMARK(BM_SerializeBarePayload);

// A producer that keeps one Envelope and refills it (FillEnvelope): protobuf
// keeps the string buffers, so the envelope's fields cost no allocations.
void BM_PackSerializeReusedEnvelope(benchmark::State& state) {
  const v1::AccountCreated event = Event();
  Envelope envelope;
  std::string bytes;
  AllocationScope allocations(state);
  for (auto _ : state) {
    cppsvc::events::internal::FillEnvelope(kAccountCreated, {}, event.account_id(), 0, {},
                                           &envelope);
    event.SerializeToString(envelope.mutable_payload());
    envelope.SerializeToString(&bytes);
    benchmark::DoNotOptimize(bytes);
  }
}
BENCHMARK(BM_PackSerializeReusedEnvelope);

// Consumers that reuse their messages, both sides.
void BM_ParseUnpackReusedEnvelope(benchmark::State& state) {
  const std::string bytes = Pack(Event()).SerializeAsString();
  Envelope envelope;
  v1::AccountCreated event;
  AllocationScope allocations(state);
  for (auto _ : state) {
    envelope.ParseFromString(bytes);
    event.ParseFromString(envelope.payload());
    benchmark::DoNotOptimize(event);
  }
}
BENCHMARK(BM_ParseUnpackReusedEnvelope);

void BM_ParseReusedBarePayload(benchmark::State& state) {
  const std::string bytes = Event().SerializeAsString();
  v1::AccountCreated event;
  AllocationScope allocations(state);
  for (auto _ : state) {
    event.ParseFromString(bytes);
    benchmark::DoNotOptimize(event);
  }
}
BENCHMARK(BM_ParseReusedBarePayload);

void BM_ParseUnpackEnvelope(benchmark::State& state) {
  const std::string bytes = Pack(Event()).SerializeAsString();
  AllocationScope allocations(state);
  for (auto _ : state) {
    Envelope envelope;
    envelope.ParseFromString(bytes);
    v1::AccountCreated event;
    event.ParseFromString(envelope.payload());
    benchmark::DoNotOptimize(event);
  }
}
BENCHMARK(BM_ParseUnpackEnvelope);

void BM_ParseBarePayload(benchmark::State& state) {
  const std::string bytes = Event().SerializeAsString();
  AllocationScope allocations(state);
  for (auto _ : state) {
    v1::AccountCreated event;
    event.ParseFromString(bytes);
    benchmark::DoNotOptimize(event);
  }
}
BENCHMARK(BM_ParseBarePayload);

// Prints as usual and remembers each benchmark's time for the ratios.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.run_type == Run::RT_Iteration) times_[run.benchmark_name()] = run.GetAdjustedCPUTime();
    }
  }
  void PrintRatio(const char* what, const std::string& envelope, const std::string& bare) {
    if (times_.count(envelope) == 0 || times_.count(bare) == 0) return;
    std::printf("%-28s %.2fx the bare payload (%s / %s)\n", what, times_[envelope] / times_[bare],
                envelope.c_str(), bare.c_str());
  }

 private:
  std::map<std::string, double> times_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  std::printf("\nenvelope overhead (CPU time, target <= 1.5x):\n");
  reporter.PrintRatio("pack + serialize:", "BM_PackSerializeEnvelope", "BM_SerializeBarePayload");
  reporter.PrintRatio("pack + serialize, reused:", "BM_PackSerializeReusedEnvelope",
                      "BM_SerializeBarePayload");
  reporter.PrintRatio("parse + unpack:", "BM_ParseUnpackEnvelope", "BM_ParseBarePayload");
  reporter.PrintRatio("parse + unpack, reused:", "BM_ParseUnpackReusedEnvelope",
                      "BM_ParseReusedBarePayload");
  benchmark::Shutdown();
  return 0;
}
