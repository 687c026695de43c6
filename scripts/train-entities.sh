#!/usr/bin/env bash
# Trains the entities model on CoNLL-2003 train (../shared/eval/entities/train.jsonl, or --train PATH) and writes
# Sources/Stages/Entities/Resources/entities-model.bin. Deterministic: the defaults (10 epochs, seed 7) reproduce
# the committed model byte for byte. The gazetteer it uses is the bundled one (scripts/build-gazetteers.py).
# Extra arguments go to the trainer: --train PATH --dev PATH --epochs N --seed N --prune X --output PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
# The trainer uses the recogniser's internal types, so this build enables testing (in its own build folder).
swift build -c release -Xswiftc -enable-testing --scratch-path .build-training --product train-entities >/dev/null
"$(swift build -c release -Xswiftc -enable-testing --scratch-path .build-training --show-bin-path)/train-entities" "$@"
