#!/usr/bin/env bash
# The project's test command (README "Test"): picks a JDK >= 21 (or stops saying what to install), then builds and
# tests every module. It never installs anything.
set -euo pipefail
cd "$(dirname "$0")"
source dev-tools/select-jdk.sh
mvn -B -ntp verify "$@"
