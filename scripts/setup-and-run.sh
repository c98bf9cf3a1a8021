#!/usr/bin/env bash
# Installs what DPS Setup needs (Debian 12), builds it with the default CMake preset and starts it.
# Arguments are passed on to the app, e.g. ./scripts/setup-and-run.sh --lang de
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/common.sh

install_packages "${BUILD_PACKAGES[@]}" "${RUN_PACKAGES[@]}"
cmake --preset default
cmake --build --preset default --target dps-setup -j2

app=build/app/dps-setup
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    cat >&2 <<MESSAGE
DPS Setup is built ($app), but there is no display to show it on: neither DISPLAY nor
WAYLAND_DISPLAY is set. Run this from a desktop session, or start it on a virtual display:
    xvfb-run -a $app
MESSAGE
    exit 1
fi
exec "$app" "$@"
