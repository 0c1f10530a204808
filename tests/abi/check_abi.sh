#!/bin/sh
# Compares the dynamic symbols libeduauth.so defines with the checked-in list.
# usage: check_abi.sh LIBRARY EXPECTED_LIST EXPECTED_SONAME
# To accept an intended API change: regenerate the list with the command printed on failure.
set -eu
lib=$1
expected=$2
soname=$3
tmp=${TMPDIR:-/tmp}/eduauth-abi.$$
trap 'rm -f "$tmp".*' EXIT

# Defined dynamic symbols, without version suffixes (@@EDUAUTH_0) and without the version
# node itself (type A).
nm -D --defined-only "$lib" | awk '$2 != "A" {print $3}' | sed 's/@.*//' | sort -u >"$tmp.actual"
status=0
if ! grep -v '^[[:space:]]*$' "$expected" | sort -u | diff -u - "$tmp.actual" >"$tmp.diff"; then
  echo "exported symbols differ from $expected (- expected, + built):" >&2
  cat "$tmp.diff" >&2
  echo "if intended: nm -D --defined-only $lib | awk '\$2 != \"A\" {print \$3}' | sed 's/@.*//' | sort > $expected" >&2
  status=1
fi
if grep -v '^eduauth_' "$tmp.actual" >"$tmp.foreign"; then
  echo "symbols without the eduauth_ prefix:" >&2
  cat "$tmp.foreign" >&2
  status=1
fi
actual_soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
if [ "$actual_soname" != "$soname" ]; then
  echo "SONAME is '$actual_soname', expected '$soname'" >&2
  status=1
fi
[ $status -eq 0 ] && echo "ok: $(wc -l <"$tmp.actual") eduauth_* symbols, SONAME $actual_soname"
exit $status
