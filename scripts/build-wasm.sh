#!/usr/bin/env bash
# Builds the WebAssembly module and its wasm-bindgen glue.
#   scripts/build-wasm.sh web   -> www/pkg/        (ES module for the page)
#   scripts/build-wasm.sh node  -> target/wasm-node/ (CommonJS, for tests)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-web}
cargo build --lib --target wasm32-unknown-unknown --profile wasm
wasm=target/wasm32-unknown-unknown/wasm/factlens.wasm
case "$target" in
  web) wasm-bindgen --target web --no-typescript --out-dir www/pkg "$wasm" ;;
  node) wasm-bindgen --target nodejs --no-typescript --out-dir target/wasm-node "$wasm"
    # The glue is CommonJS; without this the root package.json ("type":
    # "module") makes node load it as an ES module and fail.
    echo '{"type": "commonjs"}' > target/wasm-node/package.json ;;
  *) echo "usage: $0 web|node" >&2; exit 2 ;;
esac
