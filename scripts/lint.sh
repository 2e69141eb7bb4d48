#!/usr/bin/env bash
# Style checks CI runs before the tests: rustfmt, clippy with warnings as
# errors, rustdoc without warnings, and ESLint over the page, the scripts,
# the benchmarks and the tests. Fails on the first that finds anything.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all --check

echo "== cargo clippy (-D warnings)"
cargo clippy --workspace --all-targets -- -D warnings

echo "== cargo clippy on the wasm facade (-D warnings)"
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

echo "== cargo doc (-D warnings)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace --quiet

echo "== eslint"
npx --no-install eslint www scripts benches tests eslint.config.js
