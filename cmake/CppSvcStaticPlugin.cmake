# Links protoc-gen-cpp-svc statically against protoc, protobuf, Abseil and the
# C++ runtime (CPPSVC_STATIC_PLUGIN, on by default where the static archives
# exist, as Debian's -dev packages ship them).
#
# Why: protoc starts the plugin once per run. Linked against the shared
# libraries, most of a small run is the dynamic loader resolving symbols of
# libprotoc, libprotobuf and some thirty Abseil libraries (about 5.5 ms of CPU
# for an empty request here; statically linked, about 1.8 ms: see
# docs/benchmarks.md). The generated files are byte-identical either way: the
# golden and compile tests run the installed-form binary.
#
# The plugin's objects come from cppsvc_plugin_lib (also linked by the unit
# and golden tests, against the shared libraries) and cppsvc_plugin_support
# (the annotations' descriptors and the naming helpers the plugin shares with
# the runtime). Both are linked by file, so that none of the shared imported
# targets they carry reach this executable's link line.
#
# cppsvc_link_static_plugin(<executable>) returns without changing anything
# (and says why) when an archive is missing.
function(cppsvc_link_static_plugin executable)
  if(CPPSVC_PROTOBUF_MODE STREQUAL "CONFIG")
    # protobuf's own CMake package: its targets name exactly the libraries
    # (static or shared, as that protobuf was built) and their dependencies.
    target_link_libraries(${executable} PRIVATE cppsvc_plugin_lib)
    return()
  endif()
  set(libdirs)
  foreach(target IN ITEMS protobuf::libprotobuf absl::strings)
    if(TARGET ${target})
      get_target_property(location ${target} IMPORTED_LOCATION_RELEASE)
      if(NOT location)
        get_target_property(location ${target} IMPORTED_LOCATION_NONE)
      endif()
      if(NOT location)
        get_target_property(location ${target} IMPORTED_LOCATION)
      endif()
      if(location)
        get_filename_component(dir "${location}" DIRECTORY)
        list(APPEND libdirs "${dir}")
      endif()
    endif()
  endforeach()
  if(Protobuf_LIBRARY)
    get_filename_component(dir "${Protobuf_LIBRARY}" DIRECTORY)
    list(APPEND libdirs "${dir}")
  endif()
  list(REMOVE_DUPLICATES libdirs)

  find_library(CPPSVC_PROTOC_ARCHIVE NAMES libprotoc.a HINTS ${libdirs})
  find_library(CPPSVC_PROTOBUF_ARCHIVE NAMES libprotobuf.a HINTS ${libdirs})
  set(absl_archives)
  foreach(dir IN LISTS libdirs)
    file(GLOB found "${dir}/libabsl_*.a")
    list(APPEND absl_archives ${found})
  endforeach()
  list(REMOVE_DUPLICATES absl_archives)
  # protobuf 22 and later also need utf8_range's validator.
  find_library(CPPSVC_UTF8_ARCHIVE NAMES libutf8_validity.a HINTS ${libdirs})
  mark_as_advanced(CPPSVC_PROTOC_ARCHIVE CPPSVC_PROTOBUF_ARCHIVE CPPSVC_UTF8_ARCHIVE)
  if(NOT CPPSVC_PROTOC_ARCHIVE OR NOT CPPSVC_PROTOBUF_ARCHIVE OR NOT absl_archives)
    message(STATUS "CPPSVC_STATIC_PLUGIN: static libprotoc/libprotobuf/Abseil "
      "archives not found; the plugin links the shared libraries")
    target_link_libraries(${executable} PRIVATE cppsvc_plugin_lib)
    return()
  endif()

  find_package(Threads REQUIRED)
  find_package(ZLIB)
  set(extra)
  if(CPPSVC_UTF8_ARCHIVE)
    list(APPEND extra "${CPPSVC_UTF8_ARCHIVE}")
  endif()
  if(ZLIB_FOUND)
    list(APPEND extra ZLIB::ZLIB)
  endif()
  target_include_directories(${executable} PRIVATE
    $<TARGET_PROPERTY:cppsvc_plugin_lib,INTERFACE_INCLUDE_DIRECTORIES>)
  target_compile_features(${executable} PRIVATE cxx_std_17)
  add_dependencies(${executable} cppsvc_plugin_lib cppsvc_plugin_support)
  # Abseil's archives depend on each other in no fixed order: one group.
  target_link_libraries(${executable} PRIVATE
    "$<TARGET_FILE:cppsvc_plugin_lib>"
    "$<TARGET_FILE:cppsvc_plugin_support>"
    "${CPPSVC_PROTOC_ARCHIVE}" "${CPPSVC_PROTOBUF_ARCHIVE}"
    -Wl,--start-group ${absl_archives} -Wl,--end-group
    ${extra} Threads::Threads)
  target_link_options(${executable} PRIVATE -static-libstdc++ -static-libgcc)
endfunction()
