#!/usr/bin/env bash
# End-to-end benchmark: the whole pipeline on generated corpora (gazette-dev synth: realistic
# sizes, fr/it/en/de/es mix, with duplicates), with 1 and 2 threads; wall time, docs/s,
# MB/s, peak RSS; and on the same machine in the same run the limit: reading and
# hashing every input byte (cat | b2sum).
#
# Usage: dev/benches/e2e.sh [N ...]    (default: 10000 100000)
#        WORK=/tmp/dir dev/benches/e2e.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet --bin gazette --bin gazette-dev
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/gazette
dev_bin=${CARGO_TARGET_DIR:-$PWD/target}/release/gazette-dev
work=${WORK:-/tmp/gazette-e2e}
mkdir -p "$work"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)

now() { date +%s.%N; }
calc() { python3 -c "print($1)"; }

printf '| docs | MB | threads | wall s | docs/s | MB/s | peak RSS MB | read+hash MB/s | share of limit |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  corpus=$work/corpus-$n.jsonl
  [ -f "$corpus" ] || "$dev_bin" synth --docs "$n" --seed 1 --out "$corpus" 2>/dev/null
  bytes=$(stat -c %s "$corpus")
  mb=$(calc "round($bytes / 1e6, 1)")
  cat "$corpus" > /dev/null  # warm the page cache for both measurements
  t0=$(now); cat "$corpus" | b2sum > /dev/null; t1=$(now)
  limit=$(calc "$bytes / 1e6 / ($t1 - $t0)")
  for threads in 1 2; do
    rm -rf "$work/out"
    /usr/bin/time -f '%e %M' -o "$work/time.txt" \
      "$bin" run --input "$corpus" --output "$work/out" --batch e2e \
      --reference-date 2026-11-21 --threads "$threads" 2> "$work/run-$n-$threads.log"
    read -r wall rss_kb < "$work/time.txt"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$mb" "$threads" "$wall" \
      "$(calc "round($n / $wall)")" "$(calc "round($bytes / 1e6 / $wall, 1)")" \
      "$(calc "round($rss_kb / 1024)")" "$(calc "round($limit)")" \
      "$(calc "f'{$bytes / 1e6 / $wall / $limit:.1%}'")"
  done
  grep -E 'time .* per stage' "$work/run-$n-2.log" | sed 's/^ */  stage times (2 threads): /' >&2
done
