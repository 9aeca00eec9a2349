// Event envelope overhead: packing an event into an envelope and
// serialising it, against serialising the bare payload; parsing an envelope
// and its payload, against parsing the bare payload. All in the same run,
// with heap allocations per operation; the ratios are printed at the end
// (target: within 1.5x of the bare payload).
//
//   build/bench/cppsvc_events_bench
//   build/bench/cppsvc_events_bench --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true      (one line; medians for the ratios)
//
// The envelope side is written exactly as the generated code does it:
//   PackTo(event, &bytes, options):  Validate(event) -> CheckValid ->
//       internal::SerializeNewEnvelope(kInfo, options, event.account_id(), 0, {}, event, &bytes)
//   Unpack(bytes, &event):  EnvelopeView::Parse(bytes) -> Holds(view, kInfo) ->
//       event->ParseFromArray(view.payload) -> CheckValid(Validate(*event))
// measured with and without the validation, for the example's AccountCreated
// (77-byte payload) and for a ~1 KB one. The old two-step way (NewEnvelope /
// FillEnvelope + an Envelope message; parse into an Envelope) is kept for
// comparison.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "acme/user/v1/user.pb.h"
#include "acme/user/v1/user.svc.h"
#include "allocations.h"
#include "benchmark/benchmark.h"
#include "cppsvc/events.h"
#include "cppsvc/internal/event_support.h"

namespace {

namespace v1 = ::acme::user::v1;
namespace internal = ::cppsvc::events::internal;
using ::cppsvc::bench::AllocationScope;
using ::cppsvc::events::Envelope;
using ::cppsvc::events::EnvelopeView;

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

// The same event with a ~1 KB (ASCII) name: a larger payload.
v1::AccountCreated LargeEvent() {
  v1::AccountCreated event = Event();
  std::string name;
  while (name.size() < 950) name += "Dane Harrigan of the platform team; ";
  event.set_name(name);
  return event;
}

v1::AccountCreated MakeEvent(const benchmark::State& state) {
  return state.range(0) == 0 ? Event() : LargeEvent();
}

// --- the generated code's shapes -------------------------------------------

void PackTo(const v1::AccountCreated& event, std::string* bytes) {
  internal::SerializeNewEnvelope(kAccountCreated, {}, event.account_id(), 0, {}, event, bytes);
}

// What users call: the generated PackTo (validate, then SerializeNewEnvelope).
absl::Status ValidatedPackTo(const v1::AccountCreated& event, std::string* bytes) {
  return v1::svc::PackTo(event, bytes);
}

absl::Status Unpack(absl::string_view bytes, v1::AccountCreated* event) {
  absl::StatusOr<EnvelopeView> view = EnvelopeView::Parse(bytes);
  if (!view.ok()) return view.status();
  if (!internal::Holds(*view, kAccountCreated)) {
    return internal::NotAccepted(*view, kAccountCreated.payload_type, {kAccountCreated});
  }
  if (!event->ParseFromArray(view->payload.data(), static_cast<int>(view->payload.size()))) {
    return internal::BadPayload(*view, kAccountCreated.payload_type);
  }
  return absl::OkStatus();
}

// What users call: the generated Unpack from bytes (view, checks, parse,
// validate).
absl::Status ValidatedUnpack(absl::string_view bytes, v1::AccountCreated* event) {
  return v1::svc::Unpack(bytes, event);
}

// The old two-step way.
Envelope TwoStepPack(const v1::AccountCreated& event) {
  Envelope envelope = internal::NewEnvelope(kAccountCreated, {}, event.account_id());
  event.SerializeToString(envelope.mutable_payload());
  return envelope;
}

std::string EnvelopeBytes(const v1::AccountCreated& event) {
  std::string bytes;
  PackTo(event, &bytes);
  return bytes;
}

// --- pieces ------------------------------------------------------------------

void BM_NewEventId(benchmark::State& state) {
  AllocationScope allocations(state);
  for (auto _ : state) {
    std::string id = cppsvc::events::NewEventId();
    benchmark::DoNotOptimize(id);
  }
}
BENCHMARK(BM_NewEventId);

void BM_NowMillis(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(cppsvc::events::NowMillis());
}
BENCHMARK(BM_NowMillis);

// The envelope alone: parse the view (no payload parse).
void BM_EnvelopeViewParse(benchmark::State& state) {
  const std::string bytes = EnvelopeBytes(MakeEvent(state));
  AllocationScope allocations(state);
  for (auto _ : state) {
    absl::StatusOr<EnvelopeView> view = EnvelopeView::Parse(bytes);
    benchmark::DoNotOptimize(view);
  }
}
BENCHMARK(BM_EnvelopeViewParse)->Arg(0)->Arg(1);

// --- (a) pack + serialise: one step vs the bare payload ------------------------

void BM_SerializeBarePayload(benchmark::State& state) {
  const v1::AccountCreated event = MakeEvent(state);
  std::string bytes;
  AllocationScope allocations(state);
  for (auto _ : state) {
    event.SerializeToString(&bytes);
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["bytes"] = static_cast<double>(bytes.size());
}
BENCHMARK(BM_SerializeBarePayload)->Arg(0)->Arg(1);

void BM_SerializeNewEnvelope(benchmark::State& state) {
  const v1::AccountCreated event = MakeEvent(state);
  std::string bytes;
  AllocationScope allocations(state);
  for (auto _ : state) {
    PackTo(event, &bytes);
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["bytes"] = static_cast<double>(bytes.size());
}
BENCHMARK(BM_SerializeNewEnvelope)->Arg(0)->Arg(1);

// --- (b) parse + unpack: the view vs the bare payload ---------------------------

void BM_ParseReusedBarePayload(benchmark::State& state) {
  const std::string bytes = MakeEvent(state).SerializeAsString();
  v1::AccountCreated event;
  AllocationScope allocations(state);
  for (auto _ : state) {
    event.ParseFromString(bytes);
    benchmark::DoNotOptimize(event);
  }
}
BENCHMARK(BM_ParseReusedBarePayload)->Arg(0)->Arg(1);

void BM_ViewUnpackReused(benchmark::State& state) {
  const std::string bytes = EnvelopeBytes(MakeEvent(state));
  v1::AccountCreated event;
  AllocationScope allocations(state);
  for (auto _ : state) {
    absl::Status status = Unpack(bytes, &event);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(event);
  }
}
BENCHMARK(BM_ViewUnpackReused)->Arg(0)->Arg(1);

void BM_ParseBarePayload(benchmark::State& state) {
  const std::string bytes = MakeEvent(state).SerializeAsString();
  AllocationScope allocations(state);
  for (auto _ : state) {
    v1::AccountCreated event;
    event.ParseFromString(bytes);
    benchmark::DoNotOptimize(event);
  }
}
BENCHMARK(BM_ParseBarePayload)->Arg(0)->Arg(1);

void BM_ViewUnpack(benchmark::State& state) {
  const std::string bytes = EnvelopeBytes(MakeEvent(state));
  AllocationScope allocations(state);
  for (auto _ : state) {
    v1::AccountCreated event;
    absl::Status status = Unpack(bytes, &event);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(event);
  }
}
BENCHMARK(BM_ViewUnpack)->Arg(0)->Arg(1);

// --- (c) with validation -----------------------------------------------------

void BM_ValidateSerializeBarePayload(benchmark::State& state) {
  const v1::AccountCreated event = MakeEvent(state);
  std::string bytes;
  AllocationScope allocations(state);
  for (auto _ : state) {
    absl::Status status = internal::CheckValid(v1::svc::Validate(event), kAccountCreated);
    if (status.ok()) event.SerializeToString(&bytes);
    benchmark::DoNotOptimize(bytes);
  }
}
BENCHMARK(BM_ValidateSerializeBarePayload)->Arg(0)->Arg(1);

void BM_ValidatedSerializeNewEnvelope(benchmark::State& state) {
  const v1::AccountCreated event = MakeEvent(state);
  std::string bytes;
  AllocationScope allocations(state);
  for (auto _ : state) {
    absl::Status status = ValidatedPackTo(event, &bytes);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(bytes);
  }
}
BENCHMARK(BM_ValidatedSerializeNewEnvelope)->Arg(0)->Arg(1);

void BM_ParseValidateReusedBarePayload(benchmark::State& state) {
  const std::string bytes = MakeEvent(state).SerializeAsString();
  v1::AccountCreated event;
  AllocationScope allocations(state);
  for (auto _ : state) {
    absl::Status status = event.ParseFromString(bytes)
                              ? internal::CheckValid(v1::svc::Validate(event), kAccountCreated)
                              : absl::InvalidArgumentError("bad");
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(event);
  }
}
BENCHMARK(BM_ParseValidateReusedBarePayload)->Arg(0)->Arg(1);

void BM_ValidatedViewUnpackReused(benchmark::State& state) {
  const std::string bytes = EnvelopeBytes(MakeEvent(state));
  v1::AccountCreated event;
  AllocationScope allocations(state);
  for (auto _ : state) {
    absl::Status status = ValidatedUnpack(bytes, &event);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(event);
  }
}
BENCHMARK(BM_ValidatedViewUnpackReused)->Arg(0)->Arg(1);

// --- the old two-step way, for comparison --------------------------------------

void BM_PackSerializeEnvelope(benchmark::State& state) {
  const v1::AccountCreated event = MakeEvent(state);
  std::string bytes;
  AllocationScope allocations(state);
  for (auto _ : state) {
    TwoStepPack(event).SerializeToString(&bytes);
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["bytes"] = static_cast<double>(bytes.size());
}
BENCHMARK(BM_PackSerializeEnvelope)->Arg(0)->Arg(1);

// A producer that keeps one Envelope and refills it (FillEnvelope).
void BM_PackSerializeReusedEnvelope(benchmark::State& state) {
  const v1::AccountCreated event = MakeEvent(state);
  Envelope envelope;
  std::string bytes;
  AllocationScope allocations(state);
  for (auto _ : state) {
    internal::FillEnvelope(kAccountCreated, {}, event.account_id(), 0, {}, &envelope);
    event.SerializeToString(envelope.mutable_payload());
    envelope.SerializeToString(&bytes);
    benchmark::DoNotOptimize(bytes);
  }
}
BENCHMARK(BM_PackSerializeReusedEnvelope)->Arg(0)->Arg(1);

void BM_ParseUnpackReusedEnvelope(benchmark::State& state) {
  const std::string bytes = TwoStepPack(MakeEvent(state)).SerializeAsString();
  Envelope envelope;
  v1::AccountCreated event;
  AllocationScope allocations(state);
  for (auto _ : state) {
    envelope.ParseFromString(bytes);
    event.ParseFromString(envelope.payload());
    benchmark::DoNotOptimize(event);
  }
}
BENCHMARK(BM_ParseUnpackReusedEnvelope)->Arg(0)->Arg(1);

void BM_ParseUnpackEnvelope(benchmark::State& state) {
  const std::string bytes = TwoStepPack(MakeEvent(state)).SerializeAsString();
  AllocationScope allocations(state);
  for (auto _ : state) {
    Envelope envelope;
    envelope.ParseFromString(bytes);
    v1::AccountCreated event;
    event.ParseFromString(envelope.payload());
    benchmark::DoNotOptimize(event);
  }
}
BENCHMARK(BM_ParseUnpackEnvelope)->Arg(0)->Arg(1);

// Prints as usual and remembers each benchmark's CPU time for the ratios
// (the median when run with --benchmark_repetitions).
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.run_type == Run::RT_Iteration) {
        if (times_.count(run.run_name.str()) == 0 || !has_median_[run.run_name.str()]) {
          times_[run.run_name.str()] = run.GetAdjustedCPUTime();
        }
      } else if (run.aggregate_name == "median") {
        times_[run.run_name.str()] = run.GetAdjustedCPUTime();
        has_median_[run.run_name.str()] = true;
      }
    }
  }
  void PrintRatio(const char* what, const std::string& envelope, const std::string& bare) {
    if (times_.count(envelope) == 0 || times_.count(bare) == 0) return;
    std::printf("  %-44s %6.2fx  (%7.1f / %7.1f ns  %s / %s)\n", what,
                times_[envelope] / times_[bare], times_[envelope], times_[bare], envelope.c_str(),
                bare.c_str());
  }

 private:
  std::map<std::string, double> times_;
  std::map<std::string, bool> has_median_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  for (const char* size : {"0", "1"}) {
    auto name = [&](const char* benchmark) { return std::string(benchmark) + "/" + size; };
    std::printf("\nenvelope overhead, %s payload (CPU time, target <= 1.5x):\n",
                size[0] == '0' ? "77-byte" : "~1 KB");
    reporter.PrintRatio("(a) pack + serialize, one step:", name("BM_SerializeNewEnvelope"),
                        name("BM_SerializeBarePayload"));
    reporter.PrintRatio("(b) parse + unpack, view, reused event:", name("BM_ViewUnpackReused"),
                        name("BM_ParseReusedBarePayload"));
    reporter.PrintRatio("(b) parse + unpack, view, new event:", name("BM_ViewUnpack"),
                        name("BM_ParseBarePayload"));
    reporter.PrintRatio("(c) validate + pack + serialize:",
                        name("BM_ValidatedSerializeNewEnvelope"), name("BM_SerializeBarePayload"));
    reporter.PrintRatio(
        "    ... vs validate + serialize bare:", name("BM_ValidatedSerializeNewEnvelope"),
        name("BM_ValidateSerializeBarePayload"));
    reporter.PrintRatio("(c) parse + unpack + validate, reused:",
                        name("BM_ValidatedViewUnpackReused"), name("BM_ParseReusedBarePayload"));
    reporter.PrintRatio("    ... vs parse + validate bare:", name("BM_ValidatedViewUnpackReused"),
                        name("BM_ParseValidateReusedBarePayload"));
    reporter.PrintRatio("old: pack + serialize (NewEnvelope):", name("BM_PackSerializeEnvelope"),
                        name("BM_SerializeBarePayload"));
    reporter.PrintRatio("old: pack + serialize, reused envelope:",
                        name("BM_PackSerializeReusedEnvelope"), name("BM_SerializeBarePayload"));
    reporter.PrintRatio("old: parse + unpack (Envelope):", name("BM_ParseUnpackEnvelope"),
                        name("BM_ParseBarePayload"));
    reporter.PrintRatio("old: parse + unpack, reused messages:",
                        name("BM_ParseUnpackReusedEnvelope"), name("BM_ParseReusedBarePayload"));
  }
  benchmark::Shutdown();
  return 0;
}
