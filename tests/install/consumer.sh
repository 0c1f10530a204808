#!/bin/sh
# Install-and-consume test: `cmake --install` the build tree into a prefix inside the build
# tree, check the layout and the exported symbols, then build consumer/consumer.c outside the
# source tree twice — find_package(EduAuth) + EduAuth::eduauth, and cc $(pkg-config eduauth) —
# and run both against the installed eduauth-token-server; the test kit (libeduauth_testing,
# EduAuth::testing / eduauth-testing.pc) is consumed the same two ways by kit_consumer.c; then
# the Java and C# bindings are used from their installed folders (a decode through eduauth.jar /
# EduAuth.dll).
# The programs find libeduauth.so.0 through an RPATH, never LD_LIBRARY_PATH (unset here): CMake's
# build RPATH for the imported target, -Wl,-rpath,<pkg-config libdir> for the cc build.
# usage: consumer.sh BUILD_DIR WORK_DIR CONSUMER_SRC C_COMPILER LIBDIR VERSION WITH_JAVA WITH_CSHARP
set -eu
build=$1 work=$2 src=$3 cc=$4 libdir=$5 version=$6 with_java=$7 with_csharp=$8
unset LD_LIBRARY_PATH DESTDIR
cmake=${CMAKE:-cmake} # the CMake that configured the build tree (set by CTest)
prefix=$work/prefix
fail() { echo "install test: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log" >&2; fail "cmake --install failed"; }

# ---- layout -------------------------------------------------------------------------------
major=${version%%.*}
for f in include/eduauth.h include/eduauth/common.h include/eduauth/token.h include/eduauth/client.h \
         include/eduauth/launch.h include/eduauth/builders.h include/eduauth/testing.h \
         include/eduauth/test_server.h "$libdir/libeduauth_testing.so.$version" "$libdir/pkgconfig/eduauth-testing.pc" \
         "$libdir/libeduauth.so.$version" "$libdir/cmake/EduAuth/EduAuthConfig.cmake" \
         "$libdir/cmake/EduAuth/EduAuthConfigVersion.cmake" "$libdir/cmake/EduAuth/EduAuthTargets.cmake" \
         "$libdir/pkgconfig/eduauth.pc" bin/eduauth-token bin/eduauth-token-server bin/eduauth-launch \
         bin/eduauth-launch-c; do
  [ -f "$prefix/$f" ] || fail "missing $f"
done
[ "$(readlink "$prefix/$libdir/libeduauth.so.$major")" = "libeduauth.so.$version" ] || fail "libeduauth.so.$major is not a link to libeduauth.so.$version"
[ "$(readlink "$prefix/$libdir/libeduauth.so")" = "libeduauth.so.$major" ] || fail "namelink libeduauth.so missing"
[ "$(readlink "$prefix/$libdir/libeduauth_testing.so")" = "libeduauth_testing.so.$major" ] || fail "namelink libeduauth_testing.so missing"
if [ "$with_java" = 1 ]; then
  [ -f "$prefix/share/java/eduauth.jar" ] || fail "missing share/java/eduauth.jar"
  [ -f "$prefix/$libdir/jni/libeduauth_jni.so" ] || fail "missing $libdir/jni/libeduauth_jni.so"
fi
if [ "$with_csharp" = 1 ]; then
  for f in EduAuth.dll EduAuth.xml libeduauth_csharp.so; do
    [ -f "$prefix/$libdir/eduauth/csharp/$f" ] || fail "missing $libdir/eduauth/csharp/$f"
  done
fi
# No private headers and no C++ static layers in the prefix.
if find "$prefix" -name '*.hpp' -o -name '*.a' | grep .; then fail "C++ headers or static libraries installed"; fi

# ---- the installed library exports only eduauth_* (no OpenSSL / libcurl / nlohmann / C++) ----
lib=$prefix/$libdir/libeduauth.so.$version
nm -D --defined-only "$lib" | awk '$2 != "A" {print $3}' | sed 's/@.*//' | sort -u >"$work/symbols.txt"
[ -s "$work/symbols.txt" ] || fail "no dynamic symbols in $lib"
if grep -v '^eduauth_' "$work/symbols.txt" >"$work/foreign.txt"; then
  cat "$work/foreign.txt" >&2
  fail "symbols without the eduauth_ prefix leak from the installed library"
fi
soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
[ "$soname" = "libeduauth.so.$major" ] || fail "SONAME is '$soname'"
# The test kit library exports only eduauth_test_server_* (cpp-httplib and the C++ core stay hidden).
kitlib=$prefix/$libdir/libeduauth_testing.so.$version
if nm -D --defined-only "$kitlib" | awk '$2 != "A" {print $3}' | sed 's/@.*//' | grep -v '^eduauth_test_server_'; then
  fail "symbols other than eduauth_test_server_* leak from $kitlib"
fi
# Installed ELF files must not point into the build tree.
find "$prefix" -type f \( -name '*.so*' -o -path '*/bin/*' \) >"$work/elf-files.txt"
while IFS= read -r f; do
  if readelf -d "$f" 2>/dev/null | grep -E 'R(UN)?PATH' | grep -qF "$build"; then fail "$f has an RPATH into the build tree"; fi
done <"$work/elf-files.txt"

# resolves DSO BINARY: the real path the dynamic loader picks for DSO.
resolves() {
  env -u LD_LIBRARY_PATH ldd "$2" | sed -n "s/^[[:space:]]*$1 => \([^ ]*\) .*/\1/p"
}
expect_prefix_lib() {
  got=$(resolves "libeduauth.so.$major" "$1")
  if [ -z "$got" ] || [ "$(readlink -f "$got")" != "$(readlink -f "$lib")" ]; then
    fail "$1 loads libeduauth.so.$major from '$got', not from the prefix"
  fi
}

# ---- consumers, outside the source tree ------------------------------------------------------
mkdir -p "$work/src"
cp "$src/CMakeLists.txt" "$src/consumer.c" "$src/kit_consumer.c" "$work/src/"
"$cmake" -S "$work/src" -B "$work/cmake-build" -DCMAKE_C_COMPILER="$cc" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF >"$work/cmake-configure.log" 2>&1 ||
  { cat "$work/cmake-configure.log" >&2; fail "find_package(EduAuth) project does not configure"; }
"$cmake" --build "$work/cmake-build" >"$work/cmake-build.log" 2>&1 ||
  { cat "$work/cmake-build.log" >&2; fail "find_package(EduAuth) project does not build"; }
# SameMajorVersion: a request for the next major version is refused.
if "$cmake" -S "$work/src" -B "$work/cmake-build-v1" -DCMAKE_C_COMPILER="$cc" -DCMAKE_PREFIX_PATH="$prefix" \
     -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DEDUAUTH_WANT_VERSION=$((major + 1)).0 >"$work/cmake-v1.log" 2>&1; then
  fail "find_package(EduAuth $((major + 1)).0) accepted version $version"
fi

export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
[ "$(pkg-config --modversion eduauth)" = "$version" ] || fail "pkg-config --modversion is not $version"
pc_libdir=$(pkg-config --variable=libdir eduauth)
# shellcheck disable=SC2046 # pkg-config output is meant to be split into words
"$cc" -std=c99 -Wall -Wextra -Wpedantic -Werror -o "$work/pkgconfig-consumer" "$work/src/consumer.c" \
  $(pkg-config --cflags --libs eduauth) "-Wl,-rpath,$pc_libdir" || fail "pkg-config build failed"
[ "$(pkg-config --modversion eduauth-testing)" = "$version" ] || fail "pkg-config eduauth-testing --modversion is not $version"
# shellcheck disable=SC2046
"$cc" -std=c99 -Wall -Wextra -Wpedantic -Werror -o "$work/pkgconfig-kit-consumer" "$work/src/kit_consumer.c" \
  $(pkg-config --cflags --libs eduauth-testing) "-Wl,-rpath,$pc_libdir" || fail "pkg-config eduauth-testing build failed"

expect_prefix_lib "$work/cmake-build/consumer"
expect_prefix_lib "$work/pkgconfig-consumer"
expect_prefix_lib "$work/cmake-build/kit_consumer"
expect_prefix_lib "$work/pkgconfig-kit-consumer"
for program in "$work/cmake-build/kit_consumer" "$work/pkgconfig-kit-consumer"; do
  got=$(resolves "libeduauth_testing.so.$major" "$program")
  [ -n "$got" ] && [ "$(readlink -f "$got")" = "$(readlink -f "$kitlib")" ] ||
    fail "$program loads libeduauth_testing.so.$major from '$got', not from the prefix"
done
expect_prefix_lib "$prefix/bin/eduauth-launch-c"
if [ "$with_java" = 1 ]; then expect_prefix_lib "$prefix/$libdir/jni/libeduauth_jni.so"; fi
if [ "$with_csharp" = 1 ]; then expect_prefix_lib "$prefix/$libdir/eduauth/csharp/libeduauth_csharp.so"; fi

# ---- run them against the installed token server (127.0.0.1, ephemeral port) ----------------
"$prefix/bin/eduauth-token-server" --port 0 >"$work/server.out" 2>"$work/server.err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
url=
i=0
while [ -z "$url" ] && [ $i -lt 200 ]; do
  url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/server.out" | head -n 1)
  [ -n "$url" ] || sleep 0.05
  i=$((i + 1))
done
[ -n "$url" ] || { cat "$work/server.err" >&2; fail "installed token server did not start"; }

for program in "$work/cmake-build/consumer" "$work/pkgconfig-consumer"; do
  out=$("$program" "$url") || fail "$program failed"
  echo "$out"
  case $out in "consumer ok: eduauth $version"*) ;; *) fail "$program printed '$out'" ;; esac
done
# The test kit: a scripted 503 then a token, on the fake clock (its own server on 127.0.0.1).
for program in "$work/cmake-build/kit_consumer" "$work/pkgconfig-kit-consumer"; do
  out=$("$program") || fail "$program failed"
  echo "$out"
  case $out in "kit consumer ok: eduauth $version"*) ;; *) fail "$program printed '$out'" ;; esac
done
"$prefix/bin/eduauth-launch-c" --server "$url" --room room-9 --user user-9 --role 2 >"$work/launch.json" 2>"$work/launch.err" ||
  { cat "$work/launch.err" >&2; fail "installed eduauth-launch-c failed"; }
grep -q '"userUuid":"user-9"' "$work/launch.json" || fail "installed eduauth-launch-c printed no launchOption"
# The installed CLI decodes the vector token consumer.c embeds (p007-edu-room-user-02).
token=007eJxTYOB59a5sg3NC9NUnUq/2fNr3T/r2y9MPKizX31hueY/n4v1PCgyW5gbOjsamKalmBskmJmYmpklJiakWiUaGpgZmhknGxgwfg1MjmBgY/BL3MDAzMDEwAiGIz8lQWpxapGtgYGDIChdUYDAzNjJKSjFOSU00t0wzMzBNTLQwtjBITk0zNTI3N0gzZkcyoCg/PxdsAJJZTAwA+fAydA==
"$prefix/bin/eduauth-token" decode "$token" >"$work/decode.json" || fail "installed eduauth-token decode failed"
grep -q '"app_id": "970CA35de60c44645bbae8a215061b33"' "$work/decode.json" || fail "installed eduauth-token decoded the wrong app_id"

# ---- the bindings from their installed folders ------------------------------------------------
if [ "$with_java" = 1 ]; then
  mkdir -p "$work/java"
  javac -encoding UTF-8 -Werror -cp "$prefix/share/java/eduauth.jar" -d "$work/java" "$src/Consumer.java" ||
    fail "javac against the installed eduauth.jar failed"
  out=$(java "-Djava.library.path=$prefix/$libdir/jni" -cp "$prefix/share/java/eduauth.jar:$work/java" Consumer) ||
    fail "java consumer failed"
  echo "$out"
  case $out in "java consumer ok: eduauth $version"*) ;; *) fail "java consumer printed '$out'" ;; esac
fi
if [ "$with_csharp" = 1 ]; then
  dll=$prefix/$libdir/eduauth/csharp/EduAuth.dll
  mcs -nologo -warnaserror+ -target:exe "-out:$work/Consumer.exe" "-r:$dll" "$src/Consumer.cs" ||
    fail "mcs against the installed EduAuth.dll failed"
  # Mono resolves EduAuth.dll through MONO_PATH and libeduauth_csharp.so next to it.
  out=$(MONO_PATH="$prefix/$libdir/eduauth/csharp" mono "$work/Consumer.exe") || fail "C# consumer failed"
  echo "$out"
  case $out in "csharp consumer ok: eduauth $version"*) ;; *) fail "C# consumer printed '$out'" ;; esac
fi

echo "ok: installed into $prefix; $(wc -l <"$work/symbols.txt") eduauth_* symbols; find_package and pkg-config consumers pass"
