// Files with `option optimize_for = LITE_RUNTIME;`: their messages derive from
// MessageLite, without descriptors or reflection. Validators, converters and
// the service chain use accessors only and are generated as for any file;
// what needs reflection is decided here: conversion-test helpers (JSON test
// data, message diffs) are left out with a warning, and events (registry,
// JSON, CloudEvents) are an error at each event of a lite file.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.pb.h"
#include "plugin/model/model_builder.h"

namespace cppsvc::plugin {
namespace {

// SourceCodeInfo path of `option optimize_for` (FileDescriptorProto.options
// = 8, FileOptions.optimize_for = 9).
const std::vector<int> kOptimizeForPath = {8, 9};

const pb::FileDescriptor* LiteFileOf(const Package& package) {
  for (const pb::FileDescriptor* file : package.files) {
    if (file->options().optimize_for() == pb::FileOptions::LITE_RUNTIME) return file;
  }
  return nullptr;
}

// True when conversion-test helpers would have something to test: a service
// served by the private implementation, with at least one method.
bool HasTestedServices(const Package& package) {
  for (const ServiceModel* service : package.services) {
    if (service->private_counterpart != nullptr && !service->methods.empty()) return true;
  }
  return false;
}

}  // namespace

void ModelBuilder::CheckLiteRuntime() {
  for (const auto& package : model_->packages_) {
    package->lite_file = LiteFileOf(*package);
    if (package->lite_file == nullptr) continue;
    for (const EventModel* event : package->events) {
      const pb::Descriptor* message = event->message->descriptor;
      if (message->file()->options().optimize_for() != pb::FileOptions::LITE_RUNTIME) continue;
      diagnostics_.Error(message,
                         absl::StrCat("message ", message->full_name(), " is an event, but ",
                                      message->file()->name(),
                                      " sets optimize_for = LITE_RUNTIME: event envelopes need "
                                      "reflection (descriptors, JSON); use SPEED or CODE_SIZE "
                                      "for files that declare events"));
    }
  }
  for (const auto& package : model_->packages_) {
    if (package->role != PackageRole::kVersion || package->domain == nullptr) continue;
    const Package* private_package = package->domain->private_package;
    if (private_package == nullptr || !HasTestedServices(*package)) continue;
    const pb::FileDescriptor* lite =
        package->lite_file != nullptr ? package->lite_file : private_package->lite_file;
    if (lite == nullptr) continue;
    package->conversion_tests = false;
    diagnostics_.AtPath(
        lite, kOptimizeForPath,
        absl::StrCat(package->name, ": no conversion-test helpers are generated, since ",
                     lite->name(),
                     " sets optimize_for = LITE_RUNTIME and they need reflection (JSON "
                     "test data, message diffs); validators, converters and the chain "
                     "are "
                     "generated"),
        /*warning=*/true);
  }
}

}  // namespace cppsvc::plugin
