#!/bin/sh
# Runs one libFuzzer target for $EDUAUTH_FUZZ_SECONDS (default 20) seconds.
# usage: run_fuzz.sh FUZZER SCRATCH_DIR SEED_DIR...
# The scratch corpus comes first: libFuzzer writes new inputs into the first directory only,
# so the seed directories (generated and checked in) stay untouched.
set -eu
fuzzer=$1; scratch=$2; shift 2
mkdir -p "$scratch"
seconds=${EDUAUTH_FUZZ_SECONDS:-20}
artifacts="$scratch/../artifacts/"
mkdir -p "$artifacts"
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$artifacts" "$scratch" "$@"
