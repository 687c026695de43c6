#!/usr/bin/env bash
# Stage benchmarks: each built-in stage alone, on one core, release build, on the development sets in
# ../shared/eval (or $EVAL). Prints documents/s, MB/s, words/s and peak RSS per stage.
# Usage: [STAGE_BENCHMARK=BINARY] scripts/benchmark-stages.sh [STAGE ...]    (default: clean dedupe summarize entities extract)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="${EVAL:-../shared/eval}"
stages=("$@")
[ "${#stages[@]}" -eq 0 ] && stages=(clean dedupe summarize entities extract)

# STAGE_BENCHMARK=path/to/stage-benchmark measures another build (e.g. the one before a change) instead of this tree's.
if [ -n "${STAGE_BENCHMARK:-}" ]; then
    bench="$STAGE_BENCHMARK"
else
    swift build -c release --product stage-benchmark >/dev/null
    bench="$(swift build -c release --show-bin-path)/stage-benchmark"
fi
one_core=()
command -v taskset >/dev/null && one_core=(taskset -c 0)

for stage in "${stages[@]}"; do
    case "$stage" in
    clean)
        "${one_core[@]}" "$bench" --stage clean --input "$eval_dir/boilerplate/dev.jsonl" --text-field dirty \
            --min-bytes 100000000 --passes 2 ;;
    dedupe)
        "${one_core[@]}" "$bench" --stage dedupe --input "$eval_dir/neardup/dev.jsonl" --passes 3
        "${one_core[@]}" "$bench" --stage dedupe --input "$eval_dir/neardup/dev.jsonl" --replicate 10 --passes 2 \
            --index-memory-documents 1000000 ;;
    summarize)
        "${one_core[@]}" "$bench" --stage summarize --input "$eval_dir/summaries/dev.jsonl" --options '{ratio: 0.4}' --passes 5
        "${one_core[@]}" "$bench" --stage summarize --input "$eval_dir/summaries/news_dev.jsonl" \
            --options '{method: highlights, sentences: 3}' --passes 5 ;;
    entities)
        "${one_core[@]}" "$bench" --stage entities --input "$eval_dir/entities/dev.jsonl" --replicate 20 --passes 3 ;;
    extract)
        pages="$(mktemp)"
        gzip -dc "$eval_dir/html/dev.jsonl.gz" > "$pages"
        "${one_core[@]}" "$bench" --stage extract --input "$pages" --text-field html --replicate 5 --passes 3
        rm -f "$pages" ;;
    *) echo "unknown stage $stage" >&2; exit 64 ;;
    esac
done
