"""Throughput of pipeline-run under Spark local[2], both ways, against one process (run in the venv of
scripts/spark-test.sh: `.cache/spark-venv/bin/python scripts/benchmark-spark.py BINARY [--megabytes 200]`).

Generates the corpus of scripts/benchmark.py (the summaries dev set replicated with variations) as 16 JSON Lines
files and runs the news stages (clean -> dedupe -> entities -> summarize) over it:
  * one process: `pipeline-run run --concurrency 2`;
  * Spark stream: `sc.textFile(corpus).pipe("pipeline-run stream p.yaml --concurrency 1", checkCode=True)`, written with
    saveAsTextFile (one child per partition, two at a time);
  * Spark shard waves: `sc.parallelize(range(2), 2)`, each task `pipeline-run run p.yaml --shard i/2 --concurrency 1`.
Prints wall time and MB/s of each; checks that every way wrote every document.
"""

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("benchmark", os.path.join(HERE, "benchmark.py"))
benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(benchmark)



def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--files", type=int, default=16)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    source = os.path.join(benchmark.ROOT, "..", "shared", "eval", "summaries", "dev.jsonl")
    work = tempfile.mkdtemp(prefix="pipeline-spark-bench-")
    try:
        whole = os.path.join(work, "whole.jsonl")
        count, size = benchmark.generate(benchmark.load_source(source, "text"), args.megabytes, whole)
        megabytes = size / 1e6
        corpus = os.path.join(work, "corpus")
        benchmark.split_into_files(whole, corpus, args.files)
        os.remove(whole)
        print(f"corpus: {count:,} documents, {megabytes:.1f} MB of text in {args.files} files", flush=True)

        def pipeline(name, export):
            return benchmark.write_pipeline(work, name, corpus, export)

        rows = []
        one = pipeline("one", f"{work}/one/docs.jsonl")
        started = time.monotonic()
        subprocess.run([binary, "run", one, "--concurrency", "2"], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        rows.append(("one process, run --concurrency 2", time.monotonic() - started, count))

        os.environ["PYSPARK_PYTHON"] = sys.executable
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        from pyspark.sql import SparkSession

        spark = (SparkSession.builder.master("local[2]").appName("pipeline-run-benchmark")
                 .config("spark.ui.enabled", "false").config("spark.driver.memory", "2g").getOrCreate())
        sc = spark.sparkContext
        sc.setLogLevel("ERROR")

        stream = pipeline("stream", None)
        output = os.path.join(work, "stream-out")
        started = time.monotonic()
        (sc.textFile(corpus).pipe(f"{binary} stream {stream} --concurrency 1", checkCode=True)
         .saveAsTextFile(output))
        elapsed = time.monotonic() - started
        written = sum(1 for name in os.listdir(output) if name.startswith("part-")
                      for _ in open(os.path.join(output, name)))
        rows.append(("Spark local[2], stream through RDD.pipe", elapsed, written))

        sharded = pipeline("sharded", f"{work}/sharded/docs.jsonl")

        def run_shard(index):
            return subprocess.run([binary, "run", sharded, "--shard", f"{index}/2", "--concurrency", "1"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode

        started = time.monotonic()
        codes = sc.parallelize(range(2), 2).map(run_shard).collect()
        elapsed = time.monotonic() - started
        if codes != [0, 0]:
            sys.exit(f"shard exit codes {codes}")
        written = sum(1 for index in range(2)
                      for _ in open(f"{work}/sharded/docs/part-{index:05d}-of-00002.jsonl"))
        rows.append(("Spark local[2], shard waves (N = 2)", elapsed, written))
        spark.stop()

        print(f"{'how':42s} {'wall s':>8s} {'MB/s':>8s} {'written':>9s}")
        for name, wall, written in rows:
            print(f"{name:42s} {wall:8.1f} {megabytes / wall:8.2f} {written:9,}")
        if any(written != count for _, _, written in rows):
            sys.exit(f"a way lost documents: expected {count:,} each")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
