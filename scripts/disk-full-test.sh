#!/usr/bin/env bash
# Disk-full test: outputs on a small tmpfs (needs root to mount; uses sudo otherwise). A first run that fits
# writes the outputs; a second run over a larger input fills the disk. Checks: the second run exits non-zero
# with a message naming the path, no partial final file and no temporary file is left, and the first run's
# outputs are intact. Also checks that an output folder that cannot be written fails before any input is read.
# Usage: scripts/disk-full-test.sh   (debug build by default; BUILD=release for a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
config="${BUILD:-debug}"
swift build -c "$config" --product pipeline-run >/dev/null
tool="$(swift build -c "$config" --show-bin-path)/pipeline-run"
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
work="$(mktemp -d)"
disk="$work/disk"
mkdir -p "$disk"
$sudo mount -t tmpfs -o size=2m tmpfs "$disk"
trap '$sudo umount "$disk" 2>/dev/null || true; rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
text = "The minister said the talks would resume next week in Seoul. " * 20
with open(f"{work}/small.jsonl", "w") as f:
    for i in range(100):
        f.write(json.dumps({"id": f"s{i}", "text": text}) + "\n")
with open(f"{work}/large.jsonl", "w") as f:
    for i in range(5000):
        f.write(json.dumps({"id": f"l{i}", "text": text}) + "\n")
PY
pipeline() { # input
    cat > "$work/p.yaml" <<YAML
input: {path: $1}
stages:
  - {type: export, path: $disk/out.jsonl}
  - {type: export, format: csv, path: $disk/out.csv}
output: {dead_letter: $work/dead.jsonl, state: $work/state.json}
YAML
}

pipeline "$work/small.jsonl"
"$tool" run "$work/p.yaml" --log-format json 2>/dev/null
before_jsonl="$(sha256sum "$disk/out.jsonl" | cut -d' ' -f1)"
before_csv="$(sha256sum "$disk/out.csv" | cut -d' ' -f1)"
echo "first run: out.jsonl $(stat -c %s "$disk/out.jsonl") bytes, out.csv $(stat -c %s "$disk/out.csv") bytes"

pipeline "$work/large.jsonl"
set +e
"$tool" run "$work/p.yaml" --log-format text 2>"$work/err.txt"
status=$?
set -e
echo "second run (~6.5 MB of output on a 2 MB disk): exit $status"
grep -o "run failed: .*" "$work/err.txt" | head -1
[ "$status" -eq 75 ] || { echo "FAIL: the run should fail with exit code 75 (transient I/O), not $status"; exit 1; }
grep -q "No space left on device" "$work/err.txt" || { echo "FAIL: no clear message"; exit 1; }
grep -q "$disk/out" "$work/err.txt" || { echo "FAIL: the message does not name the path"; exit 1; }
[ "$(sha256sum "$disk/out.jsonl" | cut -d' ' -f1)" = "$before_jsonl" ] || { echo "FAIL: out.jsonl changed"; exit 1; }
[ "$(sha256sum "$disk/out.csv" | cut -d' ' -f1)" = "$before_csv" ] || { echo "FAIL: out.csv changed"; exit 1; }
leftovers="$(ls "$disk" | grep -c '\.tmp-' || true)"
[ "$leftovers" -eq 0 ] || { echo "FAIL: $leftovers temporary files left"; ls -la "$disk"; exit 1; }
echo "previous outputs intact, no temporary file left"

chmod 000 "$disk" 2>/dev/null || true
mkdir -p "$work/ro" && touch "$work/ro/file"
cat > "$work/q.yaml" <<YAML
input: {path: $work/large.jsonl}
stages: [{type: export, path: $work/ro/file/out.jsonl}]
output: {dead_letter: $work/dead.jsonl, state: $work/state2.json}
YAML
set +e
"$tool" run "$work/q.yaml" --log-format text --stats-json "$work/q.stats" 2>"$work/err2.txt"
status=$?
set -e
grep -o "run failed: .*" "$work/err2.txt" | head -1
[ "$status" -ne 0 ] && [ ! -f "$work/q.stats" ] || { echo "FAIL: an unwritable output should fail at startup"; exit 1; }
echo "unwritable output folder: exit $status before reading any input"
echo "PASS"
