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
# A token bound to another user must be refused by the same flow (C-14): ask for user A,
# launch as user B is not possible through this sample, so check the error path instead:
if "$launch" --server "$url" --room room-42 --user student-7 --role 9 >/dev/null 2>"$tmp/bad.err"; then
  echo "role 9 was accepted" >&2
  exit 1
fi
grep -q "EDUAUTH_E_" "$tmp/bad.err" || { cat "$tmp/bad.err" >&2; exit 1; }
# The token must never reach stderr (only its fingerprint).
token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' "$tmp/launch.json")
if grep -qF "$token" "$tmp/launch.err"; then echo "token leaked to stderr" >&2; exit 1; fi
echo "ok"
