# cmake -DOUT=<file> -DDIRS=<dir|dir> -DPATTERN=*.java -P EduauthListSources.cmake
# Writes one source path per line (javac @file). SWIG's generated file names are only known
# after it ran, so the list is made at build time, not at configure time.
set(_files "")
string(REPLACE "|" ";" DIRS "${DIRS}") # "|": a ";" does not survive VERBATIM custom commands
foreach(_dir IN LISTS DIRS)
  file(GLOB_RECURSE _found LIST_DIRECTORIES false "${_dir}/${PATTERN}")
  list(APPEND _files ${_found})
endforeach()
list(SORT _files)
list(LENGTH _files _count)
if(_count EQUAL 0)
  message(FATAL_ERROR "no ${PATTERN} files under ${DIRS}")
endif()
list(JOIN _files "\n" _text)
file(WRITE "${OUT}" "${_text}\n")
