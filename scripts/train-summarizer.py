#!/usr/bin/env python3
"""Trains the `highlights` summarizer's sentence scorer and writes Sources/Stages/Summarize/HighlightModel+Trained.swift.

    python3 scripts/train-summarizer.py [--train ../shared/eval/summaries/news_train.jsonl] [--folds 5]
                                        [--output Sources/Stages/Summarize/HighlightModel+Trained.swift]

Steps (all deterministic: the defaults reproduce the committed model byte for byte):
1. The training stories are flattened the way the usual CNN/DailyMail release prints them (one line; a paragraph that
   lacks final punctuation gets " ." appended), so training sees the text shape the summarizer meets at run time.
2. `summary-features` (Tools/summary-features: a debug build, in .build-training, of the summarizer's own code) splits each story and
   writes every sentence's features and the TF-IDF cosines MMR reads.
3. Labels: the greedy ROUGE oracle (ROUGE-1 + ROUGE-2 F1 against the highlights, up to 3 sentences).
4. A logistic model (L2, Newton steps on standardised features) is trained; the L2 strength, the MMR redundancy
   penalty and the number of candidate sentences are chosen by k-fold cross-validation on the training set, scoring
   3-sentence summaries with ROUGE exactly as ../shared/eval/score.py does. news_dev is never read.
5. The final model is trained on all of the training set with the chosen settings and written as Swift source.

Needs: pip install rouge-score numpy. Prints the cross-validated ROUGE of every setting and of Lead-3.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
from nltk.stem import porter  # installed with rouge-score

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SENTENCES = 3
MAX_CANDIDATES = 40
L2_GRID = [0.1, 1.0, 10.0]
REDUNDANCY_GRID = [0.0, 0.5, 1.0, 2.0, 4.0]
CANDIDATE_GRID = [5, 10, 20, 40]

STEMMER = porter.PorterStemmer()


def flatten(text):
    """One line, with ' .' after every paragraph that lacks final punctuation (the CNN/DailyMail release's shape)."""
    lines = [line.strip() for line in text.split("\n")]
    out = []
    for line in lines:
        if not line:
            continue
        if not re.search(r"[.!?'\"\u2019\u201d)]$", line):
            line += " ."
        out.append(line)
    return " ".join(out)


NON_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
STEMS = {}


def tokens(text):
    """rouge-score's tokens (lowercased, alphanumeric runs, Porter-stemmed when longer than 3 characters)."""
    out = []
    for word in NON_ALPHANUMERIC.sub(" ", text.lower()).split():
        if len(word) > 3:
            stem = STEMS.get(word)
            if stem is None:
                stem = STEMS[word] = STEMMER.stem(word)
            word = stem
        if word:
            out.append(word)
    return out


def ngrams(words, n):
    counts = {}
    for i in range(len(words) - n + 1):
        key = tuple(words[i:i + n])
        counts[key] = counts.get(key, 0) + 1
    return counts


def f1(candidate, reference):
    overlap = sum(min(count, reference.get(key, 0)) for key, count in candidate.items())
    c = sum(candidate.values())
    r = sum(reference.values())
    if c == 0 or r == 0 or overlap == 0:
        return 0.0
    p, rr = overlap / c, overlap / r
    return 2 * p * rr / (p + rr)


def lcs_f1(candidate, reference):
    if not candidate or not reference:
        return 0.0
    previous = [0] * (len(reference) + 1)
    for a in candidate:
        current = [0]
        for j, b in enumerate(reference):
            current.append(previous[j] + 1 if a == b else max(previous[j + 1], current[j]))
        previous = current
    lcs = previous[-1]
    if lcs == 0:
        return 0.0
    p, r = lcs / len(candidate), lcs / len(reference)
    return 2 * p * r / (p + r)


def rouge(summary_tokens, reference_tokens):
    return (
        f1(ngrams(summary_tokens, 1), ngrams(reference_tokens, 1)),
        f1(ngrams(summary_tokens, 2), ngrams(reference_tokens, 2)),
        lcs_f1(summary_tokens, reference_tokens),
    )


def counts(words):
    """Unigram and bigram counts of `words`."""
    return ngrams(words, 1), ngrams(words, 2)


def overlap_f1(candidate, candidate_total, reference, reference_total):
    overlap = sum(min(count, reference.get(key, 0)) for key, count in candidate.items())
    if overlap == 0:
        return 0.0
    p, r = overlap / candidate_total, overlap / reference_total
    return 2 * p * r / (p + r)


def merged(parts):
    total = {}
    for part in parts:
        for key, count in part.items():
            total[key] = total.get(key, 0) + count
    return total


def oracle(document):
    """Greedy oracle: add the sentence that most raises ROUGE-1 + ROUGE-2 F1, up to 3 sentences (bigrams across
    sentence boundaries are ignored here)."""
    r1, r2 = counts(document["reference_tokens"])
    t1, t2 = sum(r1.values()), sum(r2.values())
    sentence_counts = document["sentence_counts"]
    chosen, best = [], 0.0
    count = min(len(document["sentences"]), MAX_CANDIDATES)
    while len(chosen) < SENTENCES and t2 > 0:
        pick, pick_value = None, best
        for i in range(count):
            if i in chosen:
                continue
            c1 = merged([sentence_counts[j][0] for j in chosen + [i]])
            c2 = merged([sentence_counts[j][1] for j in chosen + [i]])
            n1, n2 = sum(c1.values()), sum(c2.values())
            if n1 == 0 or n2 == 0:
                continue
            value = overlap_f1(c1, n1, r1, t1) + overlap_f1(c2, n2, r2, t2)
            if value > pick_value:
                pick, pick_value = i, value
        if pick is None:
            break
        chosen.append(pick)
        best = pick_value
    labels = np.zeros(count)
    labels[chosen] = 1
    return labels


def train(x, y, l2):
    """L2-regularised logistic regression by Newton's method; returns (weights, bias) on standardised features."""
    n, d = x.shape
    design = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-(design @ w)))
        gradient = design.T @ (p - y) + penalty * w
        hessian = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return w[:-1], w[-1]


def select(scores, cosines, redundancy, candidates, count=SENTENCES):
    """The summarizer's greedy MMR over the first `candidates` sentences (mirrors NewsSummarizer)."""
    k = min(candidates, len(scores))
    similarity = np.zeros(k, dtype=np.float32)
    available = [True] * k
    chosen = []
    while len(chosen) < count:
        best, best_value = -1, -np.inf
        for i in range(k):
            if available[i]:
                value = np.float32(scores[i]) - np.float32(redundancy) * similarity[i]
                if value > best_value:
                    best, best_value = i, value
        if best < 0:
            break
        available[best] = False
        chosen.append(best)
        for i in range(k):
            if available[i]:
                similarity[i] = max(similarity[i], cosines[best][i])
    return sorted(chosen)


def evaluate(documents, chosen_lists, with_lcs=True):
    """Mean ROUGE-1/2/L F1 (x100) of the summaries made of `chosen_lists`' sentences (RL is 0 without `with_lcs`)."""
    totals = np.zeros(3)
    for document, chosen in zip(documents, chosen_lists):
        memo = document.setdefault("memo", {})
        key = (tuple(chosen), with_lcs)
        if key not in memo:
            words = [w for i in chosen for w in document["sentence_tokens"][i]]
            reference = document["reference_tokens"]
            if with_lcs:
                memo[key] = rouge(words, reference)
            else:
                memo[key] = (f1(ngrams(words, 1), document["reference_counts"][0]),
                             f1(ngrams(words, 2), document["reference_counts"][1]), 0.0)
        totals += memo[key]
    return totals / len(documents) * 100


def load(path, features_tool):
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    with tempfile.TemporaryDirectory() as work:
        flat = os.path.join(work, "flat.jsonl")
        out = os.path.join(work, "features.jsonl")
        with open(flat, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps({"id": r["id"], "text": flatten(r["text"])}) + "\n")
        subprocess.run([features_tool, flat, out, str(MAX_CANDIDATES)], check=True)
        with open(out, encoding="utf-8") as f:
            header = json.loads(f.readline())
            dumped = {d["id"]: d for d in map(json.loads, f)}
    documents = []
    for r in records:
        d = dumped.get(r["id"])
        if d is None or not d["sentences"]:
            continue
        d["reference_tokens"] = tokens(r["summary"])
        d["sentence_tokens"] = [tokens(s) for s in d["sentences"]]
        d["sentence_counts"] = [counts(t) for t in d["sentence_tokens"][:MAX_CANDIDATES]]
        d["reference_counts"] = counts(d["reference_tokens"])
        d["x"] = np.array(d["features"][:MAX_CANDIDATES], dtype=np.float64)
        d["cosines"] = np.array(d["cosines"], dtype=np.float32)
        documents.append(d)
    return header["names"], documents


def fit(documents, l2):
    x = np.vstack([d["x"] for d in documents])
    y = np.concatenate([d["labels"] for d in documents])
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std == 0] = 1.0
    w, b = train((x - mean) / std, y, l2)
    # Fold the standardisation into the weights, so run time applies them to raw features; float32 like Swift.
    weights = (w / std).astype(np.float32)
    bias = np.float32(b - np.sum(w * mean / std))
    return weights, bias


def scores_of(document, weights, bias):
    x = document["x"].astype(np.float32)
    return (x @ weights + bias).astype(np.float32)


def swift_float(value):
    """The shortest decimal that reads back as the same float32."""
    return np.format_float_positional(np.float32(value), unique=True, trim="0")


def write_swift(path, weights, bias, redundancy, candidates, names, figures):
    lines = [
        "// Generated by scripts/train-summarizer.py from news_train.jsonl; do not edit.",
        f"// Cross-validated ({figures['folds']} folds) ROUGE-1/2/L of 3-sentence summaries: "
        + f"{figures['model'][0]:.2f} / {figures['model'][1]:.2f} / {figures['model'][2]:.2f} "
        + f"(Lead-3 {figures['lead'][0]:.2f} / {figures['lead'][1]:.2f} / {figures['lead'][2]:.2f}).",
        "",
        "extension HighlightModel {",
        "    /// The model shipped with the `highlights` method.",
        "    static let trained = HighlightModel(",
        "        weights: [",
    ]
    for name, weight in zip(names, weights):
        lines.append(f"            {swift_float(weight)},  // {name}")
    lines += [
        "        ],",
        f"        bias: {swift_float(bias)},",
        f"        redundancy: {swift_float(redundancy)},",
        f"        candidates: {candidates}",
        "    )",
        "}",
        "",
    ]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", default=os.path.join(ROOT, "../shared/eval/summaries/news_train.jsonl"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--output", default=os.path.join(ROOT, "Sources/Stages/Summarize/HighlightModel+Trained.swift"))
    parser.add_argument("--features-tool", default=None, help="a built summary-features binary")
    args = parser.parse_args()

    tool = args.features_tool
    if tool is None:
        build = ["swift", "build", "--scratch-path", ".build-training"]
        subprocess.run(build + ["--product", "summary-features"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        bin_path = subprocess.run(build + ["--show-bin-path"], cwd=ROOT, check=True,
                                  capture_output=True, text=True).stdout.strip()
        tool = os.path.join(bin_path, "summary-features")
    names, documents = load(args.train, tool)
    print(f"features of {len(documents)} stories read", flush=True)
    for d in documents:
        d["labels"] = oracle(d)
    print(f"{len(documents)} training stories, {sum(len(d['labels']) for d in documents)} candidate sentences", flush=True)

    folds = [documents[i::args.folds] for i in range(args.folds)]
    lead = evaluate(documents, [list(range(min(SENTENCES, len(d["sentences"])))) for d in documents])
    print(f"Lead-3 on train: R1 {lead[0]:.2f} R2 {lead[1]:.2f} RL {lead[2]:.2f}")
    results = {}
    for l2 in L2_GRID:
        fold_scores = []
        for k in range(args.folds):
            rest = [d for j, fold in enumerate(folds) if j != k for d in fold]
            weights, bias = fit(rest, l2)
            fold_scores.append([scores_of(d, weights, bias) for d in folds[k]])
        for redundancy in REDUNDANCY_GRID:
            for candidates in CANDIDATE_GRID:
                chosen = []
                held = []
                for k in range(args.folds):
                    for d, s in zip(folds[k], fold_scores[k]):
                        chosen.append(select(s, d["cosines"], redundancy, candidates))
                        held.append(d)
                figure = evaluate(held, chosen, with_lcs=False)
                results[(l2, redundancy, candidates)] = (figure, chosen, held)
                print(f"l2 {l2:<5} redundancy {redundancy:<4} candidates {candidates:<3} "
                      f"CV R1 {figure[0]:.2f} R2 {figure[1]:.2f}", flush=True)
    # Choose by ROUGE-1 + ROUGE-2 (ties: the earlier, simpler setting), then score the choice with ROUGE-L too.
    keys = list(results)
    best = max(keys, key=lambda key: (round(float(results[key][0][0] + results[key][0][1]), 6), -keys.index(key)))
    l2, redundancy, candidates = best
    figure = evaluate(results[best][2], results[best][1])
    print(f"chosen: l2 {l2} redundancy {redundancy} candidates {candidates}: CV "
          f"R1 {figure[0]:.2f} R2 {figure[1]:.2f} RL {figure[2]:.2f}")
    weights, bias = fit(documents, l2)
    write_swift(args.output, weights, bias, redundancy, candidates, names,
                {"folds": args.folds, "model": figure, "lead": lead})
    print(f"wrote {os.path.relpath(args.output, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
