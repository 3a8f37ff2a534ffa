#!/usr/bin/env bash
# Cold (fresh JVM) and warm cost of building the deploymentHelper and rendering + validating the five flows.
# Usage: dev-tools/benchmarks/deployment-helper/run.sh   (builds the shaded jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/../../.."
source dev-tools/select-jdk.sh
JAR=deployment-helper/target/deployment-helper-lambda.jar
[ -f "$JAR" ] || mvn -B -ntp -q -pl deployment-helper -am -DskipTests package
echo "jar: $(du -h "$JAR" | cut -f1)  $JAR"
AWS_REGION=eu-west-2 AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x \
  java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -cp "$JAR" dev-tools/benchmarks/deployment-helper/RenderFlowsBenchmark.java
