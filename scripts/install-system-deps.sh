#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Identity Studio needs when they are missing:
#   runtime: libsecret-1-dev (keytar builds against it), gnome-keyring + dbus (the OS keychain), build tools
#   tests:   chromium (Playwright drives the system Chromium; browsers are never downloaded)
# Usage: install-system-deps.sh [--tests]. Other systems: install the equivalents yourself.
set -euo pipefail
packages=(libsecret-1-dev gnome-keyring dbus python3 make g++)
[ "${1:-}" = "--tests" ] && packages+=(chromium)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install: ${missing[*]} (or your system's equivalents)." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
