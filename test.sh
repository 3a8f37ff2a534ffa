#!/usr/bin/env bash
# The project's test command (README "Test"): picks a JDK >= 21, then builds and tests every module.
set -euo pipefail
cd "$(dirname "$0")"
source dev-tools/select-jdk.sh
mvn -B -ntp verify "$@"
