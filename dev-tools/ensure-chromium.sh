#!/usr/bin/env bash
# Prints the path of a Chromium the softphone's browser test can drive (playwright-core never downloads a browser
# here: browser vendors' sites are not reachable, Debian's packages are). Uses, in order: $CHROMIUM_PATH, Debian's
# /usr/bin/chromium or chromium-headless-shell; else installs Debian's `chromium` with apt-get (as root, or through
# passwordless sudo); else stops saying what to install. Idempotent: an installed browser is used as it is.
# Progress goes to stderr; stdout is only the path, so callers can do `CHROMIUM_PATH=$(dev-tools/ensure-chromium.sh)`.
set -euo pipefail

find_chromium() {
    local candidate
    for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-headless-shell \
        /usr/lib/chromium/chromium /usr/lib/chromium/chromium-headless-shell; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
    done
    return 1
}

if path=$(find_chromium); then
    echo "$path"
    exit 0
fi

install_cmd=(apt-get install -y --no-install-recommends chromium)
if [ "$(id -u)" = 0 ]; then
    sudo_prefix=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo_prefix=(sudo -n)
else
    echo "error: no Chromium found (looked at \$CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-headless-shell)" >&2
    echo "       and this user can neither run apt-get as root nor sudo without a password." >&2
    echo "       Install Debian's browser once: sudo apt-get install chromium  (or set CHROMIUM_PATH to a Chromium)." >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: no Chromium found and no apt-get on this machine: install a Chromium and set CHROMIUM_PATH to it." >&2
    exit 1
fi

echo "Installing Debian's chromium for the softphone's browser test (once per machine)..." >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_prefix[@]}" apt-get update -qq >&2
"${sudo_prefix[@]}" "${install_cmd[@]}" >&2

if path=$(find_chromium); then
    echo "$path"
else
    echo "error: apt-get installed chromium but no binary was found at /usr/bin/chromium." >&2
    exit 1
fi
