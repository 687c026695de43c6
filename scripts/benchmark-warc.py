#!/usr/bin/env python3
"""Streams a large generated WARC.gz (default 1 GB compressed) through `extract` (release build) and reports the
throughput and peak RSS, to show that memory stays flat whatever the archive's size. The pages are the HTML
development set (../shared/eval/html/dev.jsonl.gz) or the seed articles, each record a separate gzip member, with
requests and non-HTML responses in between, as in a real crawl.

Usage: scripts/benchmark-warc.py [--gigabytes 1.0] [--keep PATH]
"""
import argparse, gzip, io, json, os, subprocess, tempfile, time, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pages():
    source = os.path.join(ROOT, "..", "shared", "eval", "html", "dev.jsonl.gz")
    if os.path.exists(source):
        return [json.loads(line)["html"].encode("utf-8") for line in gzip.open(source, "rt", encoding="utf-8")]
    return [f"<html><body><article><p>{open(os.path.join(ROOT, 'seeds', n), encoding='utf-8').read()}</p></article></body></html>".encode()
            for n in sorted(os.listdir(os.path.join(ROOT, "seeds"))) if n.endswith(".txt")]


def member(kind, uri, payload, content_type, number):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{number:032x}>\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n").encode()
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=1, mtime=0) as f:
        f.write(head + payload + b"\r\n\r\n")
    return buffer.getvalue()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gigabytes", type=float, default=1.0)
    args = parser.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--product", "pipeline-run"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                                         capture_output=True, text=True).stdout.strip(), "pipeline-run")
    work = tempfile.mkdtemp(prefix="warc-bench-")
    try:
        path = os.path.join(work, "crawl.warc.gz")
        target = int(args.gigabytes * 1e9)
        html = pages()
        written = html_bytes = responses = 0
        number = 0
        started = time.time()
        with open(path, "wb") as out:
            while written < target:
                page = html[number % len(html)]
                uri = f"https://site{number % 97}.example/{number}"
                http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
                for data in (member("request", uri, b"GET / HTTP/1.1\r\n\r\n", "application/http; msgtype=request", number),
                             member("response", uri, http, "application/http; msgtype=response", number)):
                    out.write(data)
                    written += len(data)
                html_bytes += len(page)
                responses += 1
                if number % 10 == 0:
                    image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n"
                    data = member("response", uri + ".png", image, "application/http; msgtype=response", number)
                    out.write(data)
                    written += len(data)
                number += 1
        print(f"generated {written / 1e9:.2f} GB WARC.gz: {responses:,} HTML responses, {html_bytes / 1e9:.2f} GB of HTML "
              f"({time.time() - started:.0f} s)")
        with open(os.path.join(work, "p.yaml"), "w") as f:
            f.write(f"input: {{path: {path}}}\nstages:\n  - {{type: extract}}\n  - {{type: export, path: '-'}}\n"
                    f"output: {{dead_letter: {work}/dead.jsonl, state: {work}/state.json}}\n")
        for concurrency in (1, 2):
            with open(os.devnull, "w") as sink:
                subprocess.run([binary, "run", os.path.join(work, "p.yaml"), "--concurrency", str(concurrency),
                                "--stats-json", os.path.join(work, "s.json"), "--log-format", "json"],
                               stdout=sink, stderr=subprocess.DEVNULL, check=True)
            stats = json.load(open(os.path.join(work, "s.json")))
            extract = stats["stages"][0]
            print(f"concurrency {concurrency}: {stats['input']['records']:,} documents in {stats['wall_seconds']:.1f} s = "
                  f"{html_bytes / 1e6 / stats['wall_seconds']:.1f} MB/s of HTML end to end (extract busy {extract['busy_seconds']:.1f} s, "
                  f"{extract['mb_per_second']:.1f} MB/s per busy core); peak RSS {stats['peak_rss_bytes'] / 2**20:.1f} MiB; "
                  f"balanced={stats['balanced']}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
