# cmake -DKEYWORDS="private|..." -DFILES="a.pb.h|a.pb.cc|..." -P CppSvcFixKeywordNamespaces.cmake
#
# protobuf 3.21's C++ generator writes a package segment that is a C++ keyword
# as it is (`package acme.people.private;` gives `namespace private {`), which
# does not compile. This rewrites such namespaces in its output the way
# protobuf escapes every other identifier, with a trailing underscore
# (`namespace private_`, `::acme::people::private_::Person`), which is also
# how protoc-gen-cpp-svc's generated code refers to them. Only namespace
# positions are touched: `namespace K {`, `::K::` and `// namespace K`.
string(REPLACE "|" ";" KEYWORDS "${KEYWORDS}")
string(REPLACE "|" ";" FILES "${FILES}")
foreach(file IN LISTS FILES)
  # Every file given is one protoc was expected to write: a missing one means
  # the outputs were predicted wrongly, which must not pass silently.
  if(NOT EXISTS "${file}")
    message(FATAL_ERROR "CppSvcFixKeywordNamespaces: ${file} does not exist; protoc did not "
      "write an output cppsvc_generate expected")
  endif()
  file(READ "${file}" content)
  set(original "${content}")
  foreach(keyword IN LISTS KEYWORDS)
    string(REPLACE "namespace ${keyword} {" "namespace ${keyword}_ {" content "${content}")
    string(REPLACE "::${keyword}::" "::${keyword}_::" content "${content}")
    string(REPLACE "// namespace ${keyword}\n" "// namespace ${keyword}_\n" content "${content}")
  endforeach()
  if(NOT content STREQUAL original)
    file(WRITE "${file}" "${content}")
  endif()
endforeach()
