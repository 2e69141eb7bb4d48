#!/usr/bin/env bash
# Installs what the page tests need, builds the page and the CLI, and runs
# the page's tests: unit tests of its modules in node, then the browser tests
# in Debian's headless Chromium (node --test, playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh --browser

./scripts/build-web.sh
cargo build --bin factlens   # the CLI the export test compares with

node --test tests/www/
cd tests/browser && node --test --test-concurrency=1 page.test.mjs
