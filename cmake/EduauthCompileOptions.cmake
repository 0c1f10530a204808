# Warnings as errors for our own targets, and the sanitizer switch for the whole tree.

function(eduauth_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror
      $<$<COMPILE_LANGUAGE:CXX>:-Wnon-virtual-dtor -Woverloaded-virtual>)
  endif()
endfunction()

if(EDUAUTH_SANITIZE)
  set(_san "-fsanitize=${EDUAUTH_SANITIZE}")
  if(EDUAUTH_SANITIZE MATCHES "undefined")
    string(APPEND _san " -fno-sanitize-recover=all")
  endif()
  string(APPEND CMAKE_C_FLAGS " ${_san} -fno-omit-frame-pointer")
  string(APPEND CMAKE_CXX_FLAGS " ${_san} -fno-omit-frame-pointer")
  string(APPEND CMAKE_EXE_LINKER_FLAGS " ${_san}")
  string(APPEND CMAKE_SHARED_LINKER_FLAGS " ${_san}")
endif()

# Native tests carry the label "native" (run again in the sanitizer trees).
function(eduauth_add_gtest target)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${target} ${ARG_SOURCES})
  eduauth_warnings(${target})
  target_link_libraries(${target} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main Threads::Threads)
  target_compile_definitions(${target} PRIVATE
    EDUAUTH_SHARED_DIR="${EDUAUTH_SHARED_DIR}"
    EDUAUTH_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    EDUAUTH_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${target} COMMAND ${target} --gtest_brief=1)
  set_tests_properties(${target} PROPERTIES LABELS "native;${ARG_LABELS}" TIMEOUT 600)
endfunction()
