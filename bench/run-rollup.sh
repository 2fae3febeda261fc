#!/usr/bin/env bash
# Rollup across three realtime workers with and without `tributary repartition`, on the same events,
# with an embedded Kafka broker, all in one JVM. Build first (from the repository root):
#   mvn -B -q -o package -DskipTests -pl bench/rollup -am
# then: bench/run-rollup.sh [--events N] [--minutes M] [--workers W] [--seed S]
# (defaults: 200000 events over 30 minutes of event time, 3 workers). JVM options: BENCH_JAVA_OPTS.
#
# The module's classes and our own modules' jars are copied to a private directory first, so that a
# build running in the same tree meanwhile cannot pull classes from under the run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)/rollup"
if [[ ! -f "$here/target/classpath.txt" || ! -d "$here/target/lib" || ! -d "$here/target/classes" ]]; then
  echo "bench/rollup is not built: run 'mvn -B -q -o package -DskipTests -pl bench/rollup -am' in $(dirname "$(dirname "$here")")" >&2
  exit 1
fi
staged="$(mktemp -d "${TMPDIR:-/tmp}/tributary-rollup.XXXXXX")"
trap 'rm -rf "$staged"' EXIT
cp -r "$here/target/classes" "$here/target/lib" "$here/target/classpath.txt" "$staged/"
java ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseG1GC} \
  -cp "$staged/classes:$staged/lib/*:$(cat "$staged/classpath.txt")" \
  dev.tributary.bench.rollup.RepartitionRollup "$@"
