#!/usr/bin/env bash
# Liftoff's metric analyses benchmarked against a real Prometheus (Debian's package prometheus):
# time to detect a fault with a Prometheus rollback trigger, side by side with today's synthetic
# monitoring tick on the same fault (a release each run, median of 5 after a warm-up), and what one
# analysis query costs Liftoff beyond Prometheus' own answer. Prints the results, which are also kept
# in target/bench/metrics.md.
#
# Needs: Java 17 and /usr/bin/prometheus (apt-get install -y prometheus).
# Usage: bench/metrics.sh [extra Maven arguments, e.g. -o to build offline]
# Takes about five minutes; keep the machine otherwise idle while it runs.
set -euo pipefail

cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/prometheus ]; then
  echo "bench/metrics.sh needs Debian's package prometheus: apt-get install -y prometheus" >&2
  exit 2
fi
export LIFTOFF_PROMETHEUS_TESTS=required
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! ./mvnw -B -q -Pbench verify -DskipITs \
    -Dtest='MetricQueryBenchmark,MetricTriggerDetectionBenchmark,SyntheticTriggerDetectionBenchmark' "$@" >"$log" 2>&1; then
  cat "$log" >&2
  echo "the benchmark failed; the figures measured so far are under target/bench/" >&2
  exit 1
fi
{
  echo "## Time to detect a fault in production ($(date +%F))"
  echo
  echo "From the fault starting at the demo's production (every request of its live build answers 500) to the rollback invoked,"
  echo "5 runs after a warm-up, each fault started at another point of the detector's cadence."
  echo
  echo "| detector | median | runs (ms) | goal | rollback reason (first run) |"
  echo "|---|---|---|---|---|"
  cat target/bench/detection-metric.md target/bench/detection-synthetic.md
  echo
  cat target/bench/metric-query.md
} > target/bench/metrics.md
cat target/bench/metrics.md
