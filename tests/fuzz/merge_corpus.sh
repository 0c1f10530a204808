#!/bin/sh
# Re-minimises the checked-in corpus of one target (tests/fuzz/corpus/NAME): libFuzzer's
# -merge=1 keeps the smallest set of inputs that reaches every feature (coverage edge,
# counter bucket) found in the current corpus plus the given directories, e.g. the scratch
# corpus of a long run and the generated seeds. Files get libFuzzer's SHA-1 names.
# usage: merge_corpus.sh FUZZER NAME [DIR...]
# Extra libFuzzer flags: $EDUAUTH_FUZZ_ARGS, e.g. "-use_counters=0" to keep one input per
# coverage edge only (far fewer files; used for launch_json, see README.md).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
fuzzer=$1; name=$2; shift 2
out="$here/corpus/$name"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dirs=""
for d in "$out" "$@"; do
  if [ -d "$d" ]; then dirs="$dirs $d"; else echo "merge_corpus.sh: skipping missing $d" >&2; fi
done
# shellcheck disable=SC2086 # the directory list is split on purpose
before=$(find $dirs -type f | wc -l)
# shellcheck disable=SC2086
"$fuzzer" -merge=1 -timeout=10 -rss_limit_mb=2048 ${EDUAUTH_FUZZ_ARGS:-} "$tmp" $dirs
rm -rf "$out"
mkdir -p "$out"
cp "$tmp"/* "$out"/
echo "merge_corpus.sh: $name: $(find "$out" -type f | wc -l) files, $(du -sb "$out" | cut -f1) bytes (from $before input files)"
