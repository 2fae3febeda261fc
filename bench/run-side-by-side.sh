#!/usr/bin/env bash
# Runs the Tributary vs Druid side-by-side in one JVM. Build first (from the repository root):
#   mvn -B -q install -DskipTests -pl core,bench -am
# then: bench/run-side-by-side.sh [--quick] [--ingest-events N] [--query-events N] [--iterations N] [--query-runs N]
# JVM options: BENCH_JAVA_OPTS (default: a fixed 6 GB G1 heap).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ ! -f "$here/target/classpath.txt" || ! -d "$here/target/lib" ]]; then
  echo "bench is not built: run 'mvn -B -q install -DskipTests -pl core,bench -am' in $(dirname "$here")" >&2
  exit 1
fi
exec java ${BENCH_JAVA_OPTS:--Xms6g -Xmx6g -XX:+UseG1GC} \
  -cp "$here/target/classes:$here/target/lib/*:$(cat "$here/target/classpath.txt")" \
  dev.tributary.bench.SideBySide "$@"
