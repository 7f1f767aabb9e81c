#!/usr/bin/env bash
# Retrains every shipped entity model (data/models/<name>/model.ner) from ../shared/train,
# with the exact commands their MODEL.md records, and prints each held-out check-split
# report. Deterministic: the same data, lists (data/lang) and knowledge base (data/kb)
# give byte-identical files. Usage: tools/train_ner_models.sh [NAME...] (default: all).
set -euo pipefail
cd "$(dirname "$0")/.."
T=../shared/train
BIN=${GAZETTE_DEV:-target/release/gazette-dev}
[ -x "$BIN" ] || cargo build --release -p gazette-dev
declare -A DATA=(
  [it]="--lang it --data $T/kind-wikinews/it.train.tsv --data $T/wikineural/it.dev.tsv=0.1"
  [fr]="--lang fr --data $T/wikineural/fr.dev.tsv --data $T/wikineural/fr.test.tsv --data $T/europeana/fr.train.tsv"
  [de]="--lang de --data $T/germeval2014/de.dev.tsv --data $T/germeval2014/de.test.tsv --data $T/europeana/de.train.tsv --data $T/wikineural/de.dev.tsv=0.3 --data $T/wikineural/de.test.tsv=0.3"
  [en]="--lang en --data $T/uner/en.dev.tsv --data $T/wikineural/en.dev.tsv=0.5 --data $T/wikineural/en.test.tsv=0.5"
  [es]="--lang es --data $T/wikineural/es.dev.tsv --data $T/wikineural/es.test.tsv"
  [de-open]="--lang de --data $T/germeval2014/de.dev.tsv --data $T/germeval2014/de.test.tsv --data $T/europeana/de.train.tsv"
  [en-open]="--lang en --data $T/uner/en.dev.tsv"
  [fr-open]="--lang fr --data $T/europeana/fr.train.tsv"
)
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(it fr de en es de-open en-open fr-open)
for n in "${names[@]}"; do
  mkdir -p "data/models/$n"
  # shellcheck disable=SC2086
  "$BIN" train ner ${DATA[$n]} --out "data/models/$n/model.ner"
done
