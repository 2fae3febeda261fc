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
# the first poll): the rate once every worker answers, group rebalances included. steady/s is the rate
# between the polls that first see 20% and 90% of N. CPU seconds used over the run by the Kafka broker
# and by the workers (together) come from /proc/<pid>/stat. Prints one line per run and keeps the
# cluster's logs in bench/target/cluster-throughput/logs-<workers>-<repeat>.
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

# A field of the processes of one role, read from the cluster's state file (one JSON object per process).
field_of() {
  tr -d ' \n' < "$dir/cluster.json" | grep -o "\"role\":\"$1\",\"pid\":[0-9]*,\"startMillis\":[0-9]*,\"port\":[0-9]*" \
    | sed "s/.*\"$2\":\([0-9]*\).*/\1/"
}

# CPU seconds (user + system) used so far by the given pids together.
cpu_seconds() {
  local ticks=0
  for pid in "$@"; do
    ticks=$((ticks + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}'
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
printf '%-8s %-7s %10s %8s %10s %10s %-16s %-22s %s\n' workers repeat events seconds events/s steady/s \
  "load start/end" "cpu s kafka/workers" "processed per worker"
for n in $counts; do
  for r in $(seq 1 "$repeat"); do
    [[ -f "$dir/cluster.json" ]] && cluster down --clean > /dev/null
    cluster up --workers 0 --historicals 0 --partitions "$partitions" --metadata AUTO \
      --spec "$root/bench/cluster-throughput-spec.json" > "$out/up.log"
    cluster produce --events "$events" > "$out/produce.log"
    load_start=$(cut -d' ' -f1 /proc/loadavg)
    cluster add-worker --count "$n" > "$out/add-worker.log"
    ports=$(field_of WORKER port)
    pids=$(field_of WORKER pid)
    kafka=$(field_of KAFKA pid)
    kafka_cpu=$(cpu_seconds $kafka) workers_cpu=$(cpu_seconds $pids)
    first="" first_time="" processed=0 p20="" t20="" p90="" t90=""
    while (( processed < events )); do
      t=$(now)
      processed=$(sum_of processed)
      if [[ -z "$first" ]]; then first=$processed first_time=$t; fi
      if [[ -z "$p20" ]] && (( processed * 5 >= events )); then p20=$processed t20=$t; fi
      if [[ -z "$p90" ]] && (( processed * 10 >= events * 9 )); then p90=$processed t90=$t; fi
      if (( processed < events )); then sleep 0.2; fi
    done
    last_time=$(now)
    load_end=$(cut -d' ' -f1 /proc/loadavg)
    kafka_cpu=$(awk -v a="$kafka_cpu" -v b="$(cpu_seconds $kafka)" 'BEGIN {printf "%.0f", b - a}')
    workers_cpu=$(awk -v a="$workers_cpu" -v b="$(cpu_seconds $pids)" 'BEGIN {printf "%.0f", b - a}')
    per_worker=$(for port in $ports; do curl -s -m 2 "http://127.0.0.1:$port/status/ingestion" \
      | grep -o '"processed":[0-9]*' | cut -d: -f2; done | paste -sd/)
    dropped=$(( $(sum_of thrownAway) + $(sum_of unparseable) ))
    awk -v n="$n" -v r="$r" -v e="$events" -v f="$first" -v t0="$first_time" -v t1="$last_time" \
        -v p20="$p20" -v t20="$t20" -v p90="$p90" -v t90="$t90" -v c="$kafka_cpu/$workers_cpu" \
        -v l="$load_start/$load_end" -v p="$per_worker" -v d="$dropped" 'BEGIN {
      s = t1 - t0; steady = (t90 > t20) ? (p90 - p20) / (t90 - t20) : 0
      printf "%-8s %-7s %10d %8.1f %10.0f %10.0f %-16s %-22s %s%s\n", n, r, e - f, s, (e - f) / s, steady, l, c, p,
        (d > 0 ? " (" d " dropped!)" : "") }'
    cluster status > "$out/status-$n-$r.txt"
    cluster down > /dev/null
    rm -rf "$out/logs-$n-$r" && cp -r "$dir/logs" "$out/logs-$n-$r"
    cluster down --clean > /dev/null
  done
done
