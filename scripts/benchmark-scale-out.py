#!/usr/bin/env python3
"""Scale-out figures of pipeline-run (release build) on this machine.

Generates a corpus (default 200 MB of text, split into 16 JSON Lines files) the way scripts/benchmark.py does, then
runs the news pipeline (clean -> dedupe -> entities -> summarize -> export) over it:
  * one process, `run --concurrency 2` (both cores);
  * shard mode, N = 2: two processes `run --shard i/2 --concurrency 1` at the same time (one core each);
  * `run` and `stream` with the same stages and concurrency, output to /dev/null, to show what stream mode costs.
Prints wall time and MB/s of each, and checks that the shards wrote the same documents as one process.

Usage: scripts/benchmark-scale-out.py [--source FILE.jsonl] [--megabytes 200] [--files 16]
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib.util

_spec = importlib.util.spec_from_file_location(
    "benchmark", os.path.join(os.path.dirname(os.path.abspath(__file__)), "benchmark.py"))
benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(benchmark)



def timed(command, **kwargs):
    """Runs a command; returns its wall time in seconds."""
    started = time.monotonic()
    subprocess.run(command, check=True, **kwargs)
    return time.monotonic() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", default=os.path.join(benchmark.ROOT, "..", "shared", "eval", "summaries",
                                                         "dev.jsonl"))
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--files", type=int, default=16)
    args = parser.parse_args()
    binary = benchmark.build()
    documents = benchmark.load_source(args.source, "text")
    work = tempfile.mkdtemp(prefix="pipeline-scale-")
    try:
        whole = os.path.join(work, "whole.jsonl")
        count, size = benchmark.generate(documents, args.megabytes, whole)
        megabytes = size / 1e6
        corpus = os.path.join(work, "corpus")
        benchmark.split_into_files(whole, corpus, args.files)
        print(f"corpus: {count:,} documents, {megabytes:.1f} MB of text in {args.files} files")

        def pipeline(name, export):
            return benchmark.write_pipeline(work, name, corpus, export)

        quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rows = []
        one = pipeline("one", f"{work}/one/docs.jsonl")
        wall = timed([binary, "run", one, "--concurrency", "2"], **quiet)
        rows.append(("one process, --concurrency 2", wall))

        sharded = pipeline("sharded", f"{work}/sharded/docs.jsonl")
        started = time.monotonic()
        processes = [subprocess.Popen([binary, "run", sharded, "--shard", f"{i}/2", "--concurrency", "1"], **quiet)
                     for i in range(2)]
        codes = [process.wait() for process in processes]
        wall = time.monotonic() - started
        if codes != [0, 0]:
            sys.exit(f"shard exit codes {codes}")
        rows.append(("shard mode, N = 2 (two processes)", wall))
        ids_one = sorted(json.loads(line)["id"] for line in open(f"{work}/one/docs.jsonl"))
        ids_sharded = sorted(json.loads(line)["id"] for i in range(2)
                             for line in open(f"{work}/sharded/docs/part-{i:05d}-of-00002.jsonl"))
        print(f"shards wrote the same ids as one process: {ids_one == ids_sharded} ({len(ids_sharded):,})")

        to_stdout = pipeline("tostdout", "'-'")
        with open(os.devnull, "w") as sink:
            wall = timed([binary, "run", to_stdout, "--concurrency", "2"], stdout=sink, stderr=subprocess.DEVNULL)
            rows.append(("run, export to stdout, --concurrency 2", wall))
            no_export = pipeline("stream", None)
            with open(whole) as source:
                wall = timed([binary, "stream", no_export, "--concurrency", "2"], stdin=source, stdout=sink,
                             stderr=subprocess.DEVNULL)
            rows.append(("stream (stdin -> stdout), --concurrency 2", wall))

        print(f"{'how':44s} {'wall s':>8s} {'MB/s':>8s} {'docs/s':>9s}")
        for name, wall in rows:
            print(f"{name:44s} {wall:8.1f} {megabytes / wall:8.2f} {count / wall:9,.0f}")
        print(f"shard mode N = 2 vs one process: {rows[0][1] / rows[1][1]:.2f} x")
        print(f"stream vs run (same stages, stdout): {rows[3][1] / rows[2][1] - 1:+.1%} wall time")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
