# cmake -DBUILD_DIR=<build> -DPREFIX=<dir> -DEXPECT="<file>|<file>..." -P install.cmake
#
# Installs the build into an empty PREFIX (removed first, so nothing stale
# hides a missing install rule) and checks that every EXPECT path (relative
# to PREFIX) is there. CTest Consumer.Install, the fixture the
# installed-package consumer test needs.
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
message(STATUS "installed into ${PREFIX}")
