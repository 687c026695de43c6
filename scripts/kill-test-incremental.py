#!/usr/bin/env python3
"""Kill test for incremental input: SIGKILL incremental runs at random points; every document must end up in the
outputs exactly once.

Each iteration starts from an empty output folder and a folder of JSON Lines files, then repeats a few rounds: new
files are dropped in and existing files grow (sometimes ending in a half-written line, completed next round); an
incremental run (`input.incremental: true`, JSON Lines and CSV exports, SQLite export) is started and SIGKILLed
after a random delay, then run again (unkilled) until it succeeds. At the end the JSON Lines and CSV outputs must
hold every complete input line exactly once (compared as sorted lines with a one-shot run over the final input), and
the SQLite export one row per id. A rerun after a kill between two commits (one output renamed, the run state not
yet) cuts the file outputs back to their version before the killed run; those repairs are counted. A rerun that
fails is a failure of the test.

With --postgres (under scripts/with-postgres.sh, which exports DATABASE_URL), the pipeline also exports to
PostgreSQL (a schema per iteration, batches of 50 rows in the run's one transaction), and half of the killed runs
are killed at an exact point of the commit instead of by a timer (PIPELINE_KILL_AT: after the files are synced,
after PostgreSQL's commit, after the run state). Then PostgreSQL must hold one row per complete input line, and a
trigger that counts every row the export sends (in its transaction, so only committed sends count) must have
counted each exactly once: a batch PostgreSQL committed is never written again. Reruns that advanced the ledger
from PostgreSQL's record are counted.

Usage: scripts/kill-test-incremental.py [ITERATIONS] [--binary PATH] [--postgres]
"""
import json, os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ITERATIONS = int(next((a for a in sys.argv[1:] if a.isdigit()), "10"))
BINARY = os.path.abspath(sys.argv[sys.argv.index("--binary") + 1]) if "--binary" in sys.argv else None
POSTGRES = "--postgres" in sys.argv
KILL_POINTS = ["files-committed", "outputs-committed", "state-saved"]

PIPELINE = """name: inc
input: {{path: in/, incremental: {incremental}}}
stages:
  - {{type: clean, minimum_length: 0}}
  - {{type: summarize, sentences: 1}}
  - {{type: export, path: out/docs.jsonl}}
  - {{type: export, format: csv, path: out/docs.csv, fields: [id, summary]}}
  - {{type: export, format: sqlite, path: out/docs.db}}
{postgres}output: {{dead_letter: out/dead.jsonl, state: out/inc.state.json}}
"""

def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "pipeline-run"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "pipeline-run")

def document(rng, key):
    words = "minister talks sanctions election market shares rose fell government officials said week".split()
    text = " ".join(rng.choice(words) for _ in range(rng.randint(40, 160))).capitalize() + ". It ended."
    return json.dumps({"id": key, "text": text}) + "\n"

POSTGRES_STAGE = """  - {type: export, format: postgres, url: "${DATABASE_URL}", batch_size: 50}
"""

def psql(url, sql):
    return subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-Atqc", sql], check=True, capture_output=True,
                          text=True).stdout.strip()

def schema_url(iteration):
    base = os.environ["DATABASE_URL"]
    schema = f"kill_{os.getpid()}_{iteration}"
    psql(base, f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
    return base + ("&" if "?" in base else "?") + f"options=-csearch_path%3D{schema}"

COUNT_WRITES = """
CREATE TABLE writes (n bigint NOT NULL); INSERT INTO writes VALUES (0);
CREATE FUNCTION count_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE writes SET n = n + 1; RETURN NEW; END $$;
CREATE TRIGGER count_writes BEFORE INSERT ON documents FOR EACH ROW EXECUTE FUNCTION count_write();
"""

def run(binary, directory, kill_after=None, environment=None, kill_at=None):
    env = dict(os.environ, **(environment or {}))
    if kill_at:
        env["PIPELINE_KILL_AT"] = kill_at
    process = subprocess.Popen([binary, "run", "p.yaml", "--log-format", "json"], cwd=directory,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    if kill_after is not None:
        time.sleep(kill_after)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
    _, stderr = process.communicate()
    return process.returncode, stderr

def main():
    binary = BINARY or build()
    rng = random.Random(11)
    killed = cut_back = at_point = advanced = 0
    for iteration in range(ITERATIONS):
        work = tempfile.mkdtemp(prefix="kill-incremental-")
        os.makedirs(os.path.join(work, "in"))
        with open(os.path.join(work, "p.yaml"), "w") as f:
            f.write(PIPELINE.format(incremental="true", postgres=POSTGRES_STAGE if POSTGRES else ""))
        environment = {}
        if POSTGRES:
            environment["DATABASE_URL"] = url = schema_url(iteration)
            status, stderr = run(binary, work, environment=environment)  # creates the tables
            assert status == 0, stderr
            psql(url, COUNT_WRITES)
        partial = {}
        counter = 0
        for round_ in range(4):
            for _ in range(rng.randint(1, 3)):  # new files
                name = f"in/f{iteration}-{round_}-{counter}.jsonl"
                with open(os.path.join(work, name), "w") as f:
                    for _ in range(rng.randint(50, 400)):
                        f.write(document(rng, f"d{counter}"))
                        counter += 1
            for name in sorted(os.listdir(os.path.join(work, "in")))[:2]:  # growing files
                path = os.path.join(work, "in", name)
                with open(path, "a") as f:
                    if path in partial:
                        f.write(partial.pop(path))
                    for _ in range(rng.randint(10, 100)):
                        f.write(document(rng, f"d{counter}"))
                        counter += 1
                    if rng.random() < 0.5:  # a line the producer is still writing
                        line = document(rng, f"d{counter}")
                        counter += 1
                        cut = rng.randint(1, len(line) - 2)
                        f.write(line[:cut])
                        partial[path] = line[cut:]
            if POSTGRES and rng.random() < 0.5:
                point = rng.choice(KILL_POINTS)
                status, stderr = run(binary, work, environment=environment, kill_at=point)
                at_point += status == -signal.SIGKILL
            else:
                status, stderr = run(binary, work, kill_after=rng.uniform(0.01, 0.4), environment=environment)
            killed += status == -signal.SIGKILL
            status, stderr = run(binary, work, environment=environment)
            if status != 0:
                raise SystemExit(f"iteration {iteration} round {round_}: rerun failed ({status}):\n{stderr[-2000:]}")
            cut_back += "killed between two commits" in stderr
            advanced += "the ledger advances to it without writing it again" in stderr
        check(binary, work, iteration, environment.get("DATABASE_URL"))
        shutil.rmtree(work)
    postgres = (f" ({at_point} of them at a commit point), {advanced} reruns advanced the ledger from "
                "PostgreSQL's record without writing the batch again" if POSTGRES else "")
    print(f"kill-test-incremental: {ITERATIONS} iterations x 4 rounds, {killed} runs SIGKILLed mid-way{postgres}, "
          f"{cut_back} reruns cut the outputs back after a kill between two commits; every document exactly once"
          + (", every PostgreSQL row written exactly once" if POSTGRES else ""))

def check(binary, work, iteration, url=None):
    reference = tempfile.mkdtemp(prefix="kill-incremental-ref-")
    shutil.copytree(os.path.join(work, "in"), os.path.join(reference, "in"))
    for path in os.listdir(os.path.join(reference, "in")):  # only complete lines count
        full = os.path.join(reference, "in", path)
        data = open(full, "rb").read()
        open(full, "wb").write(data[: data.rfind(b"\n") + 1])
    with open(os.path.join(reference, "p.yaml"), "w") as f:
        f.write(PIPELINE.format(incremental="false", postgres=""))
    status, stderr = run(binary, reference)
    assert status == 0, stderr
    for name in ["docs.jsonl", "docs.csv"]:
        got = open(os.path.join(work, "out", name), encoding="utf-8").read().splitlines()
        want = open(os.path.join(reference, "out", name), encoding="utf-8").read().splitlines()
        if sorted(got) != sorted(want):
            raise SystemExit(f"iteration {iteration}: {name}: {len(got)} lines, want {len(want)} "
                             f"({len(set(got))} distinct)")
    rows = sqlite3.connect(os.path.join(work, "out", "docs.db")).execute("select count(*) from documents").fetchone()
    want_rows = sqlite3.connect(os.path.join(reference, "out", "docs.db")).execute(
        "select count(*) from documents").fetchone()
    assert rows == want_rows, (rows, want_rows)
    if url:
        reference_lines = open(os.path.join(reference, "out", "docs.jsonl"), encoding="utf-8").read().splitlines()
        want_ids = sorted(json.loads(line)["id"] for line in reference_lines)
        got_ids = psql(url, "select id from documents order by id").split("\n")
        if sorted(got_ids) != want_ids:
            raise SystemExit(f"iteration {iteration}: PostgreSQL: {len(got_ids)} rows, want {len(want_ids)}")
        writes = int(psql(url, "select n from writes"))
        if writes != len(want_ids):
            raise SystemExit(f"iteration {iteration}: PostgreSQL: {writes} committed row writes for "
                             f"{len(want_ids)} documents (a batch written again)")
        psql(os.environ["DATABASE_URL"], f"DROP SCHEMA kill_{os.getpid()}_{iteration} CASCADE")
    shutil.rmtree(reference)

if __name__ == "__main__":
    main()
