#!/usr/bin/env bash
# Straight-through release lifecycles per second and what each costs, in one command: the packaged
# Liftoff run as separate processes against a local fleet of environments, on the H2 file (one node)
# and on PostgreSQL (one node and two nodes on one schema, in rounds of either); releases started
# at once, approved by scripted approvers as soon as each task appears. Prints the figures, which
# are also kept in target/bench/throughput.md (a section per database).
#
# Needs: Java 17; for the PostgreSQL part a server that trusts the user postgres at 127.0.0.1:5432
# (or -Dliftoff.db.url=... -Dliftoff.db.user=... -Dliftoff.db.password=...), without which only the
# H2 part runs. Takes about 20 minutes; keep the machine otherwise idle while it runs.
# Usage: bench/throughput.sh [extra Maven arguments, e.g. -o to build offline, -Dliftoff.bench.releases=200,
#        -Dliftoff.bench.warm-up=N for the releases run before any round (default 400),
#        -Dliftoff.bench.job-threads=5 for the job threads each node runs (default 10, as Liftoff ships)]
set -euo pipefail

cd "$(dirname "$0")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
run() {
  if ! ./mvnw -B -Pbench verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ThroughputBenchmarkIT "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "the benchmark failed; node logs are under target/it/ThroughputBenchmarkIT, the figures measured so far in target/bench/throughput.md" >&2
    exit 1
  fi
}
rm -f target/bench/throughput.md
run "$@"
if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1; then
  run -Ppostgres "$@"
else
  echo "PostgreSQL does not answer at 127.0.0.1:5432: only the H2 part ran" >&2
fi
cat target/bench/throughput.md
