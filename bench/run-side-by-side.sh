#!/usr/bin/env bash
# Runs the Tributary vs Druid side-by-side in one JVM. Build first (from the repository root):
#   mvn -B -q install -DskipTests -pl core,bench -am
# then: bench/run-side-by-side.sh [--quick] [--ingest-events N] [--query-events N] [--iterations N] [--query-runs N]
# JVM options: BENCH_JAVA_OPTS (default: a fixed 6 GB G1 heap).
#
# The bench's classes and our own modules' jars are copied to a private directory first, so that a
# build running in the same tree meanwhile (mvn clean, install) cannot pull classes from under the run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ ! -f "$here/target/classpath.txt" || ! -d "$here/target/lib" || ! -d "$here/target/classes" ]]; then
  echo "bench is not built: run 'mvn -B -q install -DskipTests -pl core,bench -am' in $(dirname "$here")" >&2
  exit 1
fi
staged="$(mktemp -d "${TMPDIR:-/tmp}/tributary-bench.XXXXXX")"
trap 'rm -rf "$staged"' EXIT
cp -r "$here/target/classes" "$here/target/lib" "$here/target/classpath.txt" "$staged/"
java ${BENCH_JAVA_OPTS:--Xms6g -Xmx6g -XX:+UseG1GC} \
  -cp "$staged/classes:$staged/lib/*:$(cat "$staged/classpath.txt")" \
  dev.tributary.bench.SideBySide "$@"
