#!/bin/sh
# Smoke test of samples/c: start the sample token server on an ephemeral loopback port, run
# eduauth-launch-c against it, and check the launchOption it prints.
# usage: smoke.sh TOKEN_SERVER LAUNCH_C
set -eu
server=$1
launch=$2
tmp=${TMPDIR:-/tmp}/eduauth-c-smoke.$$
mkdir -p "$tmp"
"$server" --port 0 >"$tmp/server.out" 2>"$tmp/server.err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
url=
i=0
while [ -z "$url" ] && [ $i -lt 200 ]; do
  url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$tmp/server.out" | head -n 1)
  [ -n "$url" ] || sleep 0.05
  i=$((i + 1))
done
[ -n "$url" ] || { echo "token server did not start" >&2; cat "$tmp/server.err" >&2; exit 1; }

"$launch" --server "$url" --room room-42 --user student-7 --role 2 --user-name "Student 7" \
  --room-name "Class 42" --room-type 4 --duration 1800 >"$tmp/launch.json" 2>"$tmp/launch.err" ||
  { echo "eduauth-launch-c failed:" >&2; cat "$tmp/launch.err" >&2; exit 1; }
cat "$tmp/launch.err"
cat "$tmp/launch.json"
for want in '"userUuid":"student-7"' '"roomUuid":"room-42"' '"roleType":2' '"token":"007'; do
  grep -q "$want" "$tmp/launch.json" || { echo "missing $want" >&2; exit 1; }
done
# Role and room type by name, as eduauth-launch takes them.
"$launch" --server "$url" --room room-43 --user student-8 --role Student --room-type lecture \
  >"$tmp/named.json" 2>"$tmp/named.err" || { cat "$tmp/named.err" >&2; exit 1; }
for want in '"userUuid":"student-8"' '"roleType":2' '"roomType":2'; do
  grep -q "$want" "$tmp/named.json" || { echo "named: missing $want" >&2; cat "$tmp/named.json" >&2; exit 1; }
done

# Usage errors: exit 2, nothing on stdout, the message names the option and the value.
expect_usage() { # expect_usage "MESSAGE" ARGS...
  want=$1
  shift
  rc=0
  "$launch" "$@" >"$tmp/usage.out" 2>"$tmp/usage.err" || rc=$?
  [ $rc -eq 2 ] || { echo "$* -> exit $rc, want 2" >&2; cat "$tmp/usage.err" >&2; exit 1; }
  [ ! -s "$tmp/usage.out" ] || { echo "$* printed on stdout" >&2; exit 1; }
  grep -qF -- "$want" "$tmp/usage.err" || { echo "$*: want '$want' in:" >&2; cat "$tmp/usage.err" >&2; exit 1; }
}
expect_usage '--role: "2x" is not a role' --server "$url" --role 2x
expect_usage '--role: "9" is not a role' --server "$url" --role 9
expect_usage '--role: "" is not a role' --server "$url" --role ""
expect_usage '--role: "pupil" is not a role' --server "$url" --role pupil
expect_usage '--room-type: "1" is not a room type' --server "$url" --room-type 1
expect_usage '--room-type: "4 " is not a room type' --server "$url" --room-type "4 "
expect_usage '--duration: "0" is not a whole number of seconds in 1..86400' --server "$url" --duration 0
expect_usage '--duration: "99999999999999999999" is not' --server "$url" --duration 99999999999999999999
expect_usage '--duration: "30m" is not' --server "$url" --duration 30m
expect_usage '--bogus is not a known option' --server "$url" --bogus 1
expect_usage '--room needs a value' --server "$url" --room
expect_usage '--server is required' --role 1

# --help: usage on stdout, exit 0.
"$launch" --help >"$tmp/help.out" 2>"$tmp/help.err" || { echo "--help failed" >&2; exit 1; }
grep -q '^usage: eduauth-launch-c --server URL' "$tmp/help.out" || { echo "--help printed no usage" >&2; exit 1; }

# A failing step names itself and the eduauth status: 3 for the token, 4 for the launchOption.
rc=0
"$launch" --server "$url" --preset no-such-preset >/dev/null 2>"$tmp/bad.err" || rc=$?
[ $rc -eq 3 ] || { echo "bad preset -> exit $rc, want 3" >&2; cat "$tmp/bad.err" >&2; exit 1; }
grep -q "client config failed: EDUAUTH_E_" "$tmp/bad.err" || { cat "$tmp/bad.err" >&2; exit 1; }
rc=0
"$launch" --server "$url" --profile web-1.0 >/dev/null 2>"$tmp/bad.err" || rc=$?
[ $rc -eq 4 ] || { echo "bad profile -> exit $rc, want 4" >&2; cat "$tmp/bad.err" >&2; exit 1; }
grep -q "filling the launchOption failed: EDUAUTH_E_INVALID_ARGUMENT" "$tmp/bad.err" || { cat "$tmp/bad.err" >&2; exit 1; }
# The token must never reach stderr (only its fingerprint).
token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' "$tmp/launch.json")
if grep -qF "$token" "$tmp/launch.err"; then echo "token leaked to stderr" >&2; exit 1; fi
echo "ok"
