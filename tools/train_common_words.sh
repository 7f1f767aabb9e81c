#!/usr/bin/env bash
# Regenerates every language's data/lang/<lang>/entity_common_words.txt (lower-case words
# that are not names) from the NER training corpora in ../shared/train. Deterministic.
# Usage: tools/train_common_words.sh [LANG...] (default: it fr de en es).
set -euo pipefail
cd "$(dirname "$0")/.."
T=../shared/train
BIN=${GAZETTE_DEV:-target/release/gazette-dev}
[ -x "$BIN" ] || cargo build --release -p gazette-dev
declare -A DATA=(
  [it]="--data $T/kind-wikinews/it.train.tsv --data $T/kind-fiction/it.train.tsv --data $T/kind-degasperi/it.train.tsv --data $T/kind-moro/it.train.tsv --data $T/wikineural/it.dev.tsv --data $T/wikineural/it.test.tsv"
  [fr]="--data $T/wikineural/fr.dev.tsv --data $T/wikineural/fr.test.tsv --data $T/europeana/fr.train.tsv"
  [de]="--data $T/germeval2014/de.dev.tsv --data $T/germeval2014/de.test.tsv --data $T/europeana/de.train.tsv --data $T/wikineural/de.dev.tsv --data $T/wikineural/de.test.tsv"
  [en]="--data $T/uner/en.dev.tsv --data $T/wikineural/en.dev.tsv --data $T/wikineural/en.test.tsv"
  [es]="--data $T/wikineural/es.dev.tsv --data $T/wikineural/es.test.tsv"
)
langs=("$@")
[ ${#langs[@]} -gt 0 ] || langs=(it fr de en es)
for l in "${langs[@]}"; do
  # shellcheck disable=SC2086
  "$BIN" train common-words --lang "$l" ${DATA[$l]} --out "data/lang/$l/entity_common_words.txt"
done
