#!/usr/bin/env bash
# Runs the style checks (scripts/lint.sh), checks the generated tables and
# claim models (scripts/regenerate.sh --check), then every test: Rust unit, golden, property and CLI tests; a
# 20-second fuzz run per target; WebAssembly
# against native; and the page in headless Chromium. Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --browser

scripts/lint.sh

echo "== Generated tables as their committed commands make them"
scripts/regenerate.sh --check

echo "== Rust tests"
cargo test --workspace

echo "== Fuzzing, a smoke run (scripts/fuzz.sh SECONDS runs it longer)"
# A fixed seed: the run CI makes is the one anyone can repeat.
scripts/fuzz.sh 20 --seed 2026

echo "== WebAssembly equals native"
cargo build --bin factlens
scripts/build-wasm.sh node
node --test tests/wasm/

if [ -x scripts/test-browser.sh ]; then
  echo "== The page in headless Chromium"
  scripts/test-browser.sh
fi
