#!/usr/bin/env bash
# How fast Liftoff reacts to trouble, in one command: on the demo profile (its real job executor,
# deploy webhook and blue-green production), five `bad…` releases rolled back on their own and five
# drills whose failed staging tick files a GitHub issue on a local server speaking GitHub's API.
# Prints the medians, which are also kept in target/bench/rollback.md.
#
# Needs: Java 17. Takes about two minutes; keep the machine otherwise idle while it runs.
# Usage: bench/rollback.sh [extra Maven arguments, e.g. -o to build offline]
set -euo pipefail

cd "$(dirname "$0")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! ./mvnw -B -q -Pbench verify -Dtest=RollbackBenchmark -DskipITs "$@" >"$log" 2>&1; then
  cat "$log" >&2
  echo "the benchmark failed; the figures measured so far are in target/bench/rollback.md" >&2
  exit 1
fi
cat target/bench/rollback.md
