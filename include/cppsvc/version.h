// Version of the cppsvc runtime library.
//
// Generated code checks CPPSVC_RUNTIME_VERSION at compile time against the
// version it was generated for, so that a mismatch between the plugin and the
// runtime fails the build with a clear message rather than at run time.
#ifndef CPPSVC_VERSION_H_
#define CPPSVC_VERSION_H_

#define CPPSVC_VERSION_MAJOR 0
#define CPPSVC_VERSION_MINOR 1
#define CPPSVC_VERSION_PATCH 0
#define CPPSVC_VERSION_STRING "0.1.0"

// MAJOR * 1000000 + MINOR * 1000 + PATCH.
#define CPPSVC_RUNTIME_VERSION 1000

// The oldest generated code this runtime still supports.
#define CPPSVC_MIN_GENERATED_VERSION 1000

#endif  // CPPSVC_VERSION_H_
