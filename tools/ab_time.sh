#!/usr/bin/env bash
# Times two gazette binaries on the same corpus, alternated (old, new, old, new, …), with 1
# and 2 threads: wall and CPU seconds of each run, then the best and the median per binary.
# The check that a refactor costs no speed (run on a quiet machine).
#
# usage: tools/ab_time.sh OLD_BINARY NEW_BINARY CORPUS.jsonl [RUNS]
#   corpus: e.g. `gazette-dev synth --docs 10000 --seed 1 --out /tmp/corpus-10k.jsonl`
set -euo pipefail
old=$1 new=$2 corpus=$3 runs=${4:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
results=$(mktemp)
for threads in 1 2; do
  for _ in $(seq "$runs"); do
    for side in old new; do
      bin=$old; [ "$side" = new ] && bin=$new
      rm -rf "$out/tables"
      /usr/bin/time -f "$threads $side %e %U %S" -a -o "$results" "$bin" run --config /dev/null \
        --input "$corpus" --output "$out/tables" --batch t --reference-date 2026-11-21 \
        --threads "$threads" 2>/dev/null
    done
  done
done
python3 - "$results" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    threads, side, wall, user, system = line.split()
    runs[(threads, side)].append((float(wall), float(user) + float(system)))
print("| threads | binary | wall best | wall median | cpu best |")
print("|---|---|---|---|---|")
for (threads, side), xs in sorted(runs.items()):
    walls = [w for w, _ in xs]
    print(f"| {threads} | {side} | {min(walls):.2f} | {statistics.median(walls):.2f} | {min(c for _, c in xs):.2f} |")
PY
rm -f "$results"
