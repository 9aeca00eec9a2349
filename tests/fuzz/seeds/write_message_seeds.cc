// Writes the message_fuzzer's seeds into the directory given: the people
// example's conversion vectors (examples/people/testdata/conversions/*.json)
// in the binary format, each behind the case byte of
// tests/fuzz/message_cases.h, plus a few requests of tests/support. Built as
// cppsvc_fuzz_message_seeds; run it when the vectors change (the files are
// committed under tests/fuzz/corpus/message/):
//   build/tests/fuzz/cppsvc_fuzz_message_seeds tests/fuzz/corpus/message
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "acme/people/private/people.pb.h"
#include "acme/people/v1/people.pb.h"
#include "acme/people/v2/people.pb.h"
#include "fuzz/message_cases.h"
#include "google/protobuf/util/json_util.h"
#include "support/people_requests.h"

namespace {

namespace v1 = ::acme::people::v1;
namespace v2 = ::acme::people::v2;
namespace priv = ::acme::people::private_;
using namespace cppsvc::fuzz;  // NOLINT: the case names

std::string out_dir;
int failures = 0;

void Write(const std::string& name, MessageCase which, const google::protobuf::Message& message) {
  std::string bytes(1, static_cast<char>(which));
  bytes += message.SerializeAsString();
  std::ofstream(out_dir + "/" + name + ".bin", std::ios::binary) << bytes;
}

template <typename M>
void FromJson(const std::string& name, MessageCase which, const std::string& json_file) {
  std::ifstream file(std::string(CPPSVC_CONVERSIONS_DIR) + "/" + json_file);
  const std::string json((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  M message;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &message);
  if (json.empty() || !status.ok()) {
    std::fprintf(stderr, "write_message_seeds: %s: %s\n", json_file.c_str(),
                 status.ToString().c_str());
    ++failures;
    return;
  }
  Write(name, which, message);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <out-dir>\n", argv[0]);
    return 2;
  }
  out_dir = argv[1];
  FromJson<v1::CreateRequest>("v1-create-request", kV1CreateRequest, "v1/create-request.json");
  FromJson<v1::CreateResponse>("v1-create-response", kV1CreateResponse, "v1/create-response.json");
  FromJson<v2::CreateRequest>("v2-create-request", kV2CreateRequest, "v2/create-request.json");
  FromJson<v2::CreateResponse>("v2-create-response", kV2CreateResponse, "v2/create-response.json");
  FromJson<v2::BatchRequest>("v2-batch-request", kV2BatchRequest, "v2/batch-request.json");
  FromJson<v2::BatchResponse>("v2-batch-response", kV2BatchResponse, "v2/batch-response.json");
  FromJson<priv::CreateRequest>("private-create-request-all", kPrivateCreateRequest,
                                "private/create-request-all.json");
  FromJson<priv::CreateRequest>("private-create-request-v2", kPrivateCreateRequest,
                                "private/create-request-v2.json");
  FromJson<priv::CreateResponse>("private-create-response-all", kPrivateCreateResponse,
                                 "private/create-response-all.json");
  FromJson<priv::CreateResponse>("private-create-response-v2", kPrivateCreateResponse,
                                 "private/create-response-v2.json");
  FromJson<priv::BatchRequest>("private-batch-request-v2", kPrivateBatchRequest,
                               "private/batch-request-v2.json");
  FromJson<priv::BatchResponse>("private-batch-response-v2", kPrivateBatchResponse,
                                "private/batch-response-v2.json");
  // The requests tests/support sends, and the cases no vector covers.
  Write("v1-create-request-support", kV1CreateRequest, cppsvc::testing::V1CreateRequest());
  Write("v2-create-request-support", kV2CreateRequest, cppsvc::testing::V2CreateRequest());
  v1::GetRequest v1_get;
  v1_get.set_id(cppsvc::testing::kPersonId);
  Write("v1-get-request", kV1GetRequest, v1_get);
  Write("v1-delete-request", kV1DeleteRequest, v1_get);  // the same field 1
  v2::GetRequest v2_get;
  v2_get.set_id(cppsvc::testing::kPersonId);
  Write("v2-get-request", kV2GetRequest, v2_get);
  Write("v2-delete-request", kV2DeleteRequest, v2_get);
  priv::GetResponse fetched;
  fetched.mutable_person()->set_id(cppsvc::testing::kPersonId);
  fetched.mutable_person()->set_full_name("Dane Harrigan");
  fetched.mutable_person()->set_employment(priv::Person::UNEMPLOYED);
  fetched.mutable_person()->mutable_hobby()->mutable_coding()->set_language("C++");
  Write("private-get-response", kPrivateGetResponse, fetched);
  v1::ListRequest list;
  list.set_page_size(3);
  Write("v1-list-request", kV1ListRequest, list);
  priv::ListResponse listed;
  *listed.add_people() = fetched.person();
  listed.add_people()->set_id("not a uuid");
  Write("private-list-response", kPrivateListResponse, listed);
  return failures == 0 ? 0 : 1;
}
