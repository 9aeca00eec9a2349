// Differential test of the generated validators (docs/reference/validation.md): random messages,
// biased to sit on the rules' boundaries, are validated by the generated
// `svc::Validate` and by an independent reading of the same annotations
// (rule_oracle.h); the two lists of violations must be equal (as multisets
// of path, rule id and message). Covers tests/protos/rules (every rule on
// every type) and the people example (v1, v2, private).
//
// CPPSVC_PROPERTY_COUNT sets the number of messages (default 100000);
// CPPSVC_PROPERTY_SEED the first seed (default 1).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "acme/people/private/people.svc.h"
#include "acme/people/v1/people.svc.h"
#include "acme/people/v2/people.svc.h"
#include "acme/rules/v1/rules.svc.h"
#include "gen/svc/annotations.pb.h"
#include "gtest/gtest.h"
#include "property/random_message.h"
#include "property/rule_oracle.h"

namespace cppsvc::property {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

uint64_t EnvOr(const char* name, uint64_t fallback) {
  const char* text = std::getenv(name);
  return text != nullptr && *text != '\0' ? std::strtoull(text, nullptr, 10) : fallback;
}

struct Subject {
  const google::protobuf::Descriptor* descriptor;
  std::function<Violations(const Message&)> validate;
};

template <typename T>
Subject Make() {
  return Subject{T::descriptor(), [](const Message& m) {
                   return ::acme::rules::v1::svc::Validate(static_cast<const T&>(m));
                 }};
}
template <typename T, typename F>
Subject MakeWith(F validate) {
  return Subject{T::descriptor(),
                 [validate](const Message& m) { return validate(static_cast<const T&>(m)); }};
}

#define PEOPLE(ns, T)              \
  MakeWith<::acme::people::ns::T>( \
      [](const ::acme::people::ns::T& m) { return ::acme::people::ns::svc::Validate(m); })

std::vector<Subject> Subjects() {
  namespace r = ::acme::rules::v1;
  return {Make<r::Scalars>(),
          Make<r::Strings>(),
          Make<r::Inner>(),
          Make<r::Plain>(),
          Make<r::Collections>(),
          Make<r::Presence>(),
          Make<r::Choice>(),
          Make<r::Tree>(),
          PEOPLE(v1, Person),
          PEOPLE(v1, Hobby),
          PEOPLE(v1, Biking),
          PEOPLE(v1, CreateRequest),
          PEOPLE(v1, CreateResponse),
          PEOPLE(v1, GetRequest),
          PEOPLE(v1, ListRequest),
          PEOPLE(v1, ListResponse),
          PEOPLE(v2, CreateRequest),
          PEOPLE(v2, Person),
          PEOPLE(v2, BatchRequest),
          PEOPLE(v2, GetResponse),
          PEOPLE(private_, CreateRequest),
          PEOPLE(private_, BatchRequest),
          PEOPLE(private_, GetRequest),
          PEOPLE(private_, DeleteRequest)};
}

// The rules that govern a value: a field's own, or, for a map value, the
// map field's.
const gen::svc::Validate& RulesOf(const FieldDescriptor* field) {
  const google::protobuf::Descriptor* owner = field->containing_type();
  if (owner->options().map_entry()) {
    const google::protobuf::Descriptor* parent = owner->containing_type();
    for (int i = 0; i < parent->field_count(); ++i) {
      if (parent->field(i)->message_type() == owner) {
        return parent->field(i)->options().GetExtension(gen::svc::field).validate();
      }
    }
  }
  return field->options().GetExtension(gen::svc::field).validate();
}

int64_t Saturate(long double v, int64_t lo, int64_t hi) {
  return v < lo ? lo : v > hi ? hi : static_cast<int64_t>(v);
}

// Values on and around every bound and listed value of the field's rules.
bool BoundaryValue(const FieldDescriptor* field, RandomMessage& random, ScalarValue& value) {
  const gen::svc::Validate& rules = RulesOf(field);
  const bool has_rules = rules.required() || rules.is() != 0 || rules.in_size() > 0 ||
                         rules.has_min() || rules.has_max();
  if (!has_rules || !random.Chance(0.75)) return false;
  std::vector<long double> numbers = {0};
  std::vector<std::string> texts = {""};
  const auto add_bound = [&](const gen::svc::Number& n) {
    long double b = n.value_case() == gen::svc::Number::kInt64    ? n.int64()
                    : n.value_case() == gen::svc::Number::kUint64 ? n.uint64()
                                                                  : n.double_();
    for (long double delta : {-1.0L, 0.0L, 1.0L}) numbers.push_back(b + delta);
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE ||
        field->cpp_type() == FieldDescriptor::CPPTYPE_FLOAT) {
      const double d = static_cast<double>(b);
      numbers.push_back(std::nextafter(d, -INFINITY));
      numbers.push_back(std::nextafter(d, INFINITY));
      numbers.push_back(static_cast<float>(d));
      numbers.push_back(std::nextafter(static_cast<float>(d), INFINITY));
    }
    if (n.value_case() != gen::svc::Number::kDouble && b >= 0 && b < 400) {
      const size_t length = static_cast<size_t>(b);
      for (size_t l : {length > 0 ? length - 1 : 0, length, length + 1}) {
        texts.push_back(std::string(l, 'a'));
        std::string wide;
        while (wide.size() + 2 <= l) wide += "\xC3\xA9";  // é, 2 bytes
        if (wide.size() < l) wide += "b";
        texts.push_back(wide);
      }
    }
  };
  if (rules.has_min()) add_bound(rules.min());
  if (rules.has_max()) add_bound(rules.max());
  for (const std::string& in : rules.in()) {
    texts.push_back(in);
    texts.push_back(in.size() > 2 && in.front() == '"' ? in.substr(1, in.size() - 2) : in + "x");
    const long double n = std::strtold(in.c_str(), nullptr);
    for (long double delta : {-1.0L, 0.0L, 1.0L}) numbers.push_back(n + delta);
  }
  switch (rules.is()) {
    case gen::svc::Validate::UUID:
      texts.insert(texts.end(),
                   {"f95616f1-23e3-4694-8658-8082b0a18267", "F95616F1-23E3-4694-8658-8082B0A18267",
                    "00000000-0000-0000-0000-000000000000", "f95616f1-23e3-4694-8658-8082b0a1826",
                    "f95616f123e3469486588082b0a18267"});
      break;
    case gen::svc::Validate::EMAIL:
      texts.insert(texts.end(),
                   {"dane@example.com", "a@b.c", "a@bc", "a..b@example.com", ".a@example.com",
                    "a@exa mple.com", std::string(65, 'a') + "@x.io"});
      break;
    case gen::svc::Validate::URL:
      texts.insert(texts.end(), {"example.com", "https://example.com/x?y#z", "localhost:8080",
                                 "localhost", "gopher://x.y", "http://[::1]:80/", "abc"});
      break;
    default:
      break;
  }
  numbers.insert(numbers.end(), {std::numeric_limits<long double>::infinity(),
                                 -std::numeric_limits<long double>::infinity(),
                                 std::numeric_limits<long double>::quiet_NaN()});
  const long double n = numbers[random.Below(numbers.size())];
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      if (std::isnan(n)) return false;
      value.i64 =
          Saturate(n, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max());
      return true;
    case FieldDescriptor::CPPTYPE_INT64:
      if (std::isnan(n)) return false;
      value.i64 =
          Saturate(n, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max());
      return true;
    case FieldDescriptor::CPPTYPE_UINT32:
      if (std::isnan(n)) return false;
      value.u64 = n < 0 ? 0 : n > 4294967295.0L ? 4294967295u : static_cast<uint64_t>(n);
      return true;
    case FieldDescriptor::CPPTYPE_UINT64:
      if (std::isnan(n)) return false;
      value.u64 = n < 0                          ? 0
                  : n >= 18446744073709551615.0L ? std::numeric_limits<uint64_t>::max()
                                                 : static_cast<uint64_t>(n);
      return true;
    case FieldDescriptor::CPPTYPE_FLOAT:
    case FieldDescriptor::CPPTYPE_DOUBLE:
      value.f64 = static_cast<double>(n);
      return true;
    case FieldDescriptor::CPPTYPE_BOOL:
      value.b = random.Chance(0.5);
      return true;
    case FieldDescriptor::CPPTYPE_STRING:
      value.str = texts[random.Below(texts.size())];
      return true;
    case FieldDescriptor::CPPTYPE_ENUM: {
      const auto* type = field->enum_type();
      if (rules.in_size() > 0 && random.Chance(0.5)) {
        const auto* named =
            type->FindValueByName(rules.in(static_cast<int>(random.Below(rules.in_size()))));
        if (named != nullptr) {
          value.enum_number = named->number();
          return true;
        }
      }
      value.enum_number =
          type->value(static_cast<int>(random.Below(type->value_count())))->number();
      return true;
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return false;
  }
  return false;
}

std::vector<std::string> Sorted(const Violations& violations) {
  std::vector<std::string> out;
  for (const Violation& v : violations) out.push_back(Canonical(v));
  std::sort(out.begin(), out.end());
  return out;
}
std::vector<std::string> Sorted(const std::vector<Violation>& violations) {
  std::vector<std::string> out;
  for (const Violation& v : violations) out.push_back(Canonical(v));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(DifferentialValidatorTest, GoFormatFloatMatchesGo) {
  // Outputs of Go's fmt.Sprint(float64(x)).
  EXPECT_EQ(GoFormatFloat(1e-07), "1e-07");
  EXPECT_EQ(GoFormatFloat(1000000), "1e+06");
  EXPECT_EQ(GoFormatFloat(999999), "999999");
  EXPECT_EQ(GoFormatFloat(2.5), "2.5");
  EXPECT_EQ(GoFormatFloat(0.0001), "0.0001");
  EXPECT_EQ(GoFormatFloat(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(GoFormatFloat(-1.5), "-1.5");
  EXPECT_EQ(GoFormatFloat(1e300), "1e+300");
  EXPECT_EQ(GoFormatFloat(123456.5), "123456.5");
}

TEST(DifferentialValidatorTest, GeneratedValidatorsAgreeWithAnIndependentReading) {
  const uint64_t count = EnvOr("CPPSVC_PROPERTY_COUNT", 100000);
  const uint64_t seed = EnvOr("CPPSVC_PROPERTY_SEED", 1);
  const std::vector<Subject> subjects = Subjects();
  std::vector<std::unique_ptr<Message>> messages;
  for (const Subject& s : subjects) {
    messages.emplace_back(
        google::protobuf::MessageFactory::generated_factory()->GetPrototype(s.descriptor)->New());
  }
  RandomOptions options;
  options.max_depth = 3;
  RandomMessage random(seed, options);
  random.set_scalar_hook(BoundaryValue);
  uint64_t with_violations = 0, total_violations = 0, disagreements = 0;
  std::vector<uint64_t> per_rule(7, 0);
  const auto start = std::chrono::steady_clock::now();
  for (uint64_t i = 0; i < count; ++i) {
    const size_t which = i % subjects.size();
    Message& message = *messages[which];
    random.Fill(message);
    const Violations generated = subjects[which].validate(message);
    const std::vector<Violation> expected = OracleViolations(message);
    if (!generated.ok()) ++with_violations;
    total_violations += generated.size();
    for (const Violation& v : generated) ++per_rule[static_cast<size_t>(v.rule)];
    const std::vector<std::string> got = Sorted(generated);
    const std::vector<std::string> want = Sorted(expected);
    if (got != want) {
      if (++disagreements <= 5) {
        std::string text = "message " + std::to_string(i) + " (" +
                           message.GetDescriptor()->full_name() +
                           "): " + message.ShortDebugString() + "\n  generated:";
        for (const std::string& g : got) text += "\n    " + g;
        text += "\n  oracle:";
        for (const std::string& w : want) text += "\n    " + w;
        ADD_FAILURE() << text;
      }
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "differential: %llu messages of %zu types (seed %llu), %llu with violations, %llu "
      "violations (required %llu, min %llu, max %llu, is.uuid %llu, is.email %llu, is.url %llu, "
      "in %llu), %llu disagreements, %.2f s\n",
      static_cast<unsigned long long>(count), subjects.size(),
      static_cast<unsigned long long>(seed), static_cast<unsigned long long>(with_violations),
      static_cast<unsigned long long>(total_violations),
      static_cast<unsigned long long>(per_rule[0]), static_cast<unsigned long long>(per_rule[1]),
      static_cast<unsigned long long>(per_rule[2]), static_cast<unsigned long long>(per_rule[3]),
      static_cast<unsigned long long>(per_rule[4]), static_cast<unsigned long long>(per_rule[5]),
      static_cast<unsigned long long>(per_rule[6]), static_cast<unsigned long long>(disagreements),
      seconds);
  EXPECT_EQ(disagreements, 0u);
  // Not vacuous: a good share of messages fail, every rule fires, and many pass.
  EXPECT_GT(with_violations, count / 10);
  EXPECT_LT(with_violations, count);
  if (count >= 10000) {
    for (uint64_t n : per_rule) EXPECT_GT(n, 0u);
  }
}

}  // namespace
}  // namespace cppsvc::property
