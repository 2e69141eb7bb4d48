#!/usr/bin/env bash
# Installs what building and testing need, idempotently, on a Debian machine
# with rustup, cargo, node and npm: the wasm32 target, wasm-bindgen-cli at
# exactly the version in Cargo.lock, and (with --browser) Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ -z "$want" ]; then
  echo "setup: no wasm-bindgen in Cargo.lock; run cargo generate-lockfile" >&2
  exit 1
fi
if [ "$have" != "$want" ]; then
  echo "setup: installing wasm-bindgen-cli $want (about 5 minutes the first time)"
  # No --locked: its lock names a crate version the registry here does not serve.
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium for the browser tests"
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
fi
