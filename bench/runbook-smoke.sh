#!/usr/bin/env bash
# The study-api reference smoke plan (31 assertions over six endpoints) as a release runbook runs
# it by hand: one request after another with curl, each response checked with jq.
# Liftoff's benchmark times this script against Liftoff's own verification of the same plan.
#
# Usage: bench/runbook-smoke.sh BASE_URL        e.g. bench/runbook-smoke.sh http://127.0.0.1:8081
# Needs: bash, curl, jq. Prints one line per assertion, then "N passed, M failed"; exits 1 when
# an assertion failed, 2 on wrong usage or a missing tool.
set -u -o pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BASE_URL" >&2
  exit 2
fi
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "$0 needs $tool" >&2; exit 2; }
done

base_url="${1%/}"
work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT
body_file="$work_dir/body"
headers_file="$work_dir/headers"
passed=0
failed=0
status=""
seconds=""
check_name=""

# one request; keeps status, headers, body and total time for the assertions that follow
request() {
  local method="$1" path="$2"
  shift 2
  local written
  if ! written="$(curl -sS -o "$body_file" -D "$headers_file" -w '%{http_code} %{time_total}' \
      -X "$method" "$@" "$base_url$path")"; then
    written="000 0"
    : >"$body_file"
    : >"$headers_file"
  fi
  status="${written%% *}"
  seconds="${written#* }"
}

record() {
  local description="$1" outcome="$2"
  if [[ "$outcome" == 0 ]]; then
    passed=$((passed + 1))
    echo "ok    $check_name: $description"
  else
    failed=$((failed + 1))
    echo "FAIL  $check_name: $description"
  fi
}

expect_status() {
  [[ "$status" == "$1" ]]
  record "status $1 (got $status)" "$?"
}

# a jq filter that must yield exactly true on the body (jq -e alone passes an empty body)
expect_json() {
  local description="$1" filter="$2" result
  result="$(jq "$filter" "$body_file" 2>/dev/null)" && [[ "$result" == true ]]
  record "$description" "$?"
}

expect_body_contains() {
  grep -qF -- "$1" "$body_file"
  record "body contains $1" "$?"
}

# the first header of that name, case-insensitive, without the line's CR
header_value() {
  local wanted="${1,,}" line name
  while IFS= read -r line; do
    line="${line%$'\r'}"
    name="${line%%:*}"
    if [[ "${name,,}" == "$wanted" && "$line" == *:* ]]; then
      line="${line#*:}"
      echo "${line# }"
      return 0
    fi
  done <"$headers_file"
  return 1
}

expect_header_equals() {
  local value
  value="$(header_value "$1")" && [[ "$value" == "$2" ]]
  record "header $1 = $2" "$?"
}

expect_header_matches() {
  local value
  # the pattern stays unquoted: quoted, bash would compare it as plain text
  value="$(header_value "$1")" && [[ "$value" =~ $2 ]]
  record "header $1 matches $2" "$?"
}

expect_within() {
  local limit="$1"
  # an unanswered request has no latency to pass
  [[ "$status" != 000 ]] && jq -ne --argjson took "$seconds" --argjson limit "$limit" '$took <= $limit' >/dev/null
  record "answered within ${limit}s (took ${seconds}s)" "$?"
}

check_name="Version"
request GET /api/version
expect_status 200
expect_json "/version exists" '.version != null'
expect_json "/commit matches ^[0-9a-f]{7,40}$" '.commit | test("^[0-9a-f]{7,40}$")'
expect_header_matches Content-Type '^application/json(;.*)?$'
expect_within 0.1

check_name="Flashcard preview"
request POST /api/preview -H 'Content-Type: application/json' -H 'Origin: https://study.example.com' \
  --data '{"topic":"photosynthesis"}'
expect_status 200
expect_json "/topic = photosynthesis" '.topic == "photosynthesis"'
expect_json "/cards/2/front exists" '.cards[2].front != null'
expect_body_contains '"back"'
expect_header_equals Access-Control-Allow-Origin 'https://study.example.com'
expect_within 1.5

check_name="Quiz generation"
request POST /api/generate -H 'Content-Type: application/json' --data '{"topic":"cell biology","count":5}'
expect_status 200
expect_json "/count = 5" '.count | tostring == "5"'
expect_json "/questions/4/id = q-5" '.questions[4].id == "q-5"'
expect_json "/questions/0/choices/3 exists" '.questions[0].choices[3] != null'
expect_header_matches Content-Security-Policy "frame-ancestors 'none'"
expect_within 3

check_name="Answer scoring"
request POST /api/score -H 'Content-Type: application/json' --data '{"questionId":"q-1","answer":"A"}'
expect_status 200
expect_json "/score from 0 to 1" '.score | type == "number" and . >= 0 and . <= 1'
expect_json "/correct = true" '.correct | tostring == "true"'
expect_header_equals X-Content-Type-Options nosniff
expect_within 0.5

check_name="Daily question"
request GET /api/daily/next
expect_status 200
expect_json "/date matches ^\\d{4}-\\d{2}-\\d{2}$" '.date | test("^\\d{4}-\\d{2}-\\d{2}$")'
expect_json "/question/prompt exists" '.question.prompt != null'
expect_header_equals Cache-Control 'max-age=60'
expect_within 0.3

check_name="Daily usage (operations)"
request GET /api/ops/usage/daily
expect_status 200
expect_json "/requests at least 1" '.requests | type == "number" and . >= 1'
expect_json "/activeUsers at least 0" '.activeUsers | type == "number" and . >= 0'
expect_within 0.2

echo "$passed passed, $failed failed"
[[ "$failed" == 0 ]]
