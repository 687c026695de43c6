"""Spark integration test of pipeline-run's two scale-out contracts (run by scripts/spark-test.sh, in its venv).

Builds a corpus, runs one pipeline over it three ways and compares the outputs as multisets of canonical JSON lines:
  (a) one process:           pipeline-run run news.yaml                      (the reference)
  (b) Spark stream:          sc.textFile(...).pipe("pipeline-run stream news.yaml --one-to-one", checkCode=True)
  (c) Spark shard waves:     one task per shard `pipeline-run run news.yaml --shard i/N`, failed indices retried
                             (the first attempt of shard 1 is SIGKILLed mid-way, as a lost executor would be)
  (d) a failing child (a malformed line under input.on_invalid: fail; a configuration the child's empty environment
      cannot resolve) must fail the Spark job under checkCode=True; without it the job succeeds and loses documents.
Exits non-zero on any mismatch.

Usage: python spark-test.py BINARY WORKDIR [--shards N]      (WORKDIR: an empty or new folder)
"""

import argparse
import collections
import glob
import json
import os
import random
import shlex
import signal
import subprocess
import sys
import threading
import time

FILES = 8  # corpus files; shard k mod N reads file k
DEDUPE_FIELDS = ("duplicate_of", "similarity")


# --- The corpus ----------------------------------------------------------------------------------------------------

NAMES = [
    "Angela Merkel", "Emmanuel Macron", "Joe Biden", "Kim Jong Un", "Xi Jinping", "Olaf Scholz", "Rishi Sunak",
    "the United Nations", "the European Union", "Reuters", "Microsoft", "Toyota", "the World Bank", "NATO",
    "Tokyo", "Berlin", "Nairobi", "São Paulo", "Seoul", "Washington", "Kyiv", "Zürich", "Ho Chi Minh City",
]
CJK = [
    "北京（路透社）", "中国外交部周二表示", "经济增长放缓", "东京证券交易所", "日本政府は火曜日に発表した", "円安が進んだ",
    "서울에서 열린 회의에서", "대통령은 기자들에게 말했다", "新しい政策について", "市场反应平淡", "预计明年将继续增长",
]
EMOJI = ["🚀", "📈", "👩‍🔬", "🇯🇵", "👍🏽", "🔥", "🧑‍🤝‍🧑", "❤️", "🏳️‍🌈", "😂"]


def vocabulary(seed_texts):
    words = sorted({w.strip(".,;:!?\"'()“”‘’").lower() for t in seed_texts for w in t.split()} - {""})
    return [w for w in words if w.isalpha() and len(w) > 2] or ["report", "market", "minister", "talks", "week"]


def synthetic_article(rng, words, kind):
    def sentence():
        parts = [rng.choice(words) for _ in range(rng.randint(10, 22))]
        parts.insert(rng.randrange(len(parts)), rng.choice(NAMES))
        if kind == "quotes" and rng.random() < 0.5:
            parts.insert(rng.randrange(len(parts)), "“" + " ".join(rng.choice(words) for _ in range(4)) + "”")
            parts.insert(rng.randrange(len(parts)), '"' + rng.choice(words) + "'s " + rng.choice(words) + '"')
        if kind == "emoji":
            parts.insert(rng.randrange(len(parts)), rng.choice(EMOJI))
        text = " ".join(parts)
        return text[0].upper() + text[1:] + "."

    headline = " ".join(rng.choice(words).capitalize() for _ in range(rng.randint(4, 8)))
    if kind == "cjk":
        body = ["".join(rng.choice(CJK) for _ in range(rng.randint(3, 6))) + "。" for _ in range(rng.randint(6, 10))]
        body += [sentence() for _ in range(2)]
    else:
        body = [sentence() for _ in range(rng.randint(6, 12))]
    paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    return headline + "\n\n" + "\n\n".join(paragraphs)


def natural_duplicates(binary, work, records):
    """The ids of records that clean + dedupe (as in the test pipeline) find to be duplicates of earlier ones.

    Shards and streams find near-duplicates only among their own documents, so the corpus keeps duplicates inside
    one file (one shard): the test then checks that sharding changes nothing else. Real articles can be natural
    near-duplicates of each other (BBC re-publications): those are left out, found with the binary itself.
    """
    config = os.path.join(work, "natural-duplicates.yaml")
    with open(config, "w", encoding="utf-8") as f:
        f.write('name: natural\ninput:\n  path: "-"\nstages:\n  - type: clean\n  - type: dedupe\n')
    lines = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in records)
    result = subprocess.run([binary, "stream", config, "--one-to-one"], input=lines, capture_output=True, text=True,
                            env={}, cwd="/", check=True)
    return {d["id"] for d in map(json.loads, result.stdout.splitlines()) if d.get("duplicate_of")}


def build_corpus(binary, work, root, corpus_dir, shared_eval):
    """Writes FILES JSON Lines files; returns a description. Duplicates stay inside one file (one shard)."""
    rng = random.Random(7)
    seeds = sorted(glob.glob(os.path.join(root, "seeds", "*.txt")))
    seed_texts = [open(p, encoding="utf-8").read() for p in seeds]
    words = vocabulary(seed_texts)
    records = []
    for path, text in zip(seeds, seed_texts):
        records.append({"id": "seed-" + os.path.basename(path), "text": text, "source": "seeds"})
    bbc = os.path.join(shared_eval, "summaries", "dev.jsonl")
    real = 0
    if os.path.exists(bbc):
        with open(bbc, encoding="utf-8") as f:
            for line in f:
                if real == 200:
                    break
                item = json.loads(line)
                records.append({"id": item["id"], "text": item["text"], "source": "bbc"})
                real += 1
    kinds = ["plain", "quotes", "cjk", "emoji"]
    for i in range(400 - len(records)):
        kind = kinds[i % len(kinds)]
        records.append({
            "id": f"syn-{i:04d}", "text": synthetic_article(rng, words, kind), "source": "synthetic", "kind": kind,
            "meta": {"rank": i, "score": round(rng.random(), 6), "tags": [kind, "test"], "ok": i % 2 == 0,
                     "none": None},
        })
    natural = natural_duplicates(binary, work, records)
    records = [r for r in records if r["id"] not in natural]
    # Hostile text: escapes, a line separator, NUL, markup, a lone surrogate escape, very long words, RTL marks.
    records.append({"id": "hostile-escapes", "text": synthetic_article(rng, words, "plain")
                    + "\n\nBack\\slash, tab\there, \u2028line separator, NUL\u0000here, </script><b>bold</b>, "
                    + "RTL \u200fمرحبا\u200f and a zero\u200bwidth space."})
    records.append({"id": "hostile-surrogate", "text": synthetic_article(rng, words, "plain") + " \ud800 end"})
    records.append({"id": "short-1", "text": "Too short to keep."})
    records.append({"id": "short-2", "text": "Ein kurzer Text über München 🍺."})
    # Assign to files round-robin; each duplicate goes into its original's file, later.
    files = [[] for _ in range(FILES)]
    for i, record in enumerate(records):
        files[i % FILES].append(record)
    duplicates = 0
    for k in range(FILES):
        originals = [r for r in files[k] if r.get("source") in ("bbc", "synthetic", "seeds")][:10]
        for j, original in enumerate(originals[:4]):
            text = original["text"]
            if j == 0:
                copy = text  # exact
            elif j == 1:
                copy = text.upper().replace("\n\n", "\n\n\n")  # exact after normalisation
            elif j == 2:
                copy = text + "\n\nSubscribe to our newsletter for more news like this."  # near
            else:
                paragraphs = text.split("\n\n")
                copy = "\n\n".join(paragraphs[:-1]) if len(paragraphs) > 3 else text + " (updated)"  # near
            files[k].append({"id": f"{original['id']}-copy{j}", "text": copy, "source": "duplicate"})
            duplicates += 1
    malformed = {
        1: '{"id": "bad-truncated", "text": "A line cut off in the midd',
        3: '["an", "array", "is", "not", "a", "document"]',
        5: '{"id": "bad-number", "text": 42}',
        6: '{"id": "bad-missing-text", "title": "No text member"}',
    }
    for k, lines in enumerate(files):
        path = os.path.join(corpus_dir, f"news-{k:02d}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for n, record in enumerate(lines):
                # A lone surrogate can only be written escaped (\ud800), as ensure_ascii does.
                f.write(json.dumps(record, ensure_ascii=record["id"] == "hostile-surrogate") + "\n")
                if n == 3 and k in malformed:
                    f.write(malformed[k] + "\n")
    total = sum(len(lines) for lines in files) + len(malformed)
    return (f"{total} records in {FILES} files: {len(seeds)} seeds, {real} BBC articles, "
            f"{400 - len(seeds) - real} synthetic (quotes, CJK, emoji), less {len(natural)} natural near-duplicates "
            f"({', '.join(sorted(natural))}), 4 hostile/short, {duplicates} planted duplicates (each in its "
            f"original's file), {len(malformed)} malformed lines")


def pipeline_yaml(path, corpus_glob, out_dir, input_extra="", clean_extra=""):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"""name: news
input:
  path: "{corpus_glob}"
{input_extra}stages:
  - type: clean
{clean_extra}  - type: dedupe
  - type: entities
  - type: summarize
    ratio: 0.4
  - type: export
    path: {out_dir}/news.jsonl
output:
  dead_letter: {out_dir}/news.dead-letter.jsonl
  stats: {out_dir}/news.stats.json
  state: {out_dir}/news.state.json
""")


# --- Comparison ----------------------------------------------------------------------------------------------------

def canonical(obj):
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def read_jsonl(paths):
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            out += [json.loads(line) for line in f if line.strip()]
    return out


def compare(label, expected, actual):
    e = collections.Counter(canonical(d) for d in expected)
    a = collections.Counter(canonical(d) for d in actual)
    if e == a:
        print(f"  {label}: {sum(a.values())} lines, identical multisets", flush=True)
        return True
    missing, extra = e - a, a - e
    print(f"  {label}: MISMATCH: {sum(e.values())} expected, {sum(a.values())} actual, "
          f"{sum(missing.values())} missing, {sum(extra.values())} unexpected", flush=True)
    for line in list(missing)[:3]:
        print(f"    missing:    {line[:300]}", flush=True)
    for line in list(extra)[:3]:
        print(f"    unexpected: {line[:300]}", flush=True)
    return False


def kill_once(binary, shard, out_dir, killed, timeout=120):
    """SIGKILLs the first `BINARY run ... --shard SHARD` process once it has a temporary output file under OUT_DIR
    (a lost executor mid-way); the attempt leaves that file behind, and no completion marker."""
    deadline = time.monotonic() + timeout
    pid = None
    while time.monotonic() < deadline and pid is None:
        for candidate in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{candidate}/cmdline", "rb") as f:
                    argv = f.read().split(b"\0")
            except OSError:
                continue
            if argv[:2] == [binary.encode(), b"run"] and shard.encode() in argv:
                pid = int(candidate)
                break
        time.sleep(0.001)
    while pid is not None and time.monotonic() < deadline and os.path.exists(f"/proc/{pid}"):
        temporary = glob.glob(os.path.join(out_dir, "**", f"*.tmp-*-{pid}"), recursive=True)
        if temporary:
            os.kill(pid, signal.SIGKILL)
            killed.append((pid, temporary))
            return
        time.sleep(0.001)


def without(document, fields):
    return {k: v for k, v in document.items() if k not in fields}


# --- Main ----------------------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("work")
    parser.add_argument("--shards", type=int, default=4)
    args = parser.parse_args()
    binary, work, shards = os.path.abspath(args.binary), os.path.abspath(args.work), args.shards
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ok = True
    timings = {}

    corpus = os.path.join(work, "corpus")
    os.makedirs(corpus, exist_ok=True)
    shared_eval = os.path.join(os.path.dirname(root), "shared", "eval")
    print("corpus:", build_corpus(binary, work, root, corpus, shared_eval), flush=True)
    corpus_glob = os.path.join(corpus, "*.jsonl")
    news_a, news_c = os.path.join(work, "news-a.yaml"), os.path.join(work, "news-c.yaml")
    out_a, out_c = os.path.join(work, "out", "a"), os.path.join(work, "out", "c")
    pipeline_yaml(news_a, corpus_glob, out_a)
    pipeline_yaml(news_c, corpus_glob, out_c)

    # (a) One process, empty environment, from /.
    t = time.monotonic()
    run = subprocess.run([binary, "run", news_a, "--log-format", "json"], env={}, cwd="/",
                         stderr=open(os.path.join(work, "a.log"), "w"))
    timings["a"] = time.monotonic() - t
    if run.returncode != 0:
        print(f"(a) pipeline-run run exited {run.returncode}; see {work}/a.log", flush=True)
        return 1
    written_a = read_jsonl([os.path.join(out_a, "news.jsonl")])
    dead_a = read_jsonl([os.path.join(out_a, "news.dead-letter.jsonl")])
    stats_a = json.load(open(os.path.join(out_a, "news.stats.json")))
    dropped_a = collections.Counter()
    for stage in stats_a["stages"]:
        for reason, count in stage.get("dropped", {}).items():
            dropped_a[(stage["name"], reason)] += count
    duplicates_a = sum(1 for d in written_a if d.get("duplicate_of"))
    print(f"(a) run: {stats_a['input']['records']} in = {len(written_a)} written ({duplicates_a} marked duplicates) + "
          f"{sum(dropped_a.values())} dropped + {len(dead_a)} dead-lettered, {timings['a']:.1f} s", flush=True)
    if duplicates_a == 0 or not dead_a or not dropped_a:
        print("  the corpus should yield duplicates, drops and dead letters", flush=True)
        ok = False

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession
    from py4j.protocol import Py4JJavaError

    t = time.monotonic()
    spark = (SparkSession.builder.master("local[2]").appName("pipeline-run-spark-test")
             .config("spark.ui.enabled", "false").config("spark.driver.memory", "1g").getOrCreate())
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    timings["spark start"] = time.monotonic() - t
    print(f"Spark {spark.version} local[2] started in {timings['spark start']:.1f} s", flush=True)

    # (b) Stream: each partition of lines through one `pipeline-run stream` child.
    t = time.monotonic()
    # -- recipe (b), as in docs/scale-out.md --
    lines = sc.textFile(corpus_glob)
    out = lines.pipe(f"{shlex.quote(binary)} stream {shlex.quote(news_a)} --one-to-one", checkCode=True)
    out.saveAsTextFile(os.path.join(work, "out", "b"))
    # --
    timings["b"] = time.monotonic() - t
    partitions = lines.getNumPartitions()
    results_b = read_jsonl(sorted(glob.glob(os.path.join(work, "out", "b", "part-*"))))
    documents_b = [d for d in results_b if "status" not in d]
    status_b = collections.Counter((d["status"], d.get("stage"), d.get("reason")) for d in results_b if "status" in d)
    print(f"(b) Spark stream, {partitions} partitions: {len(results_b)} lines, {timings['b']:.1f} s", flush=True)
    # Dedupe runs per stream (per partition): compare without its fields; with action: mark every document still
    # comes out, and no other stage depends on dedupe's decision, so everything else must be identical.
    ok &= compare("(b) documents without duplicate_of/similarity vs (a)",
                  [without(d, DEDUPE_FIELDS) for d in written_a], [without(d, DEDUPE_FIELDS) for d in documents_b])
    failed_b = sum(n for (status, _, _), n in status_b.items() if status == "failed")
    dropped_b = collections.Counter({(stage, reason): n for (status, stage, reason), n in status_b.items()
                                     if status == "dropped"})
    if failed_b != len(dead_a) or dropped_b != dropped_a:
        print(f"  (b) status lines MISMATCH: failed {failed_b} vs {len(dead_a)} dead-lettered in (a); "
              f"dropped {dict(dropped_b)} vs {dict(dropped_a)}", flush=True)
        ok = False
    else:
        print(f"  (b) status lines: {failed_b} failed (= dead letters of (a)), dropped {dict(dropped_b)} (= (a))",
              flush=True)

    # (c) Shard waves: one Spark task per shard index, failed indices retried. A thread plays a lost executor: it
    # SIGKILLs the first attempt of shard 1 once that has opened its temporary outputs.
    killed = []
    threading.Thread(target=kill_once, args=(binary, f"1/{shards}", out_c, killed), daemon=True).start()
    t = time.monotonic()
    # -- recipe (c), as in docs/scale-out.md --
    BIN, PIPELINE, N, LOGS = binary, news_c, shards, os.path.join(work, "logs")

    def run_shard(index, attempt):
        import subprocess
        with open(f"{LOGS}/shard-{index}-attempt-{attempt}.log", "w") as log:
            code = subprocess.run([BIN, "run", PIPELINE, "--shard", f"{index}/{N}", "--log-format", "json"],
                                  env={}, cwd="/", stdout=log, stderr=log).returncode
        return index, code

    # Exit codes for which a retry cannot help (README: configuration, bad input, usage, internal error); everything
    # else is retried: a killed process (negative code), 75 (transient I/O), 130/143 (interrupted).
    PERMANENT = {1, 2, 64, 70}
    os.makedirs(LOGS, exist_ok=True)
    pending, attempts = list(range(N)), []
    for attempt in range(3):
        results = sc.parallelize(pending, len(pending)).map(lambda i, a=attempt: run_shard(i, a)).collect()
        attempts.append(results)
        if any(code in PERMANENT for _, code in results):
            raise SystemExit(f"permanent failure: {results}")
        pending = [i for i, code in results if code != 0]
        if not pending:
            break
    # --
    timings["c"] = time.monotonic() - t
    plan = subprocess.run([binary, "plan", news_c, "--shards", str(shards)], env={}, cwd="/",
                          capture_output=True, text=True).stdout.strip().splitlines()
    print(f"(c) Spark shard waves, {shards} shards: (index, exit code) per attempt {attempts}; plan: {plan[-1]}; "
          f"{timings['c']:.1f} s", flush=True)
    if pending or plan[-1] != f"all {shards} shards complete":
        print("  (c) shards left incomplete", flush=True)
        ok = False
    if not killed or dict(attempts[0]).get(1) != -signal.SIGKILL or len(attempts) < 2:
        print(f"  (c) the kill of shard 1's first attempt did not happen or was not retried (killed: {killed})",
              flush=True)
        ok = False
    at_kill = [os.path.relpath(path, out_c) for _, files in killed for path in files]
    leftovers = glob.glob(os.path.join(out_c, "**", "*.tmp-*"), recursive=True)
    print(f"  (c) the killed attempt had written {at_kill}; temporary files left after the waves: {len(leftovers)}",
          flush=True)
    if leftovers:
        ok = False
    merged = json.loads(subprocess.run([binary, "merge-stats", os.path.join(out_c, "news.stats")], env={}, cwd="/",
                                       capture_output=True, text=True).stdout)
    totals = lambda stats: (stats["input"]["records"], stats["written"], stats["dropped"], stats["dead_lettered"])
    if totals(merged) != totals(stats_a):
        print(f"  (c) merge-stats MISMATCH: {totals(merged)} vs (a) {totals(stats_a)}", flush=True)
        ok = False
    else:
        print(f"  (c) merge-stats of {merged['parts']} parts: in, written, dropped, dead-lettered = (a)", flush=True)
    parts = sorted(glob.glob(os.path.join(out_c, "news", "part-*.jsonl")))
    dead_parts = sorted(glob.glob(os.path.join(out_c, "news.dead-letter", "part-*.jsonl")))
    ok &= compare(f"(c) {len(parts)} parts concatenated vs (a)", written_a, read_jsonl(parts))
    ok &= compare(f"(c) {len(dead_parts)} dead-letter parts vs (a)", dead_a, read_jsonl(dead_parts))

    # (d) Failing children. (d1) A failing document: with `input.on_invalid: fail` a malformed line stops the child
    # with exit 2 (the corpus has four, in four files). (d2) A child that cannot start: ${MIN_LENGTH} without a
    # default, and stream gets no environment (PySpark's pipe() starts the child with env={}): exit 1 in every
    # partition. Each must fail the job under checkCode=True; without it the job succeeds and loses documents.
    print("(d) expected on stderr: the children's errors and PySpark's BrokenPipeError tracebacks from its writer "
          "thread", flush=True)
    expected_lines = len(results_b)
    cases = [
        ("d1", "a malformed line under input.on_invalid: fail", 2, {"input_extra": "  on_invalid: fail\n"}),
        ("d2", "${MIN_LENGTH} unset in the child's empty environment", 1,
         {"clean_extra": "    minimum_length: ${MIN_LENGTH}\n"}),
    ]
    t = time.monotonic()
    for label, what, code, extra in cases:
        failing = os.path.join(work, f"failing-{label}.yaml")
        pipeline_yaml(failing, corpus_glob, os.path.join(work, "out", label), **extra)
        command = f"{shlex.quote(binary)} stream {shlex.quote(failing)} --one-to-one"
        try:
            count = sc.textFile(corpus_glob).pipe(command, checkCode=True).count()
            print(f"({label}) {what}: checkCode=True: the job SUCCEEDED with {count} lines", flush=True)
            ok = False
        except Py4JJavaError as error:
            message = str(error.java_exception)
            expected = f"exited with error code {code}"
            found = expected in message
            print(f"({label}) {what}: checkCode=True: the job failed: "
                  + (f"Py4JJavaError, '{expected}'" if found else "UNEXPECTED: " + message[:400]), flush=True)
            ok &= found
        silent = sc.textFile(corpus_glob).pipe(command).count()
        print(f"({label}) {what}: checkCode=False: the job succeeds with {silent} of {expected_lines} lines",
              flush=True)
        ok &= silent < expected_lines
    timings["d"] = time.monotonic() - t
    spark.stop()

    print("timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()), flush=True)
    print("spark-test: " + ("PASSED" if ok else "FAILED"), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
