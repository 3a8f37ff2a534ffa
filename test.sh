#!/usr/bin/env bash
# The project's test command (README "Test"): picks a JDK >= 21 (or stops saying what to install), then builds and
# tests every module. It installs one thing, once per machine, when it is missing: Debian's chromium for the
# softphone's browser test (dev-tools/ensure-chromium.sh: apt-get as root or through sudo -n, else it stops saying
# what to install). Node.js 20+ and npm must be there already (dev-tools/check-node.sh says so when not).
set -euo pipefail
cd "$(dirname "$0")"
source dev-tools/select-jdk.sh
CHROMIUM_PATH="$(dev-tools/ensure-chromium.sh)"
export CHROMIUM_PATH
mvn -B -ntp verify "$@"
