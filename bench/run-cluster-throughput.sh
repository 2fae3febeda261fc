#!/usr/bin/env bash
# Ingestion throughput of a local cluster (bin/cluster: ZooKeeper, Kafka, the metadata store and the
# workers as separate JVMs on this machine) with 1, 2 and 3 workers, on the same events.
#
#   bench/run-cluster-throughput.sh [--events N] [--workers "1 2 3"] [--repeat R] [--partitions P]
#
# For each worker count (and repeat): a fresh cluster without workers; N sample Wikipedia edits
# (bench/cluster-throughput-spec.json: 5 dimensions, 4 metrics, no query-time truncation, hour
# segments, a 30-minute window so none is thrown away) produced into the topic first; then the workers
# start together, and each worker's GET /status/ingestion is polled every 0.2 s until the sum of
# 'processed' reaches N. events/s = (N - processed at the first poll) / (time of the last poll - time of
# the first poll): the rate once every worker answers, group rebalances included. Prints one line per
# run and keeps the cluster's logs in bench/target/cluster-throughput/logs-<workers>-<repeat>.
# Builds the quickstart module first if needed (bin/tributary does).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
events=2000000 counts="1 2 3" repeat=1 partitions=6
while [[ $# -gt 0 ]]; do
  case "$1" in
    --events) events="$2"; shift 2 ;;
    --workers) counts="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --partitions) partitions="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
out="$root/bench/target/cluster-throughput"
dir="$out/cluster"
mkdir -p "$out"
cluster() { "$root/bin/cluster" "$@" --dir "$dir"; }

# The workers' HTTP ports, read from the cluster's state file (one JSON object per process).
worker_ports() {
  tr -d ' \n' < "$dir/cluster.json" | grep -o '"role":"WORKER","pid":[0-9]*,"startMillis":[0-9]*,"port":[0-9]*' \
    | sed 's/.*"port"://'
}

# The sum over the workers of one counter of /status/ingestion.
sum_of() {
  local total=0 value
  for port in $ports; do
    value=$(curl -s -m 2 "http://127.0.0.1:$port/status/ingestion" | grep -o "\"$1\":[0-9]*" | head -1 | cut -d: -f2)
    total=$((total + ${value:-0}))
  done
  echo "$total"
}

now() { date +%s.%N; }

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
echo "events per run: $events, partitions: $partitions"
printf '%-8s %-7s %12s %9s %12s %-22s %s\n' workers repeat events seconds events/s "load (start/end)" "processed per worker"
for n in $counts; do
  for r in $(seq 1 "$repeat"); do
    [[ -f "$dir/cluster.json" ]] && cluster down --clean > /dev/null
    cluster up --workers 0 --historicals 0 --partitions "$partitions" --metadata AUTO \
      --spec "$root/bench/cluster-throughput-spec.json" > "$out/up.log"
    cluster produce --events "$events" > "$out/produce.log"
    load_start=$(cut -d' ' -f1 /proc/loadavg)
    cluster add-worker --count "$n" > "$out/add-worker.log"
    ports=$(worker_ports)
    first="" first_time="" processed=0
    while (( processed < events )); do
      t=$(now)
      processed=$(sum_of processed)
      if [[ -z "$first" ]]; then first=$processed first_time=$t; fi
      (( processed < events )) && sleep 0.2
    done
    last_time=$(now)
    load_end=$(cut -d' ' -f1 /proc/loadavg)
    per_worker=$(for port in $ports; do curl -s -m 2 "http://127.0.0.1:$port/status/ingestion" \
      | grep -o '"processed":[0-9]*' | cut -d: -f2; done | paste -sd/)
    dropped=$(( $(sum_of thrownAway) + $(sum_of unparseable) ))
    awk -v n="$n" -v r="$r" -v e="$events" -v f="$first" -v t0="$first_time" -v t1="$last_time" \
        -v l="$load_start/$load_end" -v p="$per_worker" -v d="$dropped" 'BEGIN {
      s = t1 - t0; printf "%-8s %-7s %12d %9.1f %12.0f %-22s %s%s\n", n, r, e - f, s, (e - f) / s, l, p, (d > 0 ? " (" d " dropped!)" : "") }'
    cluster status > "$out/status-$n-$r.txt"
    cluster down > /dev/null
    rm -rf "$out/logs-$n-$r" && cp -r "$dir/logs" "$out/logs-$n-$r"
    cluster down --clean > /dev/null
  done
done
