#!/usr/bin/env bash
# Runner benchmark: 100,000 small JSON Lines documents through the runner, in a release build.
# Prints documents/s, MB/s and the runner's per-document overhead (wall and CPU time per document) for a pipeline
# that only exports (so nearly all the time is reading, batching, channels and writing), at concurrency 1 and 2.
# Usage: scripts/benchmark-runner.sh [DOCUMENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product pipeline-run >/dev/null
binary="$(swift build -c release --show-bin-path)/pipeline-run"

python3 - "$count" "$work/in.jsonl" <<'PY'
import json, random, sys
count, path = int(sys.argv[1]), sys.argv[2]
random.seed(42)
words = "the a of to in and minister said on for talks with government north south korea united states".split()
with open(path, "w") as f:
    for i in range(count):
        text = " ".join(random.choice(words) for _ in range(random.randint(20, 60))).capitalize() + "."
        f.write(json.dumps({"id": f"doc-{i:06d}", "text": text, "source": "bench"}) + "\n")
PY

cat > "$work/bench.yaml" <<YAML
name: bench
input:
  path: $work/in.jsonl
stages:
  - type: export
    format: jsonl
    path: $work/out.jsonl
output:
  dead_letter: $work/dead.jsonl
YAML

echo "input: $count documents, $(du -m "$work/in.jsonl" | cut -f1) MB"
for concurrency in 1 2; do
    "$binary" run "$work/bench.yaml" --concurrency "$concurrency" --stats-json "$work/stats.json" \
        --log-format json 2>/dev/null
    python3 - "$work/stats.json" "$concurrency" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
n = s["input"]["records"]
print(f"concurrency {sys.argv[2]}: {s['wall_seconds']:.3f} s wall, {s['cpu_seconds']:.3f} s cpu, "
      f"{s['documents_per_second']:,.0f} documents/s, {s['mb_per_second']:.1f} MB/s, "
      f"{s['wall_seconds'] / n * 1e6:.2f} us/document wall, {s['cpu_seconds'] / n * 1e6:.2f} us/document cpu, "
      f"peak RSS {s['peak_rss_bytes'] / 2**20:.1f} MiB, balanced={s['balanced']}")
PY
done
cmp -s "$work/in.jsonl" "$work/out.jsonl" && echo "output identical to input" || echo "output differs from input (key order)"
