#!/usr/bin/env python3
"""Pathological documents through every stage, one at a time (release build): prints each stage's time and the
run's peak RSS per document, so a quadratic loop or a blow-up shows at once.

Documents: 5 MB without punctuation, 5 MB without spaces, 100,000 one-character lines, 50,000 short sentences,
5 MB of capitalised words on one line, a 50 MB document (run with max_document_bytes raised to 64 MB).

Usage: scripts/benchmark-hostile.py
"""
import json, os, random, subprocess, tempfile, shutil, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STAGES = ["{type: clean, minimum_length: 0}", "{type: dedupe}", "{type: entities}", "{type: summarize, ratio: 0.4}",
          "{type: extract}"]


def documents():
    rng = random.Random(3)
    words = "minister talks market election trade government week said officials".split()
    yield "no-punctuation-5MB", " ".join(rng.choice(words) for _ in range(600_000))[:5_000_000]
    yield "no-spaces-5MB", "abcdefghij" * 500_000
    yield "one-char-lines-100k", "\n".join(chr(97 + i % 26) for i in range(100_000))
    yield "sentences-50k", " ".join(f"Sentence {i} is about the {rng.choice(words)}." for i in range(50_000))
    yield "capitalised-5MB", " ".join(rng.choice(words).capitalize() for _ in range(600_000))[:5_000_000]
    yield "tag-soup-5MB", "<div><a href='x'>" * 300_000
    yield "document-50MB", ("The minister said the talks would resume next week. " * 1_000_000)[:50_000_000]


def main():
    subprocess.run(["swift", "build", "-c", "release", "--product", "pipeline-run"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                                         check=True, capture_output=True, text=True).stdout.strip(), "pipeline-run")
    work = tempfile.mkdtemp(prefix="hostile-bench-")
    try:
        print(f"{'document':22s} {'stage':10s} {'seconds':>8s} {'peak RSS':>10s}  outcome")
        for name, text in documents():
            path = os.path.join(work, f"{name}.jsonl")
            with open(path, "w") as f:
                f.write(json.dumps({"id": name, "text": text}) + "\n")
            for stage in STAGES:
                stage_name = stage.split(",")[0].split(":")[1].strip(" }")
                pipeline = os.path.join(work, "p.yaml")
                with open(pipeline, "w") as f:
                    f.write(f"input: {{path: {path}, max_document_bytes: 67108864}}\nstages:\n  - {stage}\n"
                            f"  - {{type: export, path: '-'}}\noutput: {{dead_letter: {work}/dead.jsonl}}\n")
                started = time.time()
                with open(os.devnull, "w") as sink:
                    subprocess.run([binary, "run", pipeline, "--stats-json", f"{work}/s.json", "--log-format", "json"],
                                   stdout=sink, stderr=subprocess.DEVNULL, check=True, timeout=120)
                stats = json.load(open(f"{work}/s.json"))
                busy = stats["stages"][0]["busy_seconds"]
                outcome = "written" if stats["written"] else ("dropped" if stats["dropped"]["total"] else "dead-lettered")
                print(f"{name:22s} {stage_name:10s} {busy:8.3f} {stats['peak_rss_bytes'] / 2**20:8.1f} MiB  {outcome} "
                      f"(run {time.time() - started:.2f} s)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
