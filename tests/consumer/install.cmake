# cmake -DBUILD_DIR=<build> -DPREFIX=<dir> -DEXPECT="<file>|<file>..." [-DCONFIG=<file>]
#       -P install.cmake
#
# Installs the build into an empty PREFIX (removed first, so nothing stale
# hides a missing install rule) and checks that every EXPECT path (relative
# to PREFIX) is there and that the package config CONFIG has one init
# block. CTest Consumer.Install, the fixture the consumer tests need.
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install ${BUILD_DIR} --prefix ${PREFIX} failed: ${result}")
endif()
string(REPLACE "|" ";" EXPECT "${EXPECT}")
set(missing)
foreach(path IN LISTS EXPECT)
  if(NOT EXISTS "${PREFIX}/${path}")
    list(APPEND missing "${path}")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "not installed under ${PREFIX}: ${missing}")
endif()
# The package config initialises once: a second expanded init block (say,
# from a comment spelling the placeholder) redefines PACKAGE_PREFIX_DIR.
if(CONFIG)
  file(READ "${PREFIX}/${CONFIG}" config)
  string(REGEX MATCHALL "Expanded from @PACKAGE_INIT@" inits "${config}")
  list(LENGTH inits count)
  if(NOT count EQUAL 1)
    message(FATAL_ERROR "${PREFIX}/${CONFIG} has ${count} expanded @PACKAGE_INIT@ blocks, not 1")
  endif()
endif()
message(STATUS "installed into ${PREFIX}")
