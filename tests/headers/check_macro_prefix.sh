#!/bin/sh
# Every macro that <eduauth.h> defines must start with EDUAUTH_ (no namespace pollution).
# usage: check_macro_prefix.sh CC INCLUDE_DIR
set -eu
cc=$1
inc=$2
tmp=${TMPDIR:-/tmp}/eduauth-macros.$$
trap 'rm -f "$tmp".*' EXIT
printf '' | "$cc" -std=c99 -dM -E -x c - | sort >"$tmp.base"
printf '#include <eduauth.h>\n' | "$cc" -std=c99 -dM -E -I"$inc" -x c - | sort >"$tmp.with"
# Lines only in the second list: macros added by the headers (and by the system headers they
# include: stdint.h / stddef.h, whose names are standard).
comm -13 "$tmp.base" "$tmp.with" | awk '{print $2}' | sed 's/(.*//' >"$tmp.added"
printf '#include <stddef.h>\n#include <stdint.h>\n' | "$cc" -std=c99 -dM -E -x c - | awk '{print $2}' |
  sed 's/(.*//' | sort >"$tmp.system"
bad=$(sort "$tmp.added" | comm -23 - "$tmp.system" | grep -v '^EDUAUTH_' || true)
count=$(grep -c '^EDUAUTH_' "$tmp.added" || true)
if [ -n "$bad" ]; then
  echo "macros without the EDUAUTH_ prefix:" >&2
  echo "$bad" >&2
  exit 1
fi
echo "ok: $count EDUAUTH_ macros, no others"
