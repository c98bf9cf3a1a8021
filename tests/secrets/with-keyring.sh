#!/usr/bin/env bash
# Runs a command inside its own private D-Bus session with its own unlocked gnome-keyring and a throwaway
# HOME/XDG tree (entra-auth-and-secrets.md 7.1), so keychain tests use a real Secret Service without
# touching the user's keyring or the one scripts/run-tests.sh shares between all tests (one test locks
# its collection). The command runs with DPS_TEST_PRIVATE_KEYRING set to its own process id (so a
# test binary can tell that the session is its own, not one inherited from, say, a ctest run inside
# this script) and DPS_TEST_KEYRING_PASSWORD (the throwaway keyring's password, for tests that lock
# and unlock it). Exits with the command's exit code.
#   with-keyring.sh <command> [args...]
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 <command> [args...]" >&2; exit 2; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/dps-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/run"
chmod 700 "$scratch/run"
export HOME=$scratch/home XDG_RUNTIME_DIR=$scratch/run XDG_DATA_HOME=$scratch/home/.local/share \
    XDG_CONFIG_HOME=$scratch/home/.config XDG_CACHE_HOME=$scratch/home/.cache
# QtKeychain picks its Linux backend from these; libsecret is what a GNOME/headless desktop gets.
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION DISPLAY WAYLAND_DISPLAY
export DPS_TEST_KEYRING_PASSWORD=dps-private-test-keyring

dbus-run-session -- bash -c '
    set -euo pipefail
    secrets_owned() {
        # The bus'"'"'s own NameHasOwner (dbus-send, of the dbus package), which works anywhere, a chroot
        # or container without systemd included; busctl, which needs systemd'"'"'s view of the peer
        # ("Failed to get credentials" in a fresh Debian root), only where dbus-send is missing.
        # Neither starts the service by D-Bus activation (which would launch a second, locked daemon).
        if command -v dbus-send >/dev/null; then
            [[ $(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null) \
                == *"boolean true"* ]]
        else
            busctl --user status org.freedesktop.secrets >/dev/null 2>&1
        fi
    }
    printf "%s" "$DPS_TEST_KEYRING_PASSWORD" \
        | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    for _ in $(seq 100); do
        secrets_owned && break
        sleep 0.05
    done
    if ! secrets_owned; then
        echo "with-keyring.sh: gnome-keyring did not start on the private D-Bus." >&2
        exit 1
    fi
    export DPS_TEST_PRIVATE_KEYRING=$$ # exec keeps the process id
    exec "$@"
' with-keyring "$@"
