// Converting the example's create request along the chain, against two
// baselines in the same run: protobuf's own CopyFrom of the same message (the
// floor; BM_BaselineCopyFromV1Create in validate_bench.cc) and serialising v1
// then parsing the bytes as v2 (what people do by hand). Then whole calls
// through the in-process chain.
//
//   build/bench/cppsvc_bench --benchmark_filter='Convert|Call|Baseline'
#include "acme/people/private/people.svc.h"
#include "allocations.h"
#include "benchmark/benchmark.h"
#include "v1_converter.h"

namespace {

namespace v1 = ::acme::people::v1;
namespace v2 = ::acme::people::v2;
namespace priv = ::acme::people::private_;
using ::cppsvc::bench::AllocationScope;

v1::CreateRequest V1Create() {
  v1::CreateRequest request;
  request.set_id("f95616f1-23e3-4694-8658-8082b0a18267");
  request.set_first_name("Dane");
  request.set_last_name("Harrigan");
  request.set_employment(v1::Person::EMPLOYED);
  request.mutable_hobby()->mutable_biking()->set_style("road");
  return request;
}

void BM_BaselineSerializeParseV1ToV2Create(benchmark::State& state) {
  const v1::CreateRequest request = V1Create();
  std::string bytes;
  v2::CreateRequest next;
  AllocationScope allocations(state);
  for (auto _ : state) {
    request.SerializeToString(&bytes);
    next.ParseFromString(bytes);
    benchmark::DoNotOptimize(next);
  }
}
BENCHMARK(BM_BaselineSerializeParseV1ToV2Create);

void BM_ConvertV1ToV2Create(benchmark::State& state) {
  const v1::CreateRequest request = V1Create();
  const v1::svc::Converter& converter = v1::svc::Converter::Default();
  v2::CreateRequest next;
  AllocationScope allocations(state);
  for (auto _ : state) {
    next.Clear();
    benchmark::DoNotOptimize(converter.ToNext(request, next));
  }
}
BENCHMARK(BM_ConvertV1ToV2Create);

void BM_ConvertV1ToPrivateCreate(benchmark::State& state) {
  const v1::CreateRequest request = V1Create();
  const v1::svc::Converter& converter = v1::svc::Converter::Default();
  priv::CreateRequest out;
  AllocationScope allocations(state);
  for (auto _ : state) {
    out.Clear();
    benchmark::DoNotOptimize(converter.ToPrivate(request, out));
  }
}
BENCHMARK(BM_ConvertV1ToPrivateCreate);

void BM_ConvertCreateResponseBackToV1(benchmark::State& state) {
  priv::CreateResponse private_response;
  priv::Person* person = private_response.mutable_person();
  person->set_id("f95616f1-23e3-4694-8658-8082b0a18267");
  person->set_first_name("Dane");
  person->set_last_name("Harrigan");
  person->set_full_name("Dane Harrigan");
  person->set_age(36);
  person->set_employment(priv::Person::FULL_TIME);
  person->mutable_hobby()->mutable_cycling()->set_style("road");
  person->mutable_created_at()->set_seconds(1637522265);
  v2::CreateResponse next_response;
  (void)v2::svc::Converter::Default().ToPublic(private_response, next_response);
  const v1::svc::Converter& converter = v1::svc::Converter::Default();
  v1::CreateResponse out;
  AllocationScope allocations(state);
  for (auto _ : state) {
    out.Clear();
    benchmark::DoNotOptimize(converter.ToPublic(next_response, &private_response, out));
  }
}
BENCHMARK(BM_ConvertCreateResponseBackToV1);

// The floor for the row above: copying a v1 response of the same content.
void BM_BaselineCopyFromV1CreateResponse(benchmark::State& state) {
  v1::CreateResponse response;
  v1::Person* person = response.mutable_person();
  person->set_id("f95616f1-23e3-4694-8658-8082b0a18267");
  person->set_first_name("Dane");
  person->set_last_name("Harrigan");
  person->set_employment(v1::Person::EMPLOYED);
  person->mutable_hobby()->mutable_biking()->set_style("road");
  person->mutable_created_at()->set_seconds(1637522265);
  v1::CreateResponse copy;
  AllocationScope allocations(state);
  for (auto _ : state) {
    copy.CopyFrom(response);
    benchmark::DoNotOptimize(copy);
  }
}
BENCHMARK(BM_BaselineCopyFromV1CreateResponse);

// A private implementation that does the least an implementation can do.
class EchoPeople : public priv::svc::People {
 public:
  absl::Status Create(const priv::CreateRequest& request, priv::CreateResponse* response) override {
    priv::Person* person = response->mutable_person();
    person->set_id(request.id());
    person->set_full_name(request.full_name());
    person->set_first_name(request.first_name());
    person->set_last_name(request.last_name());
    person->set_age(request.age());
    person->set_employment(request.employment());
    *person->mutable_hobby() = request.hobby();
    return absl::OkStatus();
  }
  absl::Status Fetch(const priv::GetRequest&, priv::GetResponse*) override {
    return absl::OkStatus();
  }
  absl::Status Delete(const priv::DeleteRequest&, priv::DeleteResponse*) override {
    return absl::OkStatus();
  }
  absl::Status List(const priv::ListRequest&, priv::ListResponse*) override {
    return absl::OkStatus();
  }
  absl::Status Batch(const priv::BatchRequest&, priv::BatchResponse*) override {
    return absl::OkStatus();
  }
  absl::Status Ping(const priv::PingRequest&, priv::PingResponse*) override {
    return absl::OkStatus();
  }
};

// A full v1 call: validate v1, v1 -> v2 -> private, carry deprecated fields,
// validate private, implementation, private -> v2 -> v1.
void BM_CallV1CreateThroughChain(benchmark::State& state) {
  EchoPeople implementation;
  example::PeopleV1Converter converter;
  priv::svc::PeopleChainOverrides overrides;
  overrides.v1_converter = &converter;
  priv::svc::PeopleChain chain(implementation, overrides);
  const v1::CreateRequest request = V1Create();
  AllocationScope allocations(state);
  for (auto _ : state) {
    v1::CreateResponse response;
    absl::Status status = chain.v1().Create(request, &response);
    if (!status.ok()) state.SkipWithError(status.ToString().c_str());
    benchmark::DoNotOptimize(response);
  }
}
BENCHMARK(BM_CallV1CreateThroughChain);

// The same implementation called directly, with nothing of ours around it.
void BM_BaselineCallImplementationDirectly(benchmark::State& state) {
  EchoPeople implementation;
  priv::CreateRequest request;
  (void)v1::svc::Converter::Default().ToPrivate(V1Create(), request);
  request.set_full_name("Dane Harrigan");
  request.set_age(36);
  AllocationScope allocations(state);
  for (auto _ : state) {
    priv::CreateResponse response;
    benchmark::DoNotOptimize(implementation.Create(request, &response));
    benchmark::DoNotOptimize(response);
  }
}
BENCHMARK(BM_BaselineCallImplementationDirectly);

}  // namespace
