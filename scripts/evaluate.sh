#!/usr/bin/env bash
# Quality evaluation: runs each stage through pipeline-run (release build) on its development set in
# ../shared/eval (or $EVAL) and scores the output with the set's scorer.
# Usage: [PIPELINE_RUN=BINARY] scripts/evaluate.sh [clean|clean-wild|dedupe|clean-dedupe|summarize|summarize-news|entities|extract ...]
#        (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="$(cd "${EVAL:-../shared/eval}" && pwd)"
tasks=("$@")
[ "${#tasks[@]}" -eq 0 ] && tasks=(clean clean-wild dedupe clean-dedupe summarize summarize-news entities extract)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# PIPELINE_RUN=path/to/pipeline-run scores another build (e.g. the one before a change) instead of this tree's.
if [ -n "${PIPELINE_RUN:-}" ]; then
    tool="$PIPELINE_RUN"
else
    swift build -c release --product pipeline-run >/dev/null
    tool="$(swift build -c release --show-bin-path)/pipeline-run"
fi

run() { # name input text_field stages-yaml
    cat > "$work/$1.yaml" <<YAML
name: $1
input: {path: "$2", text_field: $3}
stages:
$4
  - {type: export, path: "$work/$1.jsonl"}
output: {dead_letter: "$work/$1.dead.jsonl"}
YAML
    "$tool" run "$work/$1.yaml" --log-format json 2>"$work/$1.log" || { cat "$work/$1.log" >&2; exit 1; }
}

for task in "${tasks[@]}"; do
    echo "== $task"
    case "$task" in
    clean)
        run clean "$eval_dir/boilerplate/dev.jsonl" dirty "  - {type: clean, minimum_length: 0}"
        python3 "$eval_dir/score.py" boilerplate "$eval_dir/boilerplate/dev.jsonl" "$work/clean.jsonl" ;;
    clean-wild)
        # In-sample for the line model, which is trained on this set: the cross-validated figures come from
        # scripts/train-clean-model.sh.
        run clean-wild "$eval_dir/wild/dev.jsonl" dirty "  - {type: clean, minimum_length: 0}"
        python3 "$eval_dir/score.py" cleaning "$eval_dir/wild/dev.jsonl" "$work/clean-wild.jsonl" ;;
    dedupe)
        run dedupe "$eval_dir/neardup/dev.jsonl" text "  - {type: dedupe, action: mark}"
        python3 "$eval_dir/score.py" neardup "$eval_dir/neardup/dev.gold.json" "$work/dedupe.jsonl" ;;
    clean-dedupe)
        run clean-dedupe "$eval_dir/neardup/dev.jsonl" text "  - {type: clean, minimum_length: 0}
  - {type: dedupe, action: mark}"
        python3 "$eval_dir/score.py" neardup "$eval_dir/neardup/dev.gold.json" "$work/clean-dedupe.jsonl" ;;
    summarize)
        python3 -c "import rouge_score" 2>/dev/null || pip install -q rouge-score
        run summarize "$eval_dir/summaries/dev.jsonl" text "  - {type: summarize, ratio: 0.4}"
        python3 "$eval_dir/score.py" summaries "$eval_dir/summaries/dev.jsonl" "$work/summarize.jsonl" ;;
    summarize-news)
        # CNN stories with their human highlights, 3-sentence summaries: the news method, then Lead-3 for reference.
        python3 -c "import rouge_score" 2>/dev/null || pip install -q rouge-score
        for method in highlights lead; do
            run "news-$method" "$eval_dir/summaries/news_dev.jsonl" text "  - {type: summarize, method: $method, sentences: 3}"
            echo "method: $method"
            python3 "$eval_dir/score.py" summaries "$eval_dir/summaries/news_dev.jsonl" "$work/news-$method.jsonl"
        done ;;
    entities)
        run entities "$eval_dir/entities/dev.jsonl" text "  - {type: entities}"
        python3 "$eval_dir/score.py" entities "$eval_dir/entities/dev.jsonl" "$work/entities.jsonl" ;;
    extract)
        gzip -dc "$eval_dir/html/dev.jsonl.gz" > "$work/pages.jsonl"
        run extract "$work/pages.jsonl" html "  - {type: extract}"
        python3 "$eval_dir/score.py" html "$eval_dir/html/dev.jsonl.gz" "$work/extract.jsonl" ;;
    *) echo "unknown task $task" >&2; exit 64 ;;
    esac
done
