#!/usr/bin/env bash
# Runs a pipeline as N shards with P processes at a time on this machine, retrying incomplete shards, then sums the
# statistics: the same contract a Spark, Ray or Slurm driver uses (each shard is `pipeline-run run FILE --shard i/N`;
# completed shards have a marker and are skipped on a rerun).
# Usage: scripts/shard-waves.sh PIPELINE.yaml SHARDS [PARALLEL] [RETRIES]
set -euo pipefail
pipeline="$1"; shards="$2"; parallel="${3:-2}"; retries="${4:-2}"
tool="${PIPELINE_RUN:-pipeline-run}"
command -v "$tool" >/dev/null || tool="$(swift build -c release --show-bin-path)/pipeline-run"
for attempt in $(seq 0 "$retries"); do
    incomplete=$("$tool" plan "$pipeline" --shards "$shards" | sed -n 's/^incomplete shards: //p')
    [ -z "$incomplete" ] && break
    echo "attempt $attempt: running shards $incomplete ($parallel at a time)" >&2
    printf '%s\n' $incomplete | xargs -P "$parallel" -I{} "$tool" run "$pipeline" --shard "{}/$shards" --log-format json \
        2>>"${TMPDIR:-/tmp}/shard-waves.log" || true
done
"$tool" plan "$pipeline" --shards "$shards" | tail -1
"$tool" plan "$pipeline" --shards "$shards" --gc >/dev/null
