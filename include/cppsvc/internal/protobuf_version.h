// CPPSVC_PROTOBUF_VERSION: the version of the protobuf headers in use, in
// protobuf's own numbering (3.21.12 is 3021012, 31.1 is 6031001), for the
// compatibility headers (cppsvc/internal/protobuf_compat.h and the plugin's
// src/plugin/compat.h). Nothing else tests protobuf's version.
#ifndef CPPSVC_INTERNAL_PROTOBUF_VERSION_H_
#define CPPSVC_INTERNAL_PROTOBUF_VERSION_H_

#if __has_include("google/protobuf/runtime_version.h")
// protobuf 26 and later.
#include "google/protobuf/runtime_version.h"
#define CPPSVC_PROTOBUF_VERSION PROTOBUF_VERSION
#else
#include "google/protobuf/stubs/common.h"
#define CPPSVC_PROTOBUF_VERSION GOOGLE_PROTOBUF_VERSION
#endif

#endif  // CPPSVC_INTERNAL_PROTOBUF_VERSION_H_
