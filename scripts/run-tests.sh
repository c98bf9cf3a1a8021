#!/usr/bin/env bash
# Installs the build and test dependencies (Debian 12), builds everything with the default CMake
# preset and runs every test headless. The tests run inside a private D-Bus session with an
# unlocked gnome-keyring, so the secret store is tested against a real Secret Service, and with a
# private HOME, so nothing touches the user's keyring or settings. Needs no display and, once the
# packages are installed, no network (the official-SDK test fetches its npm packages when it can).
# Exits with ctest's exit code; arguments go to ctest.
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

# The recipe of entra-auth-and-secrets.md section 7.1: ctest runs inside a private D-Bus session with
# its own unlocked gnome-keyring and a throwaway HOME/XDG tree (tests/secrets/with-keyring.sh), so the
# secret store is tested against a real Secret Service and nothing touches the user's keyring or settings.
export QT_QPA_PLATFORM=offscreen
exec tests/secrets/with-keyring.sh ctest --preset "$preset" -j2 "$@"
