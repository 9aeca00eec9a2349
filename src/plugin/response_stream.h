// The plugin side of protoc's plugin protocol, streamed: the
// CodeGeneratorResponse is written to standard output one generated file at
// a time, so the plugin never holds the whole response (protobuf's
// PluginMain builds it in memory and then serialises a second copy).
#ifndef CPPSVC_PLUGIN_RESPONSE_STREAM_H_
#define CPPSVC_PLUGIN_RESPONSE_STREAM_H_

namespace cppsvc::plugin {

// Reads a CodeGeneratorRequest from `input_fd`, generates, and writes the
// response to `output_fd`. Returns the process exit code: 0 when a response
// was written (an error in the protos is reported inside it, as protoc
// expects), 1 when the request could not be read or the response written.
int RunPluginProtocol(int input_fd, int output_fd);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_RESPONSE_STREAM_H_
