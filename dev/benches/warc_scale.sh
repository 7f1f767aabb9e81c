#!/usr/bin/env bash
# WARC at scale: builds a large .warc.gz when absent, then runs the whole pipeline on it
# and prints its size, records, docs/s, MB/s and peak RSS (/usr/bin/time -v). The file
# stays out of the repository (default /tmp/gazette-warc).
#
# The file: a base of BASE_MB (default 560) written with warcio (peers/make_warc.py: the
# HTML eval sets' pages, the fixtures, and a synthetic corpus set in HTML pages), in two
# halves built in parallel, then repeated until the file reaches GB: a WARC of gzip
# members may be concatenated, and a repeated record is a page crawled again (same URI:
# the pipeline's id rule gives it an id of its own, dedup finds it a duplicate). warcio
# writes ~0.4 MB/s of gzip per process here, so repeating keeps the build in minutes.
#
# Usage: dev/benches/warc_scale.sh [GB]          (default 2: size of the .warc.gz)
#        WORK=/tmp/dir THREADS=2 GAZETTE=/path/to/gazette BASE_MB=560 dev/benches/warc_scale.sh 2
set -euo pipefail
cd "$(dirname "$0")/../.."
gb=${1:-2}
work=${WORK:-/tmp/gazette-warc}
threads=${THREADS:-2}
venv=${VENV:-/tmp/gazette-bench-venv}
base_mb=${BASE_MB:-560}
mkdir -p "$work"
if [ -z "${GAZETTE:-}" ]; then
  cargo build --release --quiet --bin gazette --bin gazette-dev
  GAZETTE=${CARGO_TARGET_DIR:-$PWD/target}/release/gazette
fi
dev_bin=${DEV_BIN:-${CARGO_TARGET_DIR:-$PWD/target}/release/gazette-dev}
if ! "$venv/bin/python" -c 'import warcio' 2>/dev/null; then
  echo "creating $venv (warcio, trafilatura; pinned)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r dev/benches/peers/requirements.txt
fi
warc=$work/bench-${gb}g.warc.gz
if [ ! -f "$warc" ]; then
  corpus=$work/synth-10000.jsonl
  [ -f "$corpus" ] || "$dev_bin" synth --docs 10000 --seed 1 --out "$corpus" 2>/dev/null
  pages=(tests/fixtures)
  for s in trafilatura-eval htmldate-eval; do
    [ -d "../shared/eval/$s/docs" ] && pages+=("../shared/eval/$s/docs")
  done
  half=$((base_mb * 500000))
  for part in 1 2; do
    "$venv/bin/python" dev/benches/peers/make_warc.py "$work/part$part.warc.gz" "$half" \
      "$corpus" "${pages[@]}" > "$work/part$part.log" &
  done
  wait
  cat "$work/part1.warc.gz" "$work/part2.warc.gz" > "$work/base.warc.gz"
  rm -f "$work/part1.warc.gz" "$work/part2.warc.gz" "$warc.tmp"
  while [ "$(stat -c %s "$warc.tmp" 2>/dev/null || echo 0)" -lt $((gb * 1000000000)) ]; do
    cat "$work/base.warc.gz" >> "$warc.tmp"
  done
  mv "$warc.tmp" "$warc" && rm -f "$work/base.warc.gz"
fi
bytes=$(stat -c %s "$warc")
rm -rf "$work/out"
/usr/bin/time -v -o "$work/time.txt" "$GAZETTE" run --config /dev/null --input "$warc" \
  --output "$work/out" --batch warc --reference-date 2026-11-21 --threads "$threads" \
  2> "$work/run.log"
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" |
  python3 -c "import sys; p=sys.stdin.read().strip().split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))")
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
records=$(awk '/^ *records/ {print $2}' "$work/run.log")
python3 - "$bytes" "$records" "$wall" "$rss_kb" "$threads" <<'PY'
import sys
size, records, wall, rss, threads = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
print("| .warc.gz GB | records | threads | wall s | docs/s | MB/s (compressed) | peak RSS MB |")
print("|---|---|---|---|---|---|---|")
print(f"| {size/1e9:.2f} | {records} | {threads} | {wall:.0f} | {records/wall:.0f} | {size/1e6/wall:.1f} | {rss/1024:.0f} |")
PY
grep -E 'records|documents|rejects|time ' "$work/run.log" >&2
