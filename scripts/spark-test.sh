#!/usr/bin/env bash
# Spark integration test (CI): the release binary under PySpark local[2], as a stream filter (RDD.pipe) and as shard
# waves, compared with a single-process run; a failing child must fail the Spark job. See scripts/spark-test.py.
#
# Installs PySpark into .cache/spark-venv (reused; PYSPARK_VERSION to change it) and, when `java` is missing,
# openjdk-17-jre-headless with apt-get. Uses the release tarball from scripts/release.sh, building it when it is
# missing or older than the sources; extracts it under .cache/spark-test/.
# Usage: scripts/spark-test.sh          (KEEP=1 keeps the work folder)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
started=$SECONDS
pyspark_version="${PYSPARK_VERSION:-3.5.7}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

mkdir -p .cache
[ -f .cache/.gitignore ] || printf '*\n' >.cache/.gitignore

if ! command -v java >/dev/null 2>&1; then
    echo "spark-test: installing openjdk-17-jre-headless" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

venv=.cache/spark-venv
if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$pyspark_version')" 2>/dev/null; then
    echo "spark-test: installing pyspark $pyspark_version into $venv" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "pyspark==$pyspark_version"
fi
echo "spark-test: java and pyspark ready, $((SECONDS - started)) s" >&2

arch="$(uname -m)"
tarball="$(ls -t dist/pipeline-run-*-linux-"$arch".tar.gz 2>/dev/null | head -1 || true)"
if [ -z "$tarball" ] || [ -n "$(find Sources Package.swift -newer "$tarball" -print -quit)" ]; then
    echo "spark-test: building the release tarball (scripts/release.sh)" >&2
    tarball="$(scripts/release.sh)"
fi
rm -rf .cache/spark-test
mkdir -p .cache/spark-test
tar -C .cache/spark-test -xzf "$tarball"
binary="$(echo "$root"/.cache/spark-test/pipeline-run-*/bin/pipeline-run)"
echo "spark-test: using $binary from $tarball, $((SECONDS - started)) s" >&2

work="$(mktemp -d)"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
status=0
"$venv/bin/python" scripts/spark-test.py "$binary" "$work" </dev/null || status=$?
[ "${KEEP:-0}" = 1 ] && echo "spark-test: work folder kept: $work" >&2
echo "spark-test: total $((SECONDS - started)) s" >&2
exit "$status"
