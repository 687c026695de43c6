#!/usr/bin/env python3
"""Writes seeds/web/sample.warc.gz: the two seed articles as HTML pages in a small WARC (one gzip member per
record, as Common Crawl writes them), with a warcinfo record, a request, and a non-HTML (image) response.

Usage: scripts/make-sample-warc.py [OUTPUT]
"""
import gzip, html, io, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def record(kind, uri, payload, content_type, date, number):
    headers = [
        "WARC/1.0", f"WARC-Type: {kind}", f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{number:012d}>",
        f"WARC-Date: {date}", f"Content-Type: {content_type}", f"Content-Length: {len(payload)}",
    ]
    if uri:
        headers.insert(2, f"WARC-Target-URI: {uri}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + payload + b"\r\n\r\n"


def page(title, text):
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs[1:])
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<meta property=\"og:site_name\" content=\"Sample News\"></head><body>"
            f"<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
            f"<article><h1>{html.escape(title)}</h1>\n{body}</article>"
            f"<aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/a\">Another story</a></li></ul></aside>"
            f"<footer>Copyright 2020 Sample News</footer></body></html>").encode()


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "seeds", "web", "sample.warc.gz")
    os.makedirs(os.path.dirname(output), exist_ok=True)
    seeds = sorted(os.listdir(os.path.join(ROOT, "seeds")))
    records = [record("warcinfo", None, b"software: pipeline-run sample\r\n", "application/warc-fields",
                      "2020-11-05T00:00:00Z", 1)]
    number = 2
    for index, name in enumerate(n for n in seeds if n.endswith(".txt")):
        text = open(os.path.join(ROOT, "seeds", name), encoding="utf-8").read()
        title = text.strip().split("\n")[0]
        uri = f"https://news.example.org/articles/{index + 1}"
        request = f"GET /articles/{index + 1} HTTP/1.1\r\nHost: news.example.org\r\n\r\n".encode()
        records.append(record("request", uri, request, "application/http; msgtype=request", "2020-11-05T00:00:01Z", number))
        body = page(title, text)
        response = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(body)}\r\n\r\n"
                    .encode() + body)
        records.append(record("response", uri, response, "application/http; msgtype=response", "2020-11-05T00:00:02Z",
                              number + 1))
        number += 2
    image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 8\r\n\r\n\x89PNG\r\n\x1a\n"
    records.append(record("response", "https://news.example.org/logo.png", image, "application/http; msgtype=response",
                          "2020-11-05T00:00:03Z", number))
    with open(output, "wb") as f:
        for data in records:
            buffer = io.BytesIO()
            with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as member:
                member.write(data)
            f.write(buffer.getvalue())
    print(f"wrote {len(records)} records to {output}")


if __name__ == "__main__":
    main()
