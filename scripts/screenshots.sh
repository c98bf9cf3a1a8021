#!/usr/bin/env bash
# Renders every page of the setup wizard to PNG, the way people see it: the wizard tests drive the real
# wizard against a real arm-sandbox under Xvfb (xcb platform) and save each page (DPS_SCREENSHOT_DIR).
# Variants: light at 100 % and 200 % scale, a dark palette, and German.
#   scripts/screenshots.sh [build dir, default build] [output dir, default <build>/screenshots]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-$build/screenshots}
cmake --build "$build" --target tst_wizard -j2 >/dev/null
filter='*NewResources*:*Taken*:*Unregistered*:*FreeHub*:*AFailedOperation*:*TryIt*:*Closing*'
run() { # name, extra env... (a translated run only takes pictures: the tests compare English texts)
    local name=$1 strict=1
    shift
    case "$*" in *DPS_SCREENSHOT_LANG*) strict=0 ;; esac
    rm -rf "${out:?}/$name"
    mkdir -p "$out/$name"
    env "$@" DPS_SCREENSHOT_DIR="$out/$name" QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1920x1200x24" "$build/tests/ui/tst_wizard" --gtest_filter="$filter" >"$out/$name.log" 2>&1 ||
        if [ $strict = 1 ]; then
            echo "screenshots $name: the wizard tests failed, see $out/$name.log" >&2
            return 1
        fi
    echo "$name: $(ls "$out/$name" | wc -l) pages in $out/$name"
}
run light-100
run light-200 QT_SCALE_FACTOR=2
run dark-100 DPS_SCREENSHOT_PALETTE=dark
run german-100 DPS_SCREENSHOT_LANG=de
