#!/usr/bin/env bash
# Bulk load into PostgreSQL: the annotated seeds (pipelines/news.yaml over seeds/), replicated to N documents with
# distinct ids, loaded by a release pipeline-run (JSON Lines input → export format: postgres) into a local
# PostgreSQL 15 with its default durability (fsync on; scripts/with-postgres.sh with WITH_POSTGRES_DURABLE=1).
# Prints documents/s over the whole run (process start to exit, wall clock) and over the export stage's busy time,
# then checks the row count and that the full-text query for "Pompeo" finds the seed's copies.
#
# Usage: scripts/benchmark-postgres.sh [DOCUMENTS] [BATCH_SIZE]     (default 100000, 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
batch="${2:-2000}"

swift build -c release --product pipeline-run >/dev/null
bin="$(swift build -c release --show-bin-path)/pipeline-run"
work=$(mktemp -d "${TMPDIR:-/tmp}/benchmark-postgres.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The annotated seeds: the news pipeline's own stages, JSON Lines out.
cat >"$work/annotate.yaml" <<YAML
input: {path: "$PWD/seeds/*.txt"}
stages:
  - {type: clean}
  - {type: entities}
  - {type: summarize, ratio: 0.4}
  - {type: export, path: "$work/annotated.jsonl"}
output: {dead_letter: "$work/annotate.dead.jsonl", state: "$work/annotate.state.json"}
YAML
"$bin" run "$work/annotate.yaml" --log-level error 2>/dev/null
python3 - "$work/annotated.jsonl" "$work/input.jsonl" "$count" <<'PY'
import json, sys
seeds = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
count = int(sys.argv[3])
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(count):
        document = dict(seeds[i % len(seeds)])
        document["id"] = f"{document['id']}#{i:07d}"
        out.write(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n")
PY
size=$(du -m "$work/input.jsonl" | cut -f1)

cat >"$work/load.yaml" <<YAML
input: {path: "$work/input.jsonl"}
stages:
  - {type: export, format: postgres, url: "\${DATABASE_URL}", batch_size: $batch}
output: {dead_letter: "$work/load.dead.jsonl", state: "$work/load.state.json", stats: "$work/load.stats.json"}
YAML

WITH_POSTGRES_DURABLE=1 scripts/with-postgres.sh bash -c '
    set -euo pipefail
    start=$(date +%s.%N)
    "$0" run "$1/load.yaml" --log-level error 2>"$1/load.log" || { cat "$1/load.log" >&2; exit 1; }
    end=$(date +%s.%N)
    rows=$(psql -tAXc "select count(*) from documents")
    found=$(psql -tAXc "select count(*) from documents where search @@ websearch_to_tsquery('"'"'english'"'"', '"'"'Pompeo'"'"')")
    python3 - "$1/load.stats.json" "$2" "$start" "$end" "$rows" "$found" "$3" "$4" <<'"'PY'"'
import json, sys
stats = json.load(open(sys.argv[1]))
count, start, end, rows, found, size, batch = int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), sys.argv[7], sys.argv[8]
stage = next(s for s in stats["stages"] if s["name"] == "export")
busy = stage.get("busy_seconds") or stage.get("busySeconds")
print(f"bulk load: {count} documents ({size} MB of JSON Lines), batch_size {batch}, into PostgreSQL 15 (fsync on)")
print(f"  whole run:    {end - start:6.2f} s wall = {count / (end - start):,.0f} documents/s")
if busy:
    print(f"  export stage: {busy:6.2f} s busy = {count / busy:,.0f} documents/s")
print(f"  rows in documents: {rows}; full-text query for Pompeo finds {found}")
if rows != count or found == 0:
    sys.exit("FAILED: row count or full-text query")
PY
' "$bin" "$work" "$count" "$size" "$batch"
