#!/usr/bin/env bash
# Installs what the page tests need, builds the page and the CLI, and runs
# the page's tests: unit tests of its modules in node, then the browser tests
# in Debian's headless Chromium (node --test, playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update && apt-get install -y chromium; else sudo apt-get update && sudo apt-get install -y chromium; fi
fi
./scripts/install-web-tools.sh
(cd tests/browser && if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi)

./scripts/build-web.sh
cargo build --bin factlens   # the CLI the export test compares with

node --test tests/www/
cd tests/browser && node --test --test-concurrency=1 page.test.mjs
