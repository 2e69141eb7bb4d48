#!/usr/bin/env bash
# All benchmarks, outside the test suite: native throughput (whole pipeline
# and per stage, 10 KB to 10 MB), the page and the wasm core in headless
# Chromium (first annotation, annotate latency, wasm memory) and page weight.
# Also annotates hostile input shapes (benches/shapes.rs). Prints the
# tables and a summary against the targets; writes
# target/bench/{native,shapes,browser,weight,summary}.json.
# Usage: scripts/bench.sh [--quick] [--no-build]
#   --quick     fewer repetitions (a smoke run, not for figures)
#   --no-build  reuse www/pkg and dist/ as they are
# Timings are best-of-N; run on a quiet machine for figures worth quoting.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=()
build=1
for a in "$@"; do
  case "$a" in
    --quick) quick=(--quick) ;;
    --no-build) build=0 ;;
    *) echo "usage: scripts/bench.sh [--quick] [--no-build]" >&2; exit 2 ;;
  esac
done
out=target/bench
mkdir -p "$out"

if [ "$build" = 1 ]; then
  ./scripts/setup.sh --browser
  ./scripts/build-web.sh
fi

echo "== native ========================================================="
cargo bench --bench throughput -- --json "$out/native.json" --corpus "$out/corpus.txt" "${quick[@]}"
echo
echo "== native, hostile shapes ========================================="
cargo bench --bench shapes -- --json "$out/shapes.json" "${quick[@]}"
echo
echo "== headless Chromium =============================================="
node benches/browser.mjs --corpus "$out/corpus.txt" --native "$out/native.json" --json "$out/browser.json" "${quick[@]}"
echo
echo "== page weight ===================================================="
node benches/weight.mjs --loaded "$out/browser.json" --json "$out/weight.json"
node benches/report.mjs "$out"
