#!/usr/bin/env bash
# The README's run command: installs what the page needs (idempotent), builds
# the wasm core and the single-file page, and serves www/ at a local address.
# PORT=8080 by default.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-web-tools.sh
./scripts/build-web.sh
echo "Single-file build: $(pwd)/dist/factlens.html (open it from disk, works offline)"
exec node scripts/static-server.mjs www "${PORT:-8080}"
