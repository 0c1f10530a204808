#!/bin/sh
# Runs one libFuzzer target for $EDUAUTH_FUZZ_SECONDS (default 20) seconds.
# usage: run_fuzz.sh FUZZER SCRATCH_DIR CORPUS_DIR...
# libFuzzer first runs every input of every directory (so the checked-in regressions and
# corpus are replayed each time), then mutates; it writes new inputs into the first directory
# only, so the scratch directory (in the build tree) comes first and the checked-in and
# generated directories stay untouched. Directories that do not exist are skipped.
# Extra libFuzzer flags: $EDUAUTH_FUZZ_ARGS (e.g. "-jobs=2 -workers=2"); crashes go to
# SCRATCH_DIR/../artifacts/.
set -eu
fuzzer=$1; scratch=$2; shift 2
mkdir -p "$scratch"
seconds=${EDUAUTH_FUZZ_SECONDS:-20}
artifacts="$scratch/../artifacts/"
mkdir -p "$artifacts"
dirs=""
for d in "$@"; do
  if [ -d "$d" ]; then dirs="$dirs $d"; else echo "run_fuzz.sh: skipping missing $d" >&2; fi
done
# shellcheck disable=SC2086 # word splitting of the directory list and extra flags is intended
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$artifacts" ${EDUAUTH_FUZZ_ARGS:-} "$scratch" $dirs
