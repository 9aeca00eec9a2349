#include "support/proto_tree.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "gtest/gtest.h"
#include "plugin/parameters.h"
#include "support/protobuf_compat.h"

namespace cppsvc::testing {

namespace pb = ::google::protobuf;

// In-memory files first, then the directories protoc would search.
class ProtoTree::Tree : public SourceTreeBase {
 public:
  Tree() {
    disk_.MapPath("", CPPSVC_PROTO_DIR);
    disk_.MapPath("", CPPSVC_EXAMPLE_PROTO_DIR);
    disk_.MapPath("", CPPSVC_EVENTS_EXAMPLE_PROTO_DIR);
    disk_.MapPath("", CPPSVC_PROTOBUF_INCLUDE_DIR);
  }
  pb::io::ZeroCopyInputStream* OpenFile(const std::string& filename) override {
    auto it = files_.find(filename);
    if (it != files_.end()) {
      return new pb::io::ArrayInputStream(it->second.data(), static_cast<int>(it->second.size()));
    }
    return disk_.Open(filename);
  }
  std::string GetLastErrorMessage() override { return disk_.GetLastErrorMessage(); }
  std::map<std::string, std::string> files_;

 private:
  pb::compiler::DiskSourceTree disk_;
};

class ProtoTree::Errors : public FileErrorsBase {
 public:
  void OnError(absl::string_view filename, int line, int column,
               absl::string_view message) override {
    absl::StrAppend(&text_, filename, ":", line + 1, ":", column + 1, ": ", message, "\n");
  }
  std::string text_;
};

ProtoTree::ProtoTree()
    : tree_(std::make_unique<Tree>()),
      errors_(std::make_unique<Errors>()),
      importer_(std::make_unique<pb::compiler::Importer>(tree_.get(), errors_.get())) {}

ProtoTree::~ProtoTree() = default;

ProtoTree& ProtoTree::Add(const std::string& path, const std::string& content) {
  tree_->files_[path] = content;
  added_.push_back(path);
  return *this;
}

ProtoTree& ProtoTree::AddImported(const std::string& path, const std::string& content) {
  tree_->files_[path] = content;
  return *this;
}

std::vector<const pb::FileDescriptor*> ProtoTree::Load(const std::vector<std::string>& paths) {
  std::vector<const pb::FileDescriptor*> files;
  for (const std::string& path : paths) {
    if (const pb::FileDescriptor* file = importer_->Import(path)) {
      files.push_back(file);
    }
  }
  return files;
}

const std::string& ProtoTree::errors() const { return errors_->text_; }

namespace {
plugin::Diagnostics Run(ProtoTree& tree, const std::vector<std::string>& paths,
                        const std::string& parameter) {
  std::vector<const pb::FileDescriptor*> files = tree.Load(paths);
  EXPECT_EQ(tree.errors(), "");
  absl::StatusOr<plugin::Parameters> parameters = plugin::ParseParameters(parameter);
  EXPECT_TRUE(parameters.ok()) << parameters.status();
  plugin::Diagnostics diagnostics;
  plugin::BuildModel(files, *parameters, diagnostics);
  return diagnostics;
}
}  // namespace

std::string ProtoTree::Warnings(const std::string& parameter) {
  return Run(*this, added_, parameter).Render(/*warnings=*/true);
}

std::string ProtoTree::Diagnose(const std::string& parameter) {
  return Run(*this, added_, parameter).Render();
}

std::unique_ptr<const plugin::Model> ProtoTree::Build(const std::string& parameter) {
  std::vector<const pb::FileDescriptor*> files = Load(added_);
  EXPECT_EQ(errors(), "");
  absl::StatusOr<plugin::Parameters> parameters = plugin::ParseParameters(parameter);
  EXPECT_TRUE(parameters.ok()) << parameters.status();
  plugin::Diagnostics diagnostics;
  std::unique_ptr<const plugin::Model> model = plugin::BuildModel(files, *parameters, diagnostics);
  EXPECT_EQ(diagnostics.Render(), "");
  return model;
}

}  // namespace cppsvc::testing
