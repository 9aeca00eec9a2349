// The message_fuzzer's input format, shared with its seed writer: byte 0
// picks a case (modulo kCaseCount), the rest is the case's message in the
// protobuf binary format.
#ifndef CPPSVC_TESTS_FUZZ_MESSAGE_CASES_H_
#define CPPSVC_TESTS_FUZZ_MESSAGE_CASES_H_

#include <cstdint>

namespace cppsvc::fuzz {

enum MessageCase : uint8_t {
  kV1CreateRequest = 0,        // acme.people.v1.CreateRequest, a client's request
  kV2CreateRequest = 1,        // acme.people.v2.CreateRequest
  kPrivateCreateRequest = 2,   // converted back to v2 and v1 (ToPublic)
  kPrivateCreateResponse = 3,  // the implementation's answer to v1 and v2 Create
  kV1GetRequest = 4,
  kV2GetRequest = 5,
  kPrivateGetResponse = 6,  // the implementation's answer to v1 and v2 Get
  kV1ListRequest = 7,
  kPrivateListResponse = 8,  // the answer to v1's deprecated List
  kV2BatchRequest = 9,
  kPrivateBatchRequest = 10,   // converted back to v2 (ToPublic)
  kPrivateBatchResponse = 11,  // the answer to v2 Batch
  kV1CreateResponse = 12,      // a public response: validated, converted onwards
  kV2CreateResponse = 13,
  kV2BatchResponse = 14,
  kV1DeleteRequest = 15,
  kV2DeleteRequest = 16,
  kCaseCount = 17,
};

}  // namespace cppsvc::fuzz

#endif  // CPPSVC_TESTS_FUZZ_MESSAGE_CASES_H_
