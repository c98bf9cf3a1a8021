#!/usr/bin/env bash
# Installs the build and test dependencies (Debian 12), builds everything with the default CMake
# preset and runs every test headless. The tests run inside a private D-Bus session with an
# unlocked gnome-keyring, so the secret store is tested against a real Secret Service, and with a
# private HOME, so nothing touches the user's keyring or settings. Needs no display and, once the
# packages are installed, no network. Exits with ctest's exit code; arguments go to ctest.
# DPS_PRESET picks the CMake preset (default; asan for AddressSanitizer + UBSan); DPS_REQUIRE_SDK=1 makes
# the official-SDK test fail instead of skipping when npm's registry can't be reached (CI).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/common.sh

# Node.js runs the official Azure SDK against the sandbox (tests/sdk); keep one that is already there.
command -v node >/dev/null && command -v npm >/dev/null || TEST_PACKAGES+=(nodejs npm)
install_packages "${BUILD_PACKAGES[@]}" "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
preset=${DPS_PRESET:-default}
cmake --preset "$preset"
cmake --build --preset "$preset" -j2

# The recipe of entra-auth-and-secrets.md section 7.1.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/run"
chmod 700 "$scratch/run"
export HOME=$scratch XDG_RUNTIME_DIR=$scratch/run XDG_DATA_HOME=$scratch/data \
    XDG_CONFIG_HOME=$scratch/config XDG_CACHE_HOME=$scratch/cache
export QT_QPA_PLATFORM=offscreen

dbus-run-session -- bash -c '
    set -euo pipefail
    secrets_owned() {
        # busctl (systemd) as in the verified recipe, else dbus-send (dbus). Neither starts the
        # service by D-Bus activation, which would launch a second, locked keyring daemon.
        if command -v busctl >/dev/null; then
            busctl --user status org.freedesktop.secrets >/dev/null 2>&1
        else
            [[ $(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null) \
                == *"boolean true"* ]]
        fi
    }
    # The password only unlocks the throwaway keyring that lives in the scratch HOME.
    printf "%s" "dps-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    for _ in $(seq 50); do
        secrets_owned && break
        sleep 0.1
    done
    if ! secrets_owned; then
        echo "The Secret Service (gnome-keyring) did not start on the private D-Bus." >&2
        exit 1
    fi
    exec ctest --preset "$0" -j2 "$@"
' "$preset" "$@"
