// EXPECT_TRUE(EqualsText(message, "id: \"x\" age: 3")): compares a message
// with one written in text format, field by field (MessageDifferencer), and
// reports the differences. Comparing DebugString() output instead breaks
// across protobuf versions: newer ones mark their debug text on purpose.
#ifndef CPPSVC_TESTS_SUPPORT_EQUALS_TEXT_H_
#define CPPSVC_TESTS_SUPPORT_EQUALS_TEXT_H_

#include <string>

#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace cppsvc::testing {

template <typename Message>
::testing::AssertionResult EqualsText(const Message& actual, const std::string& text) {
  Message expected;
  if (!google::protobuf::TextFormat::ParseFromString(text, &expected)) {
    return ::testing::AssertionFailure() << "the expected text does not parse: " << text;
  }
  std::string differences;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&differences);
  if (differencer.Compare(expected, actual)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "differs from " << text << ":\n" << differences;
}

}  // namespace cppsvc::testing

#endif  // CPPSVC_TESTS_SUPPORT_EQUALS_TEXT_H_
