#!/usr/bin/env bash
# The HTML ratio in one run: gazette (the whole pipeline, one thread) and trafilatura (one
# process, main-content extraction with metadata, its date from htmldate) on the same
# pages of the HTML eval sets; docs/s of both and their ratio. trafilatura runs from a
# pinned venv (dev/benches/peers/requirements.txt) that the script creates when absent:
# the network is needed then, at bench time only; gazette never uses it.
#
# Both sides are timed in CPU seconds (user + system) of their one process: on a shared
# machine wall time counts the waits for a core too. Wall seconds are printed beside.
#
# Usage: dev/benches/ratio.sh [SET ...]   (default: trafilatura-eval htmldate-eval)
#        GAZETTE=/path/to/gazette dev/benches/ratio.sh    (another binary, no build)
#        VENV=/tmp/dir RUNS=3 dev/benches/ratio.sh        (venv location; best of RUNS)
set -euo pipefail
cd "$(dirname "$0")/../.."
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(trafilatura-eval htmldate-eval)
venv=${VENV:-/tmp/gazette-bench-venv}
runs=${RUNS:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "${GAZETTE:-}" ]; then
  cargo build --release --quiet --bin gazette
  GAZETTE=${CARGO_TARGET_DIR:-$PWD/target}/release/gazette
fi
if ! "$venv/bin/python" -c 'import trafilatura' 2>/dev/null; then
  echo "creating $venv (trafilatura, pinned)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r dev/benches/peers/requirements.txt
fi
peer=$("$venv/bin/python" -c 'import trafilatura; print(trafilatura.__version__)')
calc() { python3 -c "print($1)"; }
best() { python3 -c "import sys; print(min(float(x) for x in sys.argv[1:]))" "$@"; }

printf '| set | pages | MB | gazette cpu s (wall) | gazette docs/s | trafilatura %s cpu s (wall) | trafilatura docs/s | ratio |\n' "$peer"
printf '|---|---|---|---|---|---|---|---|\n'
for set in "${sets[@]}"; do
  docs=../shared/eval/$set/docs
  [ -d "$docs" ] || { echo "skipped $set: $docs absent" >&2; continue; }
  pages=$(find "$docs" -maxdepth 1 -type f | wc -l)
  mb=$(calc "round($(cat "$docs"/* | wc -c) / 1e6, 1)")
  g=() gw=() t=() tw=()
  for _ in $(seq "$runs"); do
    rm -rf "$work/out"
    /usr/bin/time -f '%U %S %e' -o "$work/time.txt" "$GAZETTE" run --config /dev/null \
      --input "$docs" --output "$work/out" --batch ratio --reference-date 2026-11-21 \
      --threads 1 2> "$work/gazette.log"
    read -r user sys wall < "$work/time.txt"
    g+=("$(calc "$user + $sys")") gw+=("$wall")
    read -r _ cpu wall _ < <("$venv/bin/python" dev/benches/peers/trafilatura_run.py "$docs")
    t+=("$cpu") tw+=("$wall")
  done
  gs=$(best "${g[@]}") ts=$(best "${t[@]}")
  printf '| %s | %s | %s | %.2f (%.2f) | %.0f | %.2f (%.2f) | %.1f | %.1f× |\n' "$set" "$pages" \
    "$mb" "$gs" "$(best "${gw[@]}")" "$(calc "$pages / $gs")" "$ts" "$(best "${tw[@]}")" \
    "$(calc "$pages / $ts")" "$(calc "$ts / $gs")"
done
