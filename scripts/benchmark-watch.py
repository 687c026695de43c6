#!/usr/bin/env python3
"""Watch benchmark: a producer feeds `pipeline-run watch` for a while; every document must reach PostgreSQL exactly
once, and the delay from append to commit is measured.

The producer appends 100 documents/s to one JSON Lines file (a line at a time, flushed, as a crawler would) and
drops a file of 500 documents every 10 s, for --seconds (default 120), into the input folder of a pipeline with the
news pipeline's stages (clean, dedupe with action: mark, entities, summarize with the highlights method) and a
PostgreSQL export. The documents are CNN stories from ../shared/eval/summaries/news_train.jsonl (or, without it,
the seeds), cycled, each with an id of its own.

A poller asks the database every 0.1 s for the rows committed since its last look (by the inserting transaction's
id, `xmin`), so the delay of a document is the time from its append (the producer's flush) to the first poll that
sees it: an upper bound, coarse by one poll plus one psql call (about 0.1-0.2 s). A row seen twice (rewritten) is
a failure.

Two phases, each in a schema of its own: `steady` (watch runs throughout) and `killed` (watch is SIGKILLed
--kills times, default 3, at random moments, and restarted at once). Each ends when the producer has stopped and
every document is in the database, then SIGTERMs watch, which must exit 0. Printed per phase: documents, rows,
p50/p90/p99/max delay, kills; then PASS or the first failure (exit 1).

Runs against a throwaway server (scripts/with-postgres.sh, durable: fsync on) unless DATABASE_URL is set.
Usage: scripts/benchmark-watch.py [--seconds N] [--kills N] [--interval S] [--binary PATH] [--phase steady|killed]
"""
import argparse, json, os, random, signal, subprocess, sys, tempfile, threading, time, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NEWS = os.path.join(ROOT, "..", "shared", "eval", "summaries", "news_train.jsonl")

PIPELINE = """name: watch-bench
input: {{path: "{work}/in/"}}
stages:
  - type: clean
  - {{type: dedupe, action: mark, index: "{work}/out/dedupe.sqlite"}}
  - type: entities
  - {{type: summarize, method: highlights, ratio: 0.4}}
  - {{type: export, format: postgres, url: "${{BENCH_DATABASE_URL}}", batch_size: 2000}}
output: {{dead_letter: "{work}/out/dead.jsonl", state: "{work}/out/state.json"}}
"""


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--interval", type=float, default=1.0, help="watch --interval")
    parser.add_argument("--binary", help="a pipeline-run binary (default: this tree's release build)")
    parser.add_argument("--phase", choices=["steady", "killed"], action="append")
    parser.add_argument("--log-level", default="warning", help="watch --log-level (its log: WORK/watch.log)")
    return parser.parse_args()


def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "pipeline-run"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "pipeline-run")


def source_texts():
    if os.path.exists(NEWS):
        with open(NEWS, encoding="utf-8") as f:
            return [json.loads(line)["text"] for line in f]
    texts = []
    for name in sorted(os.listdir(os.path.join(ROOT, "seeds"))):
        if name.endswith(".txt"):
            with open(os.path.join(ROOT, "seeds", name), encoding="utf-8") as f:
                texts.append(f.read())
    return texts


def psql(url, sql):
    result = subprocess.run(["psql", url, "-tAXq", "-v", "ON_ERROR_STOP=1", "-c", sql], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"psql failed: {result.stderr.strip()}")
    return result.stdout


def url_with_schema(url, schema):
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(parts.query)
    query.append(("options", f"-csearch_path={schema}"))
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


class Producer(threading.Thread):
    """Appends 100 documents/s to stream.jsonl and drops a file of 500 every 10 s; records each append's time."""

    def __init__(self, folder, texts, seconds, appended):
        super().__init__(daemon=True)
        self.folder, self.texts, self.seconds, self.appended = folder, texts, seconds, appended
        self.count = 0

    def document(self):
        key = f"w{self.count:06d}"
        line = json.dumps({"id": key, "text": self.texts[self.count % len(self.texts)]}, ensure_ascii=False) + "\n"
        self.count += 1
        return key, line

    def run(self):
        start = time.monotonic()
        stream = open(os.path.join(self.folder, "stream.jsonl"), "a", encoding="utf-8")
        appended_in_stream = drops = 0
        while True:
            elapsed = time.monotonic() - start
            if elapsed >= self.seconds:
                break
            while appended_in_stream < int(elapsed * 100) + 1:
                key, line = self.document()
                stream.write(line)
                stream.flush()
                self.appended[key] = time.monotonic()
                appended_in_stream += 1
            if elapsed >= drops * 10:
                keys, lines = zip(*(self.document() for _ in range(500)))
                with open(os.path.join(self.folder, f"drop-{drops:03d}.jsonl"), "w", encoding="utf-8") as f:
                    f.writelines(lines)
                now = time.monotonic()
                for key in keys:
                    self.appended[key] = now
                drops += 1
            time.sleep(0.005)
        stream.close()


class Poller(threading.Thread):
    """Asks the database every 0.1 s for rows committed since its last look; records when each id was first seen."""

    def __init__(self, url, seen, rewritten):
        super().__init__(daemon=True)
        self.url, self.seen, self.rewritten = url, seen, rewritten
        self.stop = threading.Event()
        self.last_xid = 0
        self.error = None

    def run(self):
        while not self.stop.is_set():
            try:
                exists = psql(self.url, "select to_regclass('documents') is not null").strip() == "t"
                if exists:
                    rows = psql(self.url, "select id, xmin::text::bigint from documents "
                                f"where xmin::text::bigint > {self.last_xid}")
                    now = time.monotonic()
                    for row in rows.splitlines():
                        key, xid = row.split("|")
                        self.last_xid = max(self.last_xid, int(xid))
                        if key in self.seen:
                            self.rewritten.add(key)
                        else:
                            self.seen[key] = now
            except RuntimeError as error:
                self.error = str(error)
            self.stop.wait(0.1)


def start_watch(binary, work, options, url, log):
    environment = dict(os.environ, BENCH_DATABASE_URL=url)
    return subprocess.Popen([binary, "watch", f"{work}/pipeline.yaml", "--interval", str(options.interval),
                             "--log-level", options.log_level, "--log-format", "json"], cwd=work, env=environment, stdout=subprocess.DEVNULL,
                            stderr=log)


def percentile(values, fraction):
    values = sorted(values)
    return values[min(len(values) - 1, int(fraction * len(values)))]


def run_phase(name, binary, texts, options, base_url, rng):
    url = url_with_schema(base_url, name)
    psql(base_url, f"drop schema if exists {name} cascade; create schema {name}")
    work = tempfile.mkdtemp(prefix=f"benchmark-watch-{name}-")
    os.makedirs(os.path.join(work, "in"))
    os.makedirs(os.path.join(work, "out"))
    with open(os.path.join(work, "pipeline.yaml"), "w") as f:
        f.write(PIPELINE.format(work=work))
    appended, seen, rewritten = {}, {}, set()
    log = open(os.path.join(work, "watch.log"), "ab")
    watch = start_watch(binary, work, options, url, log)
    poller = Poller(url, seen, rewritten)
    producer = Producer(os.path.join(work, "in"), texts, options.seconds, appended)
    poller.start()
    producer.start()
    start = time.monotonic()
    kills = sorted(rng.uniform(10, options.seconds - 10) for _ in range(options.kills if name == "killed" else 0))
    for moment in kills:
        time.sleep(max(0, start + moment - time.monotonic()))
        if watch.poll() is not None:
            sys.exit(f"FAILED ({name}): watch exited with {watch.returncode} before a kill; see {work}/watch.log")
        watch.send_signal(signal.SIGKILL)
        watch.wait()
        watch = start_watch(binary, work, options, url, log)
    producer.join()
    deadline = time.monotonic() + 120
    while len(seen) < producer.count and time.monotonic() < deadline and watch.poll() is None:
        time.sleep(0.2)
    watch.send_signal(signal.SIGTERM)
    status = watch.wait(timeout=60)
    poller.stop.set()
    poller.join()
    missing = set(appended) - set(seen)
    rows = int(psql(url, "select count(*) from documents").strip())
    delays = [seen[key] - appended[key] for key in appended if key in seen]
    print(f"{name}: {producer.count} documents appended in {options.seconds:.0f} s "
          f"(100/s to one file + 500 every 10 s), {len(kills)} SIGKILLs; {rows} rows in documents")
    if delays:
        print(f"  delay from append to commit: p50 {percentile(delays, 0.5):.2f} s, p90 {percentile(delays, 0.9):.2f} s,"
              f" p99 {percentile(delays, 0.99):.2f} s, max {max(delays):.2f} s")
    failures = []
    if status != 0:
        failures.append(f"watch exited {status} after SIGTERM (expected 0)")
    if missing:
        failures.append(f"{len(missing)} documents never reached the database, e.g. {sorted(missing)[:3]}")
    if rows != producer.count:
        failures.append(f"{rows} rows for {producer.count} documents")
    if rewritten:
        failures.append(f"{len(rewritten)} rows written twice, e.g. {sorted(rewritten)[:3]}")
    if poller.error:
        failures.append(f"poller: {poller.error}")
    if failures:
        sys.exit(f"FAILED ({name}): " + "; ".join(failures) + f"; see {work}/watch.log")
    print(f"  exactly once: every document in the database once, none rewritten; watch exited 0 on SIGTERM")


def main():
    options = arguments()
    if "DATABASE_URL" not in os.environ:
        environment = dict(os.environ, WITH_POSTGRES_DURABLE="1")
        script = os.path.join(ROOT, "scripts", "with-postgres.sh")
        os.execve(script, [script, sys.executable, os.path.abspath(__file__), *sys.argv[1:]], environment)
    binary = os.path.abspath(options.binary) if options.binary else build()
    texts = source_texts()
    rng = random.Random(21)
    for phase in options.phase or ["steady", "killed"]:
        run_phase(phase, binary, texts, options, os.environ["DATABASE_URL"], rng)
    print("PASS")


if __name__ == "__main__":
    main()
