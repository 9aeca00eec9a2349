# Finds protobuf for this build, for CppSvcConfig.cmake's users the same way.
#
# CONFIG first: protobuf 22 and later install protobuf-config.cmake, whose
# protobuf::libprotobuf carries its Abseil and utf8_range dependencies
# (FindProtobuf's does not: a module-mode build against them fails to link).
# MODULE otherwise: Debian's protobuf 3.21 has no CMake package.
#
# Afterwards, in either mode:
#   protobuf::libprotobuf, protobuf::libprotoc, protobuf::protoc   targets
#   Protobuf_INCLUDE_DIR        the include directory (also holds the
#                               well-known .proto files); config mode leaves
#                               it empty, so it is derived from the target
#   Protobuf_PROTOC_EXECUTABLE  protoc's path
#   CPPSVC_PROTOBUF_MODE        CONFIG or MODULE (cached, for sub-builds)
find_package(Protobuf CONFIG QUIET)
if(Protobuf_FOUND)
  set(CPPSVC_PROTOBUF_MODE CONFIG CACHE INTERNAL "How protobuf was found")
  if(NOT Protobuf_INCLUDE_DIR)
    get_target_property(cppsvc_pb_includes protobuf::libprotobuf INTERFACE_INCLUDE_DIRECTORIES)
    # The first directory that has descriptor.proto (the rest are Abseil's).
    foreach(dir IN LISTS cppsvc_pb_includes)
      string(REGEX REPLACE "^\\$<BUILD_INTERFACE:(.*)>$" "\\1" dir "${dir}")
      if(EXISTS "${dir}/google/protobuf/descriptor.proto")
        set(Protobuf_INCLUDE_DIR "${dir}")
        break()
      endif()
    endforeach()
  endif()
  if(NOT Protobuf_PROTOC_EXECUTABLE AND TARGET protobuf::protoc)
    foreach(property IN ITEMS IMPORTED_LOCATION_RELEASE IMPORTED_LOCATION_NOCONFIG
                              IMPORTED_LOCATION)
      get_target_property(cppsvc_protoc protobuf::protoc ${property})
      if(cppsvc_protoc)
        break()
      endif()
    endforeach()
    # Cached, as FindProtobuf does: visible after add_subdirectory() too.
    set(Protobuf_PROTOC_EXECUTABLE "${cppsvc_protoc}" CACHE FILEPATH "protoc")
  endif()
  message(STATUS "protobuf ${Protobuf_VERSION} (CMake package ${Protobuf_DIR}), "
    "headers ${Protobuf_INCLUDE_DIR}, protoc ${Protobuf_PROTOC_EXECUTABLE}")
else()
  find_package(Protobuf MODULE REQUIRED)
  set(CPPSVC_PROTOBUF_MODE MODULE CACHE INTERNAL "How protobuf was found")
endif()
