#!/usr/bin/env bash
# Proves the README's test command on a fresh Debian 12: bootstraps a minimal bookworm root
# (debootstrap --variant=minbase; its package tarball is cached between runs), gives it what an
# installed system has (/etc/hosts, resolv.conf, /proc, /dev), clones the commit under test into it
# with nothing beside it, and runs ./scripts/run-tests.sh there as root, exactly as the README says.
# Needs root, debootstrap and the Debian package registry.
#   .ci/fresh-root.sh [commit, default HEAD]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
commit=$(git rev-parse "${1:-HEAD}")
mirror=${DPS_CI_MIRROR:-http://deb.debian.org/debian}
cache=${DPS_CI_CACHE:-/var/cache/dps-ci}
tarball=$cache/bookworm-minbase.tgz
archives=$cache/apt-archives # .debs downloaded by earlier runs (apt still checks and installs them)

if ((EUID != 0)); then
    echo "fresh-root: needs root (debootstrap, chroot)" >&2
    exit 1
fi
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap
mkdir -p "$cache" "$archives/partial"

if [[ ! -s $tarball ]]; then
    echo "fresh-root: downloading the bookworm minbase packages into $tarball"
    debootstrap --variant=minbase --make-tarball="$tarball.tmp" bookworm "$cache/make-tarball" "$mirror"
    mv "$tarball.tmp" "$tarball"
    rm -rf "$cache/make-tarball"
fi

root=$(mktemp -d /var/tmp/dps-fresh-root.XXXXXX)
mounts=()
cleanup()
{
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount -l "${mounts[i]}" 2>/dev/null || true
    done
    # Never delete through a mount that is still there (the host's /dev, the package cache).
    if grep -q " $root/" /proc/mounts; then
        echo "fresh-root: $root still has mounts; left in place" >&2
        return
    fi
    rm -rf --one-file-system "$root"
}
trap cleanup EXIT
bind() { # source target [options]
    mkdir -p "$2"
    mount "${@:3}" "$1" "$2"
    mounts+=("$2")
}

echo "fresh-root: bootstrapping Debian 12 (minbase) in $root"
debootstrap --variant=minbase --unpack-tarball="$tarball" bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 ||
    { tail -n 30 "$root.debootstrap.log" >&2; exit 1; }
rm -f "$root.debootstrap.log"

# What an installed system has and debootstrap leaves out.
printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\tdps-fresh-root\n' >"$root/etc/hosts"
echo dps-fresh-root >"$root/etc/hostname"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
bind proc "$root/proc" -t proc
bind sysfs "$root/sys" -t sysfs
bind /dev "$root/dev" --bind
bind devpts "$root/dev/pts" -t devpts
bind tmpfs "$root/dev/shm" -t tmpfs
bind "$archives" "$root/var/cache/apt/archives" --bind

# The commit under test, and nothing else of this checkout (no build, no untracked files).
git clone --quiet --no-hardlinks "$repo" "$root/root/dps-setup"
git -C "$root/root/dps-setup" checkout --quiet --detach "$commit"

echo "fresh-root: running ./scripts/run-tests.sh in the fresh root"
chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    bash -c 'cd /root/dps-setup && ./scripts/run-tests.sh'
