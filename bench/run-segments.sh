#!/usr/bin/env bash
# Runs the persisted-segment benchmarks (Tributary vs Druid) in one JVM. Build first (from the repository root):
#   mvn -B -q package -DskipTests -pl bench -am
# then: bench/run-segments.sh [--quick] [--events N] [--hydrant-rows N] [--hydrants N] [--persist-runs N]
#                             [--query-runs N] [--merge-runs N] [--dir PATH]
# JVM options: BENCH_JAVA_OPTS (default: a fixed 6 GB G1 heap). Segments go to a fresh directory under
# --dir (default: java.io.tmpdir), removed at the end.
#
# Druid maps its segment files and reads them through JDK internals: on Java 17 loading a segment needs
# the --add-exports/--add-opens flags below (Druid's own launch scripts pass the same ones).
#
# The bench's classes and our own modules' jars are copied to a private directory first, so that a
# build running in the same tree meanwhile (mvn clean, install) cannot pull classes from under the run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ ! -f "$here/target/classpath.txt" || ! -d "$here/target/lib" || ! -d "$here/target/classes" ]]; then
  echo "bench is not built: run 'mvn -B -q package -DskipTests -pl bench -am' in $(dirname "$here")" >&2
  exit 1
fi
druid_flags=(
  --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED
  --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED
)
staged="$(mktemp -d "${TMPDIR:-/tmp}/tributary-bench.XXXXXX")"
trap 'rm -rf "$staged"' EXIT
cp -r "$here/target/classes" "$here/target/lib" "$here/target/classpath.txt" "$staged/"
java ${BENCH_JAVA_OPTS:--Xms6g -Xmx6g -XX:+UseG1GC} "${druid_flags[@]}" \
  -cp "$staged/classes:$staged/lib/*:$(cat "$staged/classpath.txt")" \
  dev.tributary.bench.segment.SegmentComparison "$@"
