#!/usr/bin/env python3
"""Writes the word clusters resource of the `entities` stage from unlabelled news.

Distributional clusters carry over to text the tagger was not trained on: a word never seen in the labelled training
set still gets the cluster of words used like it ("Newsweek" near "Reuters", "Fargo" near other company name parts).
Method (deterministic; numpy and scipy only):

1. Tokens: lower-cased words of the unlabelled news in ../shared/eval (CNN stories, BBC articles, their near-duplicate
   and boilerplate variants, and the text of the news pages) plus the text of the CoNLL training documents (their
   labels are not read). The CoNLL development set is never read.
2. The VOCABULARY most frequent words (seen at least MIN_COUNT times) are clustered; their context vectors count the
   CONTEXTS most frequent words one and two positions to the left and right, weighted by positive pointwise mutual
   information, reduced to DIMENSIONS with a truncated SVD (LAPACK, fixed start vector) and normalised to unit length.
3. Spherical k-means at two granularities (COARSE and FINE clusters), started from the most frequent words' vectors,
   run for a fixed number of iterations.

Output: `word<TAB>coarse<TAB>fine` per line, sorted by word.

    python3 scripts/build-word-clusters.py [OUTPUT]   # default: Sources/Stages/Entities/Resources/entities-clusters.tsv
"""
import collections
import gzip
import json
import os
import re
import sys

import numpy as np
import scipy.sparse
import scipy.sparse.linalg

VOCABULARY = 40000
MIN_COUNT = 3
CONTEXTS = 2000
DIMENSIONS = 100
COARSE = 64
FINE = 512
ITERATIONS = 25

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.environ.get("EVAL", os.path.join(HERE, "..", "..", "shared", "eval"))
SOURCES = [
    ("summaries/news_train.jsonl", "text"),
    ("summaries/news_dev.jsonl", "text"),
    ("summaries/dev.jsonl", "text"),
    ("neardup/dev.jsonl", "text"),
    ("boilerplate/dev.jsonl", "dirty"),
    ("html/dev.jsonl.gz", "gold"),
    ("entities/train.jsonl", "text"),
]
# Words with inner hyphens, apostrophes and periods stay whole, like the stage's tokenizer keeps them.
TOKEN = re.compile(r"[^\W_]+(?:[-'.][^\W_]+)*\.?|\S", re.UNICODE)


def sentences():
    for path, field in SOURCES:
        full = os.path.join(EVAL, path)
        opener = gzip.open if path.endswith(".gz") else open
        with opener(full, "rt", encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line).get(field) or ""
                text = text.replace("\u2019", "'").replace("\u2018", "'")
                for row in text.split("\n"):
                    tokens = [t.lower() for t in TOKEN.findall(row)]
                    # A final period belongs to the word only on abbreviations and initials; drop it otherwise.
                    tokens = [t[:-1] if len(t) > 3 and t.endswith(".") and "." not in t[:-1] else t for t in tokens]
                    if tokens:
                        yield tokens


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        HERE, "..", "Sources", "Stages", "Entities", "Resources", "entities-clusters.tsv"
    )
    corpus = list(sentences())
    counts = collections.Counter(t for s in corpus for t in s)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    words = [w for w, c in ranked if c >= MIN_COUNT and any(ch.isalpha() for ch in w)][:VOCABULARY]
    word_index = {w: k for k, w in enumerate(words)}
    context_index = {w: k for k, (w, _) in enumerate(ranked[:CONTEXTS])}
    rows, columns = [], []
    for sentence in corpus:
        ids = [word_index.get(t, -1) for t in sentence]
        contexts = [context_index.get(t, -1) for t in sentence]
        n = len(sentence)
        for i, row in enumerate(ids):
            if row < 0:
                continue
            for offset, slot in ((-2, 0), (-1, 1), (1, 2), (2, 3)):
                j = i + offset
                c = contexts[j] if 0 <= j < n else -1
                if c >= 0:
                    rows.append(row)
                    columns.append(slot * CONTEXTS + c)
    matrix = scipy.sparse.coo_matrix(
        (np.ones(len(rows), dtype=np.float64), (np.array(rows), np.array(columns))),
        shape=(len(words), 4 * CONTEXTS),
    ).tocsr()
    matrix.sum_duplicates()
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    column_sums = np.asarray(matrix.sum(axis=0)).ravel()
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row_sums[coo.row] * column_sums[coo.col]))
    keep = pmi > 0
    ppmi = scipy.sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)
    start = np.ones(min(ppmi.shape), dtype=np.float64) / np.sqrt(min(ppmi.shape))
    u, s, _ = scipy.sparse.linalg.svds(ppmi, k=DIMENSIONS, v0=start, solver="arpack")
    order = np.argsort(-s)
    vectors = u[:, order] * np.sqrt(s[order])
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    # Fix each component's sign (SVD signs are arbitrary): the most frequent word's projection is positive.
    signs = np.sign(vectors[np.argmax(np.abs(vectors), axis=0), np.arange(vectors.shape[1])])
    vectors *= np.where(signs == 0, 1, signs)

    def kmeans(k):
        centres = vectors[:k].copy()
        for _ in range(ITERATIONS):
            assignment = np.argmax(vectors @ centres.T, axis=1)
            for c in range(k):
                members = vectors[assignment == c]
                if len(members):
                    centre = members.sum(axis=0)
                    centres[c] = centre / max(np.linalg.norm(centre), 1e-12)
        return np.argmax(vectors @ centres.T, axis=1)

    coarse = kmeans(COARSE)
    fine = kmeans(FINE)
    lines = sorted(f"{w}\t{coarse[k]}\t{fine[k]}" for k, w in enumerate(words) if "\t" not in w)
    with open(output, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {output}: {len(lines)} words, {COARSE} and {FINE} clusters, from {len(corpus)} lines")


if __name__ == "__main__":
    main()
