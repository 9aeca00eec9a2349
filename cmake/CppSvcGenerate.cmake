# cppsvc_generate(TARGET <target>
#                 PROTOS <file.proto>...
#                 IMPORT_DIRS <dir>...
#                 [OUT_DIR <dir>]
#                 [PLUGIN_OPTIONS <key=value>...]
#                 [GRPC])
#
# Runs protoc with --cpp_out and --cpp-svc_out over PROTOS (all versions of a
# domain must be in one call: a version chain spans files), adds the outputs
# to TARGET and links it to CppSvc::runtime (validation, conversion and
# events). The `.svc.testing.h` files call CppSvc::testing, which is not part
# of CppSvc::runtime: a test target that includes them links it itself.
# Outputs are named relative to the import directory that holds each proto:
# `<dir>/acme/people/v1/people.proto` gives `acme/people/v1/people.pb.*` and,
# beside them, `acme/people/v1/people.svc.*` and `people.svc.testing.*`
# (every file gets each pair, so they are predicted from the file names). A
# relative OUT_DIR is relative to the current build directory. The generated
# sources compile cleanly with -Wall -Wextra; the helper imposes no warning
# flags on them unless the caller sets CPPSVC_GENERATED_COMPILE_OPTIONS (a
# list, e.g. `-Wall;-Wextra;-Werror`) before calling it. A proto outside every IMPORT_DIRS
# entry is a configure-time error. The outputs are regenerated when a file in
# PROTOS, the plugin or protoc changes (protos they import but that are not in
# PROTOS are not tracked).
#
# Works from the build tree (add_subdirectory) and from an installed package
# (find_package(CppSvc CONFIG), whose config includes this file).
#
# GRPC also serves every public version over gRPC: it runs grpc_cpp_plugin
# (Debian: protobuf-compiler-grpc) for `<stem>.grpc.pb.*` of each proto,
# passes `grpc=true` to our plugin for `<stem>.svc.grpc.*`, and links gRPC::grpc++
# (Debian: libgrpc++-dev). Do not pass `grpc=` in PLUGIN_OPTIONS.
#
# Package segments that are C++ keywords (`acme.people.private`) become
# `private_` in C++, in protoc's output as in ours: protobuf 3.21 itself
# writes `namespace private`, which does not compile, so its output is fixed
# up after protoc runs (CppSvcFixKeywordNamespaces.cmake).

# Whoever includes this file sets CPPSVC_PROTO_DIR first (CMakeLists.txt in the
# build tree, CppSvcConfig.cmake when installed). It is recorded globally, and
# the function finds its sibling files through CMAKE_CURRENT_FUNCTION_LIST_DIR,
# so cppsvc_generate() also works from directories that do not see the
# includer's variables (a parent project's, after add_subdirectory).
if(NOT CPPSVC_PROTO_DIR OR NOT EXISTS "${CPPSVC_PROTO_DIR}/gen/svc/annotations.proto")
  message(FATAL_ERROR "CppSvcGenerate.cmake: set CPPSVC_PROTO_DIR to the directory "
    "holding gen/svc/annotations.proto before including it (got '${CPPSVC_PROTO_DIR}')")
endif()
set_property(GLOBAL PROPERTY CPPSVC_PROTO_DIR "${CPPSVC_PROTO_DIR}")

function(cppsvc_generate)
  # C++ keywords, as protobuf's C++ generator lists them.
  set(cxx_keywords
    alignas alignof and and_eq asm auto bitand bitor bool break case catch char
    char8_t char16_t char32_t class compl concept const consteval constexpr
    constinit const_cast continue co_await co_return co_yield decltype default
    delete do double dynamic_cast else enum explicit export extern false float
    for friend goto if inline int long mutable namespace new noexcept not not_eq
    nullptr operator or or_eq private protected public register
    reinterpret_cast requires return short signed sizeof static static_assert
    static_cast struct switch template this thread_local throw true try typedef
    typeid typename union unsigned using virtual void volatile wchar_t while
    xor xor_eq)
  get_property(proto_dir GLOBAL PROPERTY CPPSVC_PROTO_DIR)
  set(fix_script "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/CppSvcFixKeywordNamespaces.cmake")
  foreach(target IN ITEMS CppSvc::protoc-gen-cpp-svc CppSvc::runtime)
    if(NOT TARGET ${target})
      message(FATAL_ERROR "cppsvc_generate: target ${target} is not defined here; "
        "call find_package(CppSvc CONFIG REQUIRED) in this directory or a parent, "
        "or add_subdirectory() protoc-gen-cpp-svc first")
    endif()
  endforeach()
  # FindProtobuf's imported targets are visible only below the directory that
  # found protobuf, which is not the caller's after add_subdirectory(); its
  # cache variable is visible everywhere.
  if(TARGET protobuf::protoc)
    set(protoc protobuf::protoc)
  elseif(Protobuf_PROTOC_EXECUTABLE)
    set(protoc "${Protobuf_PROTOC_EXECUTABLE}")
  else()
    message(FATAL_ERROR "cppsvc_generate: protoc not found (Debian: protobuf-compiler)")
  endif()

  cmake_parse_arguments(ARG "GRPC" "TARGET;OUT_DIR" "PROTOS;IMPORT_DIRS;PLUGIN_OPTIONS" ${ARGN})
  if(NOT ARG_TARGET)
    message(FATAL_ERROR "cppsvc_generate: TARGET is required")
  endif()
  if(NOT ARG_PROTOS)
    message(FATAL_ERROR "cppsvc_generate: PROTOS is required")
  endif()
  if(NOT ARG_OUT_DIR)
    set(ARG_OUT_DIR "${CMAKE_CURRENT_BINARY_DIR}/cppsvc_gen/${ARG_TARGET}")
  endif()
  # Outputs and include paths in the same place: the build tree.
  get_filename_component(ARG_OUT_DIR "${ARG_OUT_DIR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  file(MAKE_DIRECTORY "${ARG_OUT_DIR}")
  foreach(option IN LISTS ARG_PLUGIN_OPTIONS)
    if(option MATCHES "^grpc=")
      message(FATAL_ERROR "cppsvc_generate: pass GRPC instead of PLUGIN_OPTIONS ${option}")
    endif()
  endforeach()
  set(grpc_args)
  set(grpc_depends)
  if(ARG_GRPC)
    if(NOT TARGET gRPC::grpc++)
      find_package(gRPC CONFIG REQUIRED)
    endif()
    find_program(CPPSVC_GRPC_CPP_PLUGIN grpc_cpp_plugin)
    if(NOT CPPSVC_GRPC_CPP_PLUGIN)
      message(FATAL_ERROR "cppsvc_generate: GRPC needs grpc_cpp_plugin "
        "(Debian: protobuf-compiler-grpc); set CPPSVC_GRPC_CPP_PLUGIN to its path")
    endif()
    set(grpc_args "--plugin=protoc-gen-grpc=${CPPSVC_GRPC_CPP_PLUGIN}"
                  "--grpc_out=${ARG_OUT_DIR}")
    set(grpc_depends "${CPPSVC_GRPC_CPP_PLUGIN}")
  endif()

  set(import_args -I "${proto_dir}")
  set(abs_import_dirs)
  foreach(dir IN LISTS ARG_IMPORT_DIRS)
    get_filename_component(abs_dir "${dir}" ABSOLUTE)
    list(APPEND abs_import_dirs "${abs_dir}")
    list(APPEND import_args -I "${abs_dir}")
  endforeach()

  set(outputs)
  set(pb_outputs)  # protobuf's and grpc_cpp_plugin's
  set(proto_args)
  set(abs_protos)
  foreach(proto IN LISTS ARG_PROTOS)
    get_filename_component(abs_proto "${proto}" ABSOLUTE)
    if(NOT EXISTS "${abs_proto}")
      message(FATAL_ERROR "cppsvc_generate: ${proto} does not exist (looked for ${abs_proto}); "
        "check the PROTOS paths, which are relative to ${CMAKE_CURRENT_SOURCE_DIR}")
    endif()
    list(APPEND abs_protos "${abs_proto}")
    set(rel_proto)
    foreach(dir IN LISTS abs_import_dirs)
      file(RELATIVE_PATH candidate "${dir}" "${abs_proto}")
      if(NOT candidate MATCHES "^\\.\\./")
        set(rel_proto "${candidate}")
        break()
      endif()
    endforeach()
    if(NOT rel_proto)
      message(FATAL_ERROR
        "cppsvc_generate: ${proto} is not under any of IMPORT_DIRS (${ARG_IMPORT_DIRS}); "
        "add the directory its import paths are relative to")
    endif()
    list(APPEND proto_args "${rel_proto}")
    string(REGEX REPLACE "\\.proto$" "" stem "${ARG_OUT_DIR}/${rel_proto}")
    list(APPEND pb_outputs "${stem}.pb.h" "${stem}.pb.cc")
    # Both plugins write their files for every proto, whatever it declares.
    list(APPEND outputs "${stem}.svc.h" "${stem}.svc.cc" "${stem}.svc.testing.h")
    if(ARG_GRPC)
      list(APPEND pb_outputs "${stem}.grpc.pb.h" "${stem}.grpc.pb.cc")
      list(APPEND outputs "${stem}.svc.grpc.h" "${stem}.svc.grpc.cc")
    endif()
  endforeach()
  # protobuf's output may name a keyword namespace (`acme.people.private`);
  # the fix-up only touches namespace positions, so every keyword is passed
  # rather than reading the protos' package statements.
  list(JOIN cxx_keywords "|" keyword_arg)
  list(JOIN pb_outputs "|" files_arg)
  set(fix_command COMMAND "${CMAKE_COMMAND}" "-DKEYWORDS=${keyword_arg}"
      "-DFILES=${files_arg}" -P "${fix_script}")
  list(PREPEND outputs ${pb_outputs})

  set(plugin_options ${ARG_PLUGIN_OPTIONS})
  if(ARG_GRPC)
    list(APPEND plugin_options "grpc=true")
  endif()
  set(options "")
  if(plugin_options)
    list(JOIN plugin_options "," options)
  endif()

  add_custom_command(
    OUTPUT ${outputs}
    COMMAND ${protoc} ${import_args}
            "--plugin=protoc-gen-cpp-svc=$<TARGET_FILE:CppSvc::protoc-gen-cpp-svc>"
            "--cpp_out=${ARG_OUT_DIR}"
            "--cpp-svc_out=${ARG_OUT_DIR}"
            "--cpp-svc_opt=${options}"
            ${grpc_args}
            ${proto_args}
    ${fix_command}
    DEPENDS ${abs_protos} CppSvc::protoc-gen-cpp-svc ${protoc} ${grpc_depends}
    COMMENT "cppsvc: generating C++ for ${ARG_TARGET}"
    VERBATIM)

  target_sources(${ARG_TARGET} PRIVATE ${outputs})
  target_include_directories(${ARG_TARGET} PUBLIC "${ARG_OUT_DIR}")
  target_link_libraries(${ARG_TARGET} PUBLIC CppSvc::runtime)  # and, through it, protobuf
  if(ARG_GRPC)
    target_link_libraries(${ARG_TARGET} PUBLIC gRPC::grpc++)
  endif()
  # Opt-in: CPPSVC_GENERATED_COMPILE_OPTIONS (e.g. -Wall;-Wextra;-Werror, as
  # this project's own tests set it) applies to our generated sources only,
  # never to protoc's; by default the user's own flags apply.
  if(CPPSVC_GENERATED_COMPILE_OPTIONS)
    set(svc_sources ${outputs})
    list(FILTER svc_sources INCLUDE REGEX "\\.cc$")
    list(FILTER svc_sources EXCLUDE REGEX "\\.pb\\.cc$")
    set_source_files_properties(${svc_sources} PROPERTIES
      COMPILE_OPTIONS "${CPPSVC_GENERATED_COMPILE_OPTIONS}")
  endif()
endfunction()
