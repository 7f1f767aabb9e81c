#!/usr/bin/env bash
# Runs two gazette binaries on the same inputs (the golden fixtures, ../shared/corpus/seeds and
# every set in ../shared/eval) and compares their tables with compare_tables.py: the check that
# a refactor changed no row, no value and no data byte.
#
# usage: tools/same_tables.sh OLD_BINARY NEW_BINARY [WORKDIR]
# Needs python3 with pyarrow (a venv: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pyarrow;
# then PYTHON=/tmp/venv/bin/python tools/same_tables.sh …).
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2 work=${3:-/tmp/gazette-same}
py=${PYTHON:-python3}
rm -rf "$work" && mkdir -p "$work"
inputs=()
for f in tests/fixtures/*/input; do inputs+=("fixture-$(basename "$(dirname "$f")")=$f"); done
if [ -d ../shared ]; then
  inputs+=("seeds=../shared/corpus/seeds")
  for s in ../shared/eval/*/docs; do inputs+=("eval-$(basename "$(dirname "$s")")=$s"); done
fi
status=0
for pair in "${inputs[@]}"; do
  name=${pair%%=*} dir=${pair#*=}
  for side in old new; do
    bin=$old; [ $side = new ] && bin=$new
    # Both sides write to the same path, so the effective config (and its SHA-256 in
    # every file's metadata) is the same; the result is then moved aside.
    rm -rf "$work/out"
    "$bin" run --config /dev/null --input "$dir" --output "$work/out" \
      --batch same --reference-date 2026-11-21 --threads 2 2>/dev/null
    mkdir -p "$work/$side" && mv "$work/out" "$work/$side/$name"
  done
  printf '%-28s ' "$name"
  "$py" tools/compare_tables.py "$work/old/$name" "$work/new/$name" | tail -n 1 || status=1
done
# Two batches into one output: the second is deduplicated against the first through the
# dedup state. "two-batches" runs both with the same binary; "migrated" writes the first
# batch with OLD and the second with NEW (the state of the first is read, or migrated, by
# NEW), against OLD for both.
two_batches() { # BIN_A BIN_B OUT
  rm -rf "$3"
  "$1" run --config /dev/null --input examples --output "$3" --batch day1 \
    --reference-date 2026-11-21 --threads 2 2>/dev/null
  "$2" run --config /dev/null --input tests/fixtures/duplicates/input --input examples \
    --output "$3" --batch day2 --reference-date 2026-11-21 --threads 2 2>/dev/null
}
for scenario in two-batches migrated; do
  first=$new; [ $scenario = migrated ] && first=$old
  two_batches "$old" "$old" "$work/out" && mkdir -p "$work/old" && rm -rf "$work/old/$scenario" && mv "$work/out" "$work/old/$scenario"
  two_batches "$first" "$new" "$work/out" && mkdir -p "$work/new" && mv "$work/out" "$work/new/$scenario"
  printf '%-28s ' "$scenario"
  "$py" tools/compare_tables.py "$work/old/$scenario" "$work/new/$scenario" | tail -n 1 || status=1
done
exit $status
