#!/usr/bin/env python3
"""End-to-end benchmark of pipeline-run (release build).

Generates corpora of two sizes (default 100 and 200 MB) by replicating a source JSONL (default
../shared/eval/summaries/dev.jsonl, else the seeds) with variations (new ids, one word changed per paragraph), then:
  * each stage alone after the reader, on one core (--concurrency 1): documents/s, MB/s and the stage's busy time;
  * the whole pipeline (clean → dedupe → entities → summarize → export) at concurrency 1 and 2: wall MB/s and
    documents/s, compared with the bound 1 / (sum over stages of seconds per MB) from the single-stage figures;
  * peak RSS of each run.

Every configuration (each stage alone; the whole pipeline at concurrency 1 and 2 on both cores, the bars; and at
concurrency 1 pinned to one core with `taskset -c 0`, where the reader, the runner and export share the core with the
stages, shown for information) runs --repeats times (default 2), the rounds interleaved so that all configurations
meet the same conditions on a shared machine, and each keeps its best run: the same statistic for the bound and for
the pipeline. Every run's figure is printed too, to show the spread.

Usage: scripts/benchmark.py [--source FILE.jsonl] [--sizes 100,200] [--text-field text] [--repeats 2]
"""
import argparse, json, os, random, re, subprocess, sys, tempfile, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STAGES = [("clean", "{type: clean, minimum_length: 0}"), ("dedupe", "{type: dedupe}"),
          ("entities", "{type: entities}"), ("summarize", "{type: summarize, ratio: 0.4}")]


def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "pipeline-run"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "pipeline-run")


def load_source(path, field):
    documents = []
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    if isinstance(record.get(field), str):
                        documents.append(record[field])
    else:
        for name in sorted(n for n in os.listdir(os.path.join(ROOT, "seeds")) if n.endswith(".txt")):
            documents.append(open(os.path.join(ROOT, "seeds", name), encoding="utf-8").read())
    return documents


def generate(documents, megabytes, path, seed=1):
    rng = random.Random(seed)
    target = megabytes * 1_000_000
    size = 0
    count = 0
    with open(path, "w", encoding="utf-8") as f:
        while size < target:
            text = documents[count % len(documents)]
            if count >= len(documents):  # a variation: one word changed in every paragraph
                paragraphs = []
                for paragraph in text.split("\n\n"):
                    words = paragraph.split(" ")
                    if len(words) > 3:
                        words[rng.randrange(len(words))] = rng.choice(["today", "reportedly", "also", "now"])
                    paragraphs.append(" ".join(words))
                text = "\n\n".join(paragraphs)
            f.write(json.dumps({"id": f"doc-{count:08d}", "text": text}) + "\n")
            size += len(text.encode("utf-8"))
            count += 1
    return count, size


def split_into_files(whole, folder, files):
    """Splits a JSON Lines corpus into `files` files of consecutive lines (so near-duplicates cross files)."""
    os.makedirs(folder, exist_ok=True)
    with open(whole) as f:
        lines = f.readlines()
    per_file = (len(lines) + files - 1) // files
    for index in range(files):
        with open(os.path.join(folder, f"part-{index:03d}.jsonl"), "w") as f:
            f.writelines(lines[index * per_file:(index + 1) * per_file])


NEWS_STAGES = "stages:\n" + "".join(f"  - {spec}\n" for _, spec in STAGES)


def write_pipeline(work, name, corpus_folder, export):
    """Writes the news stages over a folder as `work/name.yaml`, with an export stage when `export` is a path."""
    path = os.path.join(work, f"{name}.yaml")
    with open(path, "w") as f:
        f.write(f"name: {name}\ninput: {{path: {corpus_folder}/}}\n{NEWS_STAGES}")
        if export:
            f.write(f"  - {{type: export, path: {export}}}\n")
        f.write(f"output: {{dead_letter: {work}/{name}/dead.jsonl}}\n")
    return path


def run(binary, work, corpus, stages, concurrency, name, pin=False):
    pipeline = os.path.join(work, f"{name}.yaml")
    stats = os.path.join(work, f"{name}.stats.json")
    with open(pipeline, "w") as f:
        f.write(f"name: {name}\ninput: {{path: {corpus}}}\nstages:\n")
        for stage in stages:
            f.write(f"  - {stage}\n")
        f.write(f"  - {{type: export, path: '-'}}\noutput: {{dead_letter: {work}/{name}.dead.jsonl}}\n")
    with open(os.devnull, "w") as sink:
        prefix = ["taskset", "-c", "0"] if pin else []
        subprocess.run(prefix + [binary, "run", pipeline, "--concurrency", str(concurrency), "--stats-json", stats,
                        "--log-format", "json"], stdout=sink, stderr=subprocess.DEVNULL, check=True)
    return json.load(open(stats))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", default=os.path.join(ROOT, "..", "shared", "eval", "summaries", "dev.jsonl"))
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--sizes", default="100,200")
    parser.add_argument("--repeats", type=int, default=2, help="runs of every configuration (the best is kept)")
    args = parser.parse_args()
    binary = build()
    documents = load_source(args.source, args.text_field)
    work = tempfile.mkdtemp(prefix="pipeline-bench-")
    try:
        for megabytes in [int(x) for x in args.sizes.split(",")]:
            corpus = os.path.join(work, f"corpus-{megabytes}.jsonl")
            count, size = generate(documents, megabytes, corpus)
            mb = size / 1e6
            print(f"\n== corpus: {count:,} documents, {mb:.1f} MB of text ({os.path.getsize(corpus) / 1e6:.1f} MB JSONL)")
            print(f"{'stage (alone, 1 core)':24s} {'docs/s':>10s} {'MB/s':>8s} {'s/MB':>8s} {'share':>7s} {'peak RSS':>10s}")
            # Every configuration runs `repeats` times, the rounds interleaved so that all of them meet the same
            # conditions on a shared machine; each keeps its best (fastest) run, numerator and denominator alike.
            wholes = [(1, False), (2, False), (1, True)]
            alone = {stage: [] for stage, _ in STAGES}
            whole = {config: [] for config in wholes}
            for _ in range(args.repeats):
                for stage, spec in STAGES:
                    alone[stage].append(run(binary, work, corpus, [spec], 1, f"alone-{stage}"))
                for concurrency, pin in wholes:
                    name = f"full-c{concurrency}" + ("-pinned" if pin else "")
                    whole[(concurrency, pin)].append(
                        run(binary, work, corpus, [spec for _, spec in STAGES], concurrency, name, pin))
            seconds_per_mb = {}
            rows = []
            for stage, _ in STAGES:
                busy_runs = [stats["stages"][0]["busy_seconds"] for stats in alone[stage]]
                stats = min(alone[stage], key=lambda s: s["stages"][0]["busy_seconds"])
                busy = min(busy_runs)
                seconds_per_mb[stage] = busy / mb
                rows.append((stage, count / busy, mb / busy, busy / mb, stats["peak_rss_bytes"], busy_runs))
            total = sum(seconds_per_mb.values())
            for stage, docs, rate, spm, rss, busy_runs in rows:
                spread = ", ".join(f"{mb / b:.2f}" for b in busy_runs)
                print(f"{stage:24s} {docs:10,.0f} {rate:8.2f} {spm:8.4f} {spm / total:7.1%} {rss / 2**20:8.1f} MiB"
                      f"   (runs: {spread} MB/s)")
            bound = 1 / total
            print(f"bound from single-stage figures: {bound:.2f} MB/s")
            for concurrency, pin in wholes:
                runs = whole[(concurrency, pin)]
                stats = min(runs, key=lambda s: s["wall_seconds"])
                wall = stats["wall_seconds"]
                rate = mb / wall
                target = "bar 0.95 x" if concurrency == 1 and not pin else "bar 1.8 x" if not pin else "information"
                where = "one core (taskset -c 0), reader and export included" if pin else "both cores"
                spread = ", ".join(f"{mb / s['wall_seconds'] / bound:.2f}" for s in runs)
                print(f"whole pipeline, concurrency {concurrency}, {where}: {count / wall:,.0f} documents/s, "
                      f"{rate:.2f} MB/s = {rate / bound:.2f} x bound ({target}; runs: {spread} x), "
                      f"cpu {stats['cpu_seconds']:.1f} s, peak RSS {stats['peak_rss_bytes'] / 2**20:.1f} MiB, "
                      f"balanced={stats['balanced']}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
