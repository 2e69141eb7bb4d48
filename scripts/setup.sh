#!/usr/bin/env bash
# Installs what building, serving and testing need, idempotently, on a Debian
# machine with rustup, cargo, node and npm: the wasm32 target, wasm-bindgen-cli
# at exactly the version in Cargo.lock, and the npm build tools (esbuild,
# binaryen) from the committed lockfile, and Debian's wamerican word list. With --browser also Debian's chromium
# and the browser-test packages (playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ -z "$want" ]; then
  echo "setup: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
if [ "$have" != "$want" ]; then
  echo "setup: installing wasm-bindgen-cli $want (about 5 minutes the first time)"
  # No --locked: its lock names a crate version the registry here does not serve.
  cargo install wasm-bindgen-cli --version "$want"
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup: node and npm are needed (apt-get install -y nodejs npm)" >&2
  exit 1
fi
npm_ci() { # npm ci in $1 unless its node_modules already matches its lockfile
  if [ ! -f "$1/node_modules/.package-lock.json" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; then
    (cd "$1" && npm ci --no-audit --no-fund)
  fi
}
npm_ci .

# The word list the gazetteer generators filter with (scripts/regenerate.sh).
if [ ! -f /usr/share/dict/american-english ]; then
  echo "setup: installing Debian's wamerican word list"
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wamerican
fi

if [ "${1:-}" = "--browser" ]; then
  if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
    echo "setup: installing Debian's chromium for the browser tests"
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
  fi
  npm_ci tests/browser
fi
