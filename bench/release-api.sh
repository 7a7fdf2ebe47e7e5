#!/usr/bin/env bash
# How fast POST /api/releases brings a release to its first user task, in one command: the demo
# profile plus 1,120 generated services whose environments answer on a local server; 300 warm-up
# starts, 500 sequential ones, then 320 from 16 concurrent clients, each for a service of its own.
# Prints p50/p95/p99 of request → Go/No-Go created, which are also kept in target/bench/release-api.md.
#
# Needs: Java 17. Takes about two minutes; keep the machine otherwise idle while it runs.
# Usage: bench/release-api.sh [extra Maven arguments, e.g. -o to build offline]
set -euo pipefail

cd "$(dirname "$0")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! ./mvnw -B -q -Pbench verify -Dtest=ReleaseApiBenchmark -DskipITs "$@" >"$log" 2>&1; then
  cat "$log" >&2
  echo "the benchmark failed; the figures measured so far are in target/bench/release-api.md" >&2
  exit 1
fi
cat target/bench/release-api.md
