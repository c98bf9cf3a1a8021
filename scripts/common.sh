# Sourced by setup-and-run.sh and run-tests.sh: the Debian 12 packages each needs, and an installer
# that only calls apt-get when something is missing (so a prepared machine needs no network).

# Compilers, Qt and the libraries the build links; GoogleTest because the default preset builds the
# tests too.
BUILD_PACKAGES=(
    cmake ninja-build g++
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-networkauth-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev libgtest-dev libgmock-dev
)
# What Qt loads at run time: platform plugins, the SVG icon engine, Qt's own translations.
RUN_PACKAGES=(qt6-qpa-plugins libqt6svg6 qt6-translations-l10n)
# A real Secret Service on a private D-Bus for the secret store tests, a virtual display, the
# validators of the desktop files, openssl for the sandbox's TLS certificates, and curl for the
# stand-in `az` of the Azure CLI sign-in tests.
TEST_PACKAGES=(gnome-keyring dbus libsecret-tools xvfb desktop-file-utils appstream openssl curl)

install_packages()
{
    local missing=() package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    if ((${#missing[@]} == 0)); then
        echo "All required packages are installed."
        return 0
    fi
    if ! command -v apt-get >/dev/null; then
        echo "Missing packages: ${missing[*]}" >&2
        echo "This script installs them with apt-get (Debian 12); please install them yourself." >&2
        return 1
    fi

    local sudo=()
    if ((EUID != 0)); then
        sudo=(sudo)
    fi
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "${missing[@]}"
}
