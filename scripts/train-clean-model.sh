#!/usr/bin/env bash
# Trains the clean stage's line model on ../shared/eval/wild/dev.jsonl (or $EVAL/wild/dev.jsonl), cross-validated by
# site, and writes Sources/Stages/Clean/BoilerplateLineModel+Weights.swift. Deterministic: reproduces the committed
# weights byte for byte. Prints the rules-only, cross-validated (the quality figure) and in-sample scores.
# The features come from the Swift cleaner itself (Tools/clean-line-features), so training and runtime agree; they
# are computed with the rules of the current source and the line model switched off from the features' point of view.
# Extra arguments go to scripts/train-clean-model.py (--l2 X --dirt-weight X --target-kept X --output PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="${EVAL:-../shared/eval}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build --product clean-line-features >/dev/null
tool="$(swift build --show-bin-path)/clean-line-features"
"$tool" "$eval_dir/wild/dev.jsonl" dirty "$work/features.jsonl"
# Article-only lines (the first 400 CNN stories of the summaries training set, disjoint from every eval set) teach
# the model what ordinary article lines look like, so it does not learn "short line = furniture" from 97 documents.
head -n 400 "$eval_dir/summaries/news_train.jsonl" > "$work/articles.jsonl"
"$tool" "$work/articles.jsonl" text "$work/articles.features.jsonl"
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 python3 scripts/train-clean-model.py --gold "$eval_dir/wild/dev.jsonl" \
    --features "$work/features.jsonl" --negatives "$work/articles.features.jsonl" "$@"
# The generated file is kept in the house format, so `make lint` and a re-run agree byte for byte.
swift format -i Sources/Stages/Clean/BoilerplateLineModel+Weights.swift
