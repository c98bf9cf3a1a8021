#!/usr/bin/env bash
# Runs the official Azure SDK for JavaScript against a fresh arm-sandbox over HTTPS.
# usage: run.sh ARM_SANDBOX_BINARY WORK_DIR
# The pinned SDK versions (package-lock.json) are installed into WORK_DIR with `npm ci`, once.
# Exits 77 (skipped) when Node.js/npm or the npm packages cannot be had (no registry).
set -euo pipefail
sandbox_bin=$1
node_dir=$2
here=$(cd "$(dirname "$0")" && pwd)
# DPS_REQUIRE_SDK=1 (CI): a missing Node.js or registry is a failure, never a silent skip.
skip() {
    if [ -n "${DPS_REQUIRE_SDK:-}" ]; then
        echo "$1: failed, the official-SDK test is required here (DPS_REQUIRE_SDK)"
        exit 1
    fi
    echo "$1: skipped"
    exit 77
}
command -v node >/dev/null && command -v npm >/dev/null || skip "node/npm not found"
mkdir -p "$node_dir"
cp "$here/package.json" "$here/package-lock.json" "$here/sdk-conformance.mjs" "$node_dir/"
if [ ! -d "$node_dir/node_modules/@azure/arm-deviceprovisioningservices" ]; then
    (cd "$node_dir" && timeout 300 npm ci --no-audit --no-fund >"$node_dir/npm-ci.log" 2>&1) || { tail -n 20 "$node_dir/npm-ci.log"; skip "npm ci failed (no registry?)"; }
fi
work=$(mktemp -d)
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
"$sandbox_bin" --port 0 --world empty --info-file "$work/info.json" --lro-seconds 0.3,0.5,0.3 \
    --tls-cert "$work/cert.pem" --tls-key "$work/key.pem" 2>"$work/sandbox.log" &
pid=$!
for _ in $(seq 200); do [ -s "$work/info.json" ] && break; sleep 0.05; done
[ -s "$work/info.json" ] || { cat "$work/sandbox.log"; echo "arm-sandbox did not start"; exit 1; }
NODE_EXTRA_CA_CERTS="$work/cert.pem" node "$node_dir/sdk-conformance.mjs" "$work/info.json"
