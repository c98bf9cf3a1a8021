#!/usr/bin/env bash
# The best peer, side by side: `dps-setup setup` and the official Azure SDKs for JavaScript
# (tests/bench/sdk-setup.mjs, sequential and at their best) run the same full setup against the same
# kind of arm-sandbox (HTTPS, LROs DPS 3 s, hub 6 s, update 2 s; registration 3 s), one after the other,
# RUNS times each, and the medians are printed against the lower bounds (8 s; 11 s across subscriptions
# with the registration). Both are timed as whole processes (what a person waits for: start, sign-in,
# reads, writes); the SDK script's own figure from its first ARM call is printed too. Prints figures,
# asserts nothing.
#
#   tests/bench/bench_sdk_setup.sh [BUILD_DIR] [RUNS]
# The SDKs are those the official-SDK test installed (BUILD_DIR/tests/sdk/node, `npm ci` of
# tests/sdk/package-lock.json); without them (no registry) this says so and exits 77.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
runs=${2:-3}
node_dir=$build/tests/sdk/node
sandbox=$build/app/sandbox/arm-sandbox
dps_setup=$build/app/dps-setup
[ -x "$sandbox" ] && [ -x "$dps_setup" ] || { echo "build $build first (arm-sandbox, dps-setup)"; exit 1; }
if [ ! -d "$node_dir/node_modules/@azure/arm-deviceprovisioningservices" ]; then
    mkdir -p "$node_dir" && cp "$here/../sdk/package.json" "$here/../sdk/package-lock.json" "$node_dir/"
    (cd "$node_dir" && timeout 300 npm ci --no-audit --no-fund >/dev/null 2>&1) || { echo "the Azure SDKs cannot be installed (no npm registry): skipped"; exit 77; }
fi
cp "$here/sdk-setup.mjs" "$node_dir/"
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

start_sandbox() { # world
    [ -n "$pid" ] && { kill "$pid"; wait "$pid" 2>/dev/null || true; }
    rm -f "$work/info.json"
    "$sandbox" --port 0 --world "$1" --info-file "$work/info.json" --lro-seconds 3,6,2 --register-seconds 3 \
        --tls-cert "$work/cert.pem" --tls-key "$work/key.pem" 2>"$work/sandbox.log" &
    pid=$!
    for _ in $(seq 200); do [ -s "$work/info.json" ] && break; sleep 0.05; done
    [ -s "$work/info.json" ] || { cat "$work/sandbox.log"; echo "arm-sandbox did not start"; exit 1; }
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }

dps_setup_run() { # name [extra args...]
    local name=$1; shift
    local sub; sub=$(python3 -c "import json,sys; print([s['subscriptionId'] for s in json.load(open(sys.argv[1]))['subscriptions'] if s['devicesRegistered']][0])" "$work/info.json")
    local t0 t1
    t0=$(now)
    DPS_SETUP_DATA_DIR="$work/data" "$dps_setup" setup --cloud sandbox --sandbox-info "$work/info.json" --subscription "$sub" \
        --resource-group "rg-$name" --location westeurope --dps "dps-$name" --hub "hub-$name" --policy geolatency "$@" >/dev/null 2>"$work/cli.log" \
        || { cat "$work/cli.log"; exit 1; }
    t1=$(now)
    echo "$t1 - $t0" | bc -l
}
# The SDKs' whole process (node, the modules, the token, the setup), as `dps-setup setup` is measured;
# the script's own figure (from its first call, signed in already) goes to $work/inner.
sdk_run() { # mode [--cross SUB]
    local t0 t1 inner
    t0=$(now)
    inner=$(cd "$node_dir" && NODE_EXTRA_CA_CERTS="$work/cert.pem" node sdk-setup.mjs "$work/info.json" "$@") || { echo "$inner" >&2; exit 1; }
    t1=$(now)
    echo "$inner" | awk '{print $2}' >>"$work/inner-$1"
    echo "$t1 - $t0" | bc -l
}
inner_report() { # label mode
    local m; m=$(median <"$work/inner-$2")
    printf '  %-44s median %6.3f s  (signed in already: from its first ARM call)\n' "$1" "$m"
    rm -f "$work/inner-$2"
}
report() { # label bound values...
    local label=$1 bound=$2; shift 2
    local m; m=$(printf '%s\n' "$@" | median)
    printf '  %-44s median %6.3f s  (%s)  bound %s s, ratio %.3f\n' "$label" "$m" "$(echo "$@")" "$bound" "$(echo "$m / $bound" | bc -l)"
}

echo "bench_sdk_setup: $runs runs each, arm-sandbox over HTTPS, LROs 3,6,2 s, registration 3 s"
echo "1. full setup in one subscription (bound max(3, 6) + 2 = 8 s)"
start_sandbox empty
a=(); b=(); c=()
for i in $(seq "$runs"); do
    a+=("$(dps_setup_run "one$i")")
    b+=("$(sdk_run sequential)")
    c+=("$(sdk_run best)")
done
report "dps-setup setup (whole process)" 8 "${a[@]}"
report "Azure SDKs for JS, awaited one after another" 8 "${b[@]}"
report "Azure SDKs for JS at their best" 8 "${c[@]}"
inner_report "  the SDKs awaited in turn, in-script" sequential
inner_report "  the SDKs at their best, in-script" best

echo "2. hub in a subscription without Microsoft.Devices (bound max(3, 3 + 6) + 2 = 11 s)"
a=(); c=()
for i in $(seq "$runs"); do
    start_sandbox demo
    dev=$(python3 -c "import json,sys; print([s['subscriptionId'] for s in json.load(open(sys.argv[1]))['subscriptions'] if not s['devicesRegistered']][0])" "$work/info.json")
    a+=("$(dps_setup_run "x$i" --hub-subscription "$dev" --hub-resource-group "hub-rg-x$i" --register-provider)")
    start_sandbox demo
    c+=("$(sdk_run best --cross "$dev")")
done
report "dps-setup setup --register-provider" 11 "${a[@]}"
report "Azure SDKs for JS at their best" 11 "${c[@]}"
inner_report "  the SDKs at their best, in-script" best
