#!/usr/bin/env python3
"""Trains the clean stage's line model on the hand-labelled wild development set, cross-validated by site.

  scripts/train-clean-model.sh            # builds the feature writer, trains, writes the weights, prints figures

Steps: (0) article-only documents (--negatives: CNN training stories) are featurised the same way and added to
every fold as article lines with a small weight; (1) `clean-line-features` (Tools/) writes, per document, every repaired line with the rules' verdict, the
text it keeps and the line model's features (the Swift runtime's own feature code, so training and runtime agree);
(2) lines are aligned to the labelled `dirty` lines and labelled with their dirt kind (whole-line items only: the
partial ones are cut by BoilerplateLineTrimmer); (3) a multinomial logistic regression (L2, L-BFGS, fixed
iterations, no randomness) is trained on folds by site: each fold's sites are held out, the held-out lines are
judged, and the held-out documents are rebuilt and scored with ../shared/eval/score.py cleaning, which gives the
cross-validated figures; the threshold on P(article) is chosen on those cross-validated predictions (the smallest
removal that keeps >= 0.995 of the article); (4) the model trained on all lines is written to
Sources/Stages/Clean/BoilerplateLineModel+Weights.swift with weights rounded to 6 significant digits.

Deterministic: the same set and features give the same file byte for byte. Development time only: the product
never runs Python.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
from scipy.optimize import minimize

KINDS = ["article", "related", "footer", "caption", "ui", "contact", "byline", "social", "meta"]
# The wild set's labels onto the model's kinds; title and dup are left to the headline rules.
LABEL_KIND = {
    "related": "related", "footer": "footer", "caption": "caption", "ui": "ui", "ad": "ui", "embed": "ui",
    "contact": "contact", "byline": "byline", "share": "social", "follow": "social", "cta": "social",
    "newsletter": "social", "meta": "meta",
}
FOLDS = 5
ITERATIONS = 300


def norm(text):
    return " ".join(text.split())


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def labelled_lines(gold, dump):
    """Yields (doc index, line index in dump, kind, features or None) aligning the dump's lines to dirty lines."""
    dirty = [(i, norm(t)) for i, t in enumerate(gold["dirty"].split("\n")) if norm(t)]
    labels = {}
    for item in gold.get("removed", []):
        if not item.get("part"):
            labels[item["line"]] = LABEL_KIND.get(item["kind"])
    pointer = 0
    out = []
    for index, line in enumerate(dump["lines"]):
        text = norm(line["text"])
        found = None
        for probe in range(pointer, min(len(dirty), pointer + 4)):
            if dirty[probe][1] == text:
                found = probe
                break
        if found is None:
            found = min(pointer, len(dirty) - 1)
        pointer = found + 1
        kind = labels.get(dirty[found][0]) or "article"
        out.append((index, kind))
    return out


def softmax_loss(w, x, y, sample_weight, l2, classes):
    w = w.reshape(classes, x.shape[1])
    z = x @ w.T
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    n = x.shape[0]
    loss = -(sample_weight * np.log(p[np.arange(n), y] + 1e-300)).sum() + 0.5 * l2 * (w[:, 1:] ** 2).sum()
    p[np.arange(n), y] -= 1
    grad = (p * sample_weight[:, None]).T @ x
    grad[:, 1:] += l2 * w[:, 1:]
    return loss, grad.ravel()


def train(x, y, l2, dirt_weight, weight):
    classes = len(KINDS)
    sample_weight = np.where(y == 0, 1.0, dirt_weight) * weight
    w0 = np.zeros(classes * x.shape[1])
    result = minimize(softmax_loss, w0, args=(x, y, sample_weight, l2, classes), jac=True, method="L-BFGS-B",
                      options={"maxiter": ITERATIONS, "gtol": 1e-9, "ftol": 1e-12})
    return result.x.reshape(classes, x.shape[1])


def rounded(w):
    return np.array([[float(f"{v:.6g}") for v in row] for row in w], dtype=np.float32)


def article_probability(w, x):
    z = x.astype(np.float64) @ w.astype(np.float64).T
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p[:, 0] / p.sum(axis=1), z.argmax(axis=1)


def rebuild(dumps, decisions):
    """The cleaned text of every document: kept lines (minus cut furniture), one blank line between them."""
    out = []
    for d, dump in enumerate(dumps):
        kept = []
        for i, line in enumerate(dump["lines"]):
            removed = line["removed"]
            if line["features"]:
                if decisions.get((d, i)):
                    continue
            elif removed is not None:
                continue
            if line["kept"]:
                kept.append(line["kept"])
        out.append({"id": dump["id"], "text": "\n\n".join(kept)})
    return out


def score(gold_path, records, scorer):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
        path = f.name
    try:
        text = subprocess.run([sys.executable, scorer, "cleaning", gold_path, path], capture_output=True, text=True,
                              check=True).stdout
    finally:
        os.unlink(path)
    kept = float(re.search(r"article kept=([0-9.]+)", text).group(1))
    items = float(re.search(r"; all ([0-9.]+) of", text).group(1))
    return kept, items, text.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", default="../shared/eval/wild/dev.jsonl")
    parser.add_argument("--features", required=True, help="clean-line-features output for --gold")
    parser.add_argument("--output", default="Sources/Stages/Clean/BoilerplateLineModel+Weights.swift")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--dirt-weight", type=float, default=3.0)
    parser.add_argument("--target-kept", type=float, default=0.995)
    parser.add_argument("--negatives", help="clean-line-features output for article-only documents (every line is "
                        "article), added to every training fold; default: none")
    parser.add_argument("--negative-weight", type=float, default=0.05)
    args = parser.parse_args()
    scorer = os.path.join(os.path.dirname(os.path.abspath(args.gold)), "..", "score.py")

    gold = load_jsonl(args.gold)
    dumps = {d["id"]: d for d in load_jsonl(args.features)}
    dumps = [dumps[g["id"]] for g in gold]
    rows, xs, ys, sites = [], [], [], []
    for d, (g, dump) in enumerate(zip(gold, dumps)):
        for index, kind in labelled_lines(g, dump):
            features = dump["lines"][index]["features"]
            if not features:
                continue
            rows.append((d, index))
            xs.append([float(v) for v in features.split()])
            ys.append(KINDS.index(kind))
            sites.append(g["site"])
    x = np.array(xs, dtype=np.float64)
    y = np.array(ys)
    print(f"lines judged by the model: {len(y)} ({int((y != 0).sum())} dirt), features: {x.shape[1]}")
    negatives = [[float(v) for v in line["features"].split()] for dump in (load_jsonl(args.negatives) if args.negatives
                 else []) for line in dump["lines"] if line["features"]]
    xn = np.array(negatives, dtype=np.float64).reshape(len(negatives), x.shape[1])
    print(f"article-only lines added to every fold: {len(xn)} (weight {args.negative_weight})")

    def fit(mask):
        xs_ = np.vstack([x[mask], xn])
        ys_ = np.concatenate([y[mask], np.zeros(len(xn), dtype=int)])
        weight = np.concatenate([np.ones(int(mask.sum())), np.full(len(xn), args.negative_weight)])
        return rounded(train(xs_, ys_, args.l2, args.dirt_weight, weight))

    ordered = sorted(set(sites))
    fold_of_site = {site: i % FOLDS for i, site in enumerate(ordered)}
    fold = np.array([fold_of_site[s] for s in sites])
    cv_probability = np.zeros(len(y))
    cv_kind = np.zeros(len(y), dtype=int)
    for k in range(FOLDS):
        held = fold == k
        w = fit(~held)
        cv_probability[held], cv_kind[held] = article_probability(w, x[held])

    baseline = score(args.gold, rebuild(dumps, {}), scorer)
    print("rules only:\n  " + baseline[2].replace("\n", "\n  "))
    best = None
    for threshold in [0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1, 0.07, 0.05, 0.03, 0.02]:
        decisions = {rows[i]: True for i in range(len(y)) if cv_probability[i] < threshold}
        kept, items, text = score(args.gold, rebuild(dumps, decisions), scorer)
        print(f"threshold {threshold}: cross-validated by site ({FOLDS} folds): kept {kept:.4f} items {items:.3f}")
        if kept >= args.target_kept and best is None:
            best = (threshold, text)
    if best is None:
        best = (0.02, "none reached the target")
    threshold, text = best
    print(f"chosen threshold {threshold}; cross-validated by site:\n  " + text.replace("\n", "\n  "))

    w = fit(np.ones(len(y), dtype=bool))
    probability, _ = article_probability(w, x)
    decisions = {rows[i]: True for i in range(len(y)) if probability[i] < threshold}
    print("IN-SAMPLE (trained and scored on the same lines, not a quality figure):\n  "
          + score(args.gold, rebuild(dumps, decisions), scorer)[2].replace("\n", "\n  "))

    lines = [
        "// Generated by scripts/train-clean-model.sh from the wild development set; do not edit.",
        f"// {len(y)} lines ({int((y != 0).sum())} dirt), l2 {args.l2}, dirt weight {args.dirt_weight}, "
        f"{ITERATIONS} L-BFGS iterations, {len(xn)} article-only lines (weight {args.negative_weight}).",
        "",
        "extension BoilerplateLineModel {",
        "    /// The article probability under which the trained model removes a line (chosen on by-site folds).",
        f"    static let trainedThreshold = {threshold}",
        "",
        "    /// The trained weights, one row per ``Kind``, one column per ``BoilerplateLineFeatures`` feature.",
        "    static let trainedWeights: [Float] = [",
    ]
    for row, kind in zip(w, KINDS):
        lines.append(f"        // {kind}")
        values = [f"{float(v):.6g}" for v in row]
        for start in range(0, len(values), 8):
            lines.append("        " + ", ".join(values[start:start + 8]) + ",")
    lines += ["    ]", "}", ""]
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"wrote {args.output}: {w.size} weights")


if __name__ == "__main__":
    main()
