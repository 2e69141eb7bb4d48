#!/usr/bin/env bash
# Runs the style checks (scripts/lint.sh), then every test: Rust unit, golden, property and CLI tests; a
# 20-second fuzz run per target; WebAssembly
# against native; and the page in headless Chromium. Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --browser

scripts/lint.sh

echo "== Rust tests"
cargo test --workspace

echo "== Fuzzing, a smoke run (scripts/fuzz.sh SECONDS runs it longer)"
scripts/fuzz.sh 20

echo "== WebAssembly equals native"
cargo build --bin factlens
scripts/build-wasm.sh node
node --test tests/wasm/

if [ -x scripts/test-browser.sh ]; then
  echo "== The page in headless Chromium"
  scripts/test-browser.sh
fi
