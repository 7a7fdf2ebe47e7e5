#!/usr/bin/env bash
# What one analysis step of a canary costs: CanaryStepBenchmark runs Liftoff's CanaryAnalysis on the
# demo's study-canary plan against two builds of the study API on loopback (a stable one and a canary,
# as fast as the stable one or 300 ms slower), steps of 5, 10 and 20 s in turn, and measures each step's
# wall time against its `for`, the requests each build saw arrive (the busiest second of the side-by-side
# comparison and of the canary's own checks) and the verdicts. Then CanaryStatisticsTest's seeded trials
# give the statistics' false-alarm and detection rates. Prints the tables, which are also kept in
# target/bench/canary.md.
#
# Needs: Java 17.
# Usage: bench/canary.sh [extra Maven arguments, e.g. -o to build offline,
#                         -Dliftoff.bench.canary.runs=N for N runs of each step (default 5)]
# Takes about nine minutes; keep the machine otherwise idle while it runs.
set -euo pipefail

case "${1:-}" in
  -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
cd "$(dirname "$0")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
mkdir -p target/bench
if ! ./mvnw -B -q -Pbench test -Dtest=CanaryStepBenchmark "$@" >"$log" 2>&1; then
  cat "$log" >&2
  echo "the benchmark failed; the figures measured, if any, are in target/bench/canary-step.md" >&2
  exit 1
fi
# the statistics' trials are ordinary tests (not tagged benchmark): run them without the bench profile
if ! ./mvnw -B -q test -Dtest=CanaryStatisticsTest -Dsurefire.failIfNoSpecifiedTests=false "$@" >"$log" 2>&1; then
  cat "$log" >&2
  echo "CanaryStatisticsTest failed" >&2
  exit 1
fi
trials=target/surefire-reports/dev.liftoff.canary.CanaryStatisticsTest-output.txt
{
  cat target/bench/canary-step.md
  echo
  echo "### The statistics alone: seeded trials (CanaryStatisticsTest)"
  echo
  echo "200 trials each, trial i drawing its samples from SplittableRandom(i); α = 0.01 per test. Latencies log-normal,"
  echo "median 100 ms, σ of the log 0.2, in whole ms, n = 50 a side (a slower or faster canary: every latency × 1.2 or × 0.8,"
  echo "minimum increase 5 ms for the slower one); errors n = 500 a side at 1 %, n = 200 a side at 10 % against 1 %."
  echo
  echo "| trial | result |"
  echo "|---|---|"
  sed -n 's/^canary statistics: \(.*\) \([0-9]*\/[0-9]*\) (\(.*\))$/| \1 | \2 (\3) |/p' "$trials" | sort
} > target/bench/canary.md
cat target/bench/canary.md
