#!/usr/bin/env bash
# Runs `npm ci` when node_modules does not match package-lock.json (tracked by a stamp file), so the
# start and test commands are quick after the first run and always correct after a pull.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.studio-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "Installing npm dependencies (native modules compile from source; the first time takes a few minutes)…"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
