#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and starts Identity Studio
# (Electron when it can start, otherwise browser mode, with a line saying why).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
bash scripts/install-node-deps.sh
exec sh scripts/with-keyring.sh npm start
