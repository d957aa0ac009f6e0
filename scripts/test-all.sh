#!/usr/bin/env bash
# The README's second command: installs what is missing, then runs every check — lint, typecheck,
# unit and integration tests (real SQLite, real keychain, real sockets), build, e2e in Chromium —
# with a working OS keychain (a private D-Bus session and unlocked gnome-keyring when needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh --tests
bash scripts/install-node-deps.sh
exec sh scripts/with-keyring.sh npm test
