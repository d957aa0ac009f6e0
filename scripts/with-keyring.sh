#!/bin/sh
# Runs a command with a working OS keychain: inside the current D-Bus session when there is one,
# otherwise in a private D-Bus session with an unlocked gnome-keyring (as on CI and headless servers).
if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || ! command -v dbus-run-session >/dev/null 2>&1; then
  exec "$@"
fi
exec dbus-run-session -- sh -c 'printf "studio" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' sh "$@"
