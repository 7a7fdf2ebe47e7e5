#!/usr/bin/env bash
# Liftoff's verification benchmark in one command: the study-api reference plan verified by Liftoff
# and by a sequential curl + jq runbook script (bench/runbook-smoke.sh) against the same local
# target, then Liftoff's latency percentiles against independent measurements. Prints the results,
# which are also kept in target/bench/verification.md.
#
# Needs: Java 17, curl and jq (the runbook script); wrk is optional (apt-get install -y wrk): without
# it the percentiles are compared with the built-in sampler only.
# Usage: bench/verification.sh [extra Maven arguments, e.g. -o to build offline]
# Takes three to four minutes; keep the machine otherwise idle while it runs.
set -euo pipefail

cd "$(dirname "$0")/.."
for tool in curl jq; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench/verification.sh needs $tool (e.g. apt-get install -y $tool)" >&2
    exit 2
  fi
done
if ! command -v wrk >/dev/null; then
  echo "wrk not found: latency percentiles are compared with the built-in sampler only" >&2
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! ./mvnw -B -q -Pbench verify -Dtest=VerificationBenchmark -DskipITs "$@" >"$log" 2>&1; then
  cat "$log" >&2
  echo "the benchmark failed; the figures measured so far are in target/bench/verification.md" >&2
  exit 1
fi
cat target/bench/verification.md
