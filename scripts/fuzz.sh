#!/usr/bin/env bash
# Fuzzes every target for SECONDS each (default 60): annotate on arbitrary
# bytes, on generated article-like text, the factlens/1 import reader and
# the --jsonl line reader (fuzz/src/targets.rs). A stable-toolchain driver:
# release speed, integer overflow and debug assertions checked. Failing
# inputs are saved under target/fuzz/TARGET/; replay one with
#   target/fuzz/factlens-fuzz TARGET --replay FILE
# Failures listed in fuzz/known.txt (filed bugs being fixed elsewhere) are
# reported but do not fail the run. Extra arguments go to every target
# (--seed N, --execs N, ...).
#   scripts/fuzz.sh            # 60 s per target
#   scripts/fuzz.sh 20         # the CI smoke run
#   scripts/fuzz.sh 3600 --seed 7
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
cargo build --profile fuzz -p factlens-fuzz
status=0
# Inputs that once failed, replayed first: each is a regression test.
for f in fuzz/regressions/*/*; do
  [ -f "$f" ] || continue
  target/fuzz/factlens-fuzz "$(basename "$(dirname "$f")")" --replay "$f" > /dev/null || { echo "regression: $f fails again"; status=1; }
done
for target in bytes article import jsonl; do
  target/fuzz/factlens-fuzz "$target" --seconds "$seconds" --known fuzz/known.txt "$@" || status=1
done
exit $status
