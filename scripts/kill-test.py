#!/usr/bin/env python3
"""Kill test: SIGKILL a release run of pipeline-run at random points and check that nothing is lost or torn.

The pipeline (clean → dedupe with an SQLite index → summarize → export JSONL, CSV and SQLite) runs over a
generated corpus. State P is what a first run over half the corpus left; R is what an uninterrupted run over the
whole corpus leaves, starting from P. Each iteration restores P, starts the full run, kills it with SIGKILL after a
random delay, then checks that every output is exactly P or exactly R (absent counts as P when P had none),
that both SQLite files pass PRAGMA integrity_check, and that a rerun with --resume then produces exactly R.
With --sigterm the run is stopped gracefully instead: it commits what it finished (so outputs may be a prefix of
R), and the --resume rerun must again produce exactly R.

Usage: scripts/kill-test.py [ITERATIONS] [--sigterm]
"""
import json, os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ITERATIONS = int(next((a for a in sys.argv[1:] if a.isdigit()), "20"))
SIGNAL = signal.SIGTERM if "--sigterm" in sys.argv else signal.SIGKILL
OUTPUTS = ["out.jsonl", "out.csv", "out.db", "index.db"]

def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "pipeline-run"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "pipeline-run")

def corpus(path, count, seed=7):
    rng = random.Random(seed)
    seeds = [open(os.path.join(ROOT, "seeds", name), encoding="utf-8").read() for name in sorted(os.listdir(os.path.join(ROOT, "seeds"))) if name.endswith(".txt")]
    words = "minister talks sanctions election market shares rose fell government officials said week".split()
    with open(path, "w", encoding="utf-8") as f:
        for i in range(count):
            base = seeds[i % len(seeds)]
            if i % 5 == 0:  # a republished copy of an earlier document
                text = "[ad_1]\n" + base
            else:
                extra = " ".join(rng.choice(words) for _ in range(120))
                text = f"Story {i} headline\n\n" + extra.capitalize() + ". " + base[: rng.randint(200, len(base))]
            f.write(json.dumps({"id": f"doc-{i:06d}", "text": text, "n": i}) + "\n")

PIPELINE = """name: kill
input: {{path: {input}}}
stages:
  - {{type: clean, minimum_length: 0}}
  - {{type: dedupe, action: mark, index: index.db}}
  - {{type: summarize, sentences: 2}}
  - {{type: export, path: out.jsonl}}
  - {{type: export, format: csv, path: out.csv, fields: [id, duplicate_of, summary]}}
  - {{type: export, format: sqlite, path: out.db}}
output: {{dead_letter: dead.jsonl}}
"""

def snapshot(directory):
    state = {}
    for name in OUTPUTS:
        path = os.path.join(directory, name)
        if not os.path.exists(path):
            state[name] = None
        elif name.endswith(".db"):
            db = sqlite3.connect(path)
            check = db.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise SystemExit(f"{name}: integrity_check says {check}")
            tables = [r[0] for r in db.execute("select name from sqlite_master where type='table' and name not like '%fts%'")]
            if name == "out.db":
                rows = db.execute("select id, text, summary, duplicate_of, metadata from documents order by id").fetchall() if "documents" in tables else []
                fts = db.execute("select id, text from documents_fts order by id").fetchall() if "documents" in tables else []
                state[name] = (tuple(rows), tuple(fts))
            else:
                rows = db.execute("select document_id, exact_hash, signature from entries order by seq").fetchall() if "entries" in tables else []
                state[name] = tuple(rows)
            db.close()
        else:
            state[name] = open(path, "rb").read()
    leftovers = [n for n in os.listdir(directory) if ".tmp-" in n]
    return state, leftovers

def run(binary, directory, input_path, kill_after=None, resume=False):
    with open(os.path.join(directory, "p.yaml"), "w") as f:
        f.write(PIPELINE.format(input=input_path))
    process = subprocess.Popen([binary, "run", "p.yaml", "--log-format", "json"] + (["--resume"] if resume else []), cwd=directory,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if kill_after is None:
        return process.wait()
    try:
        return process.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        process.send_signal(SIGNAL)
        return process.wait()

def main():
    binary = build()
    work = tempfile.mkdtemp(prefix="kill-test-")
    try:
        full, half = os.path.join(work, "full.jsonl"), os.path.join(work, "half.jsonl")
        corpus(full, 20000)
        with open(full) as f, open(half, "w") as h:
            h.writelines(line for i, line in enumerate(f) if i < 10000)
        p_dir, r_dir = os.path.join(work, "P"), os.path.join(work, "R")
        os.makedirs(p_dir)
        assert run(binary, p_dir, half) == 0
        shutil.copytree(p_dir, r_dir)
        started = time.time()
        assert run(binary, r_dir, full) == 0
        duration = time.time() - started
        P, _ = snapshot(p_dir)
        R, _ = snapshot(r_dir)
        print(f"reference run over 20,000 documents: {duration:.2f} s; {SIGNAL.name} at random points in [0, {1.5 * duration:.2f}] s")
        rng = random.Random(42)
        mixed = 0
        for iteration in range(1, ITERATIONS + 1):
            directory = os.path.join(work, f"i{iteration}")
            shutil.copytree(p_dir, directory)
            delay = rng.uniform(0.0, 1.5 * duration)
            status = run(binary, directory, full, kill_after=delay)
            state, leftovers = snapshot(directory)
            verdicts = []
            for name in OUTPUTS:
                if state[name] == P[name]:
                    verdicts.append(f"{name}=previous")
                elif state[name] == R[name]:
                    verdicts.append(f"{name}=complete")
                elif SIGNAL == signal.SIGTERM:
                    verdicts.append(f"{name}=partial")
                else:
                    raise SystemExit(f"iteration {iteration}: {name} is neither the previous nor the complete version")
            if len({v.split("=")[1] for v in verdicts}) > 1:
                mixed += 1
            assert run(binary, directory, full, resume=True) == 0
            after, leftovers_after = snapshot(directory)
            for name in OUTPUTS:
                if after[name] != R[name]:
                    detail = ""
                    if isinstance(after[name], bytes) and isinstance(R[name], bytes):
                        got, want = after[name].split(b"\n"), R[name].split(b"\n")
                        first = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
                        detail = (f" ({len(got)} vs {len(want)} lines; first difference at line {first + 1}: "
                                  f"{got[first][:300] if first < len(got) else b'<end>'!r} vs "
                                  f"{want[first][:300] if first < len(want) else b'<end>'!r})")
                    raise SystemExit(f"iteration {iteration}: killed at {delay:.2f} s (exit {status}), {', '.join(verdicts)}; "
                                     f"after the rerun {name} differs from the uninterrupted run{detail}")
            if leftovers_after:
                raise SystemExit(f"iteration {iteration}: temporary files left after the rerun: {leftovers_after}")
            print(f"{iteration:2d}: {SIGNAL.name} at {delay:5.2f} s (exit {status}); {', '.join(verdicts)}; "
                  f"{len(leftovers)} temp file(s) left; --resume rerun identical to the uninterrupted run")
        print(f"{ITERATIONS} x {SIGNAL.name}: no torn output, every SQLite file passed integrity_check, every --resume "
              f"rerun matched the uninterrupted run; {mixed} stop(s) left outputs at different versions")
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
