#!/usr/bin/env bash
# Builds the page: the wasm core and the bundled modules in www/pkg, then the single self-contained
# dist/factlens.html. Needs the tools scripts/setup.sh installs.
# Set FACTLENS_WASM_OPT=0 to skip wasm-opt (faster build, about 15% bigger wasm).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --lib --target wasm32-unknown-unknown --profile wasm
wasm-bindgen --target web --out-dir www/pkg target/wasm32-unknown-unknown/wasm/factlens.wasm
if [ "${FACTLENS_WASM_OPT:-1}" != 0 ] && [ -x node_modules/.bin/wasm-opt ]; then
  # The features Rust's wasm32 target emits by default, and SIMD (.cargo/config.toml).
  # -O3, not -Oz: speed over size, see [profile.wasm] in Cargo.toml.
  node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-sign-ext --enable-reference-types --enable-simd \
    --enable-multivalue --enable-nontrapping-float-to-int --enable-mutable-globals \
    www/pkg/factlens_bg.wasm -o www/pkg/factlens_bg.wasm.opt
  mv www/pkg/factlens_bg.wasm.opt www/pkg/factlens_bg.wasm
fi
node scripts/bundle.mjs
node scripts/single-file.mjs
