// A seeded, reflection-based random message generator for property tests.
//
// Fill() sets every field kind through reflection: scalars (with their
// extremes), strings (ASCII, multi-byte UTF-8, empty), bytes (any byte),
// enums (declared values and, for open enums, unknown numbers), repeated
// fields, maps, oneofs (one member or none) and nested messages down to
// `max_depth`. The same seed gives the same messages.
//
// `value_hook` lets a test bias values (the differential test aims them at
// rule boundaries): it is asked first for every scalar value and may set it.
#ifndef CPPSVC_TESTS_PROPERTY_RANDOM_MESSAGE_H_
#define CPPSVC_TESTS_PROPERTY_RANDOM_MESSAGE_H_

#include <cstdint>
#include <functional>
#include <random>
#include <string>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace cppsvc::property {

// One scalar value; the member matching the field's C++ type is used.
struct ScalarValue {
  int64_t i64 = 0;
  uint64_t u64 = 0;
  double f64 = 0;
  bool b = false;
  std::string str;
  int enum_number = 0;
};

struct RandomOptions {
  int max_depth = 4;                      // nested messages below this depth stay unset
  int max_repeated = 3;                   // elements per repeated or map field
  double set_probability = 0.8;           // chance that a singular field is set
  double unknown_enum_probability = 0.1;  // open enums: chance of an undeclared number
};

class RandomMessage {
 public:
  // A scalar value for `field` (an element, map key or value, or a singular
  // field): fill `value` and return true to use it, or return false to let
  // the generator choose.
  using ScalarHook = std::function<bool(const google::protobuf::FieldDescriptor* field,
                                        RandomMessage& random, ScalarValue& value)>;

  explicit RandomMessage(uint64_t seed, RandomOptions options = {})
      : engine_(seed), options_(options) {}

  void set_scalar_hook(ScalarHook hook) { hook_ = std::move(hook); }

  // Clears `message` and fills it.
  void Fill(google::protobuf::Message& message);

  // Random primitives, for hooks and tests.
  uint64_t Next() { return engine_(); }
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(engine_) < p; }
  uint64_t Below(uint64_t n) { return n == 0 ? 0 : engine_() % n; }
  std::string String();  // 0-12 code points, ASCII and multi-byte UTF-8
  std::string Bytes();   // 0-12 arbitrary bytes

 private:
  void FillMessage(google::protobuf::Message& message, int depth);
  void SetField(google::protobuf::Message& message, const google::protobuf::FieldDescriptor* field,
                int depth);
  void AddElement(google::protobuf::Message& message,
                  const google::protobuf::FieldDescriptor* field, int depth);
  ScalarValue RandomScalar(const google::protobuf::FieldDescriptor* field);

  std::mt19937_64 engine_;
  RandomOptions options_;
  ScalarHook hook_;
};

}  // namespace cppsvc::property

#endif  // CPPSVC_TESTS_PROPERTY_RANDOM_MESSAGE_H_
