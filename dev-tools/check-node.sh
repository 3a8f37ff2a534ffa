#!/usr/bin/env bash
# Checks the machine's Node.js (>= 20) and npm, which build and test softphone/: the build never downloads a Node
# binary of its own. Stops saying what to install when one is missing.
set -euo pipefail
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "error: softphone/ needs Node.js 20 or newer and npm on PATH (node: $(command -v node || echo missing), npm: $(command -v npm || echo missing))." >&2
    echo "       Install Node.js 20+ with its npm (your distribution's or NodeSource's nodejs package) and run again." >&2
    exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
    echo "error: softphone/ needs Node.js 20 or newer; $(command -v node) is $(node --version). Install Node.js 20+ and run again." >&2
    exit 1
fi
echo "Using Node.js $(node --version) and npm $(npm --version)" >&2
