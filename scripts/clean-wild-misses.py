#!/usr/bin/env python3
"""Lists what a clean run on the wild set left in and what article text it lost, by kind.

  python3 scripts/clean-wild-misses.py ../shared/eval/wild/dev.jsonl OUT.jsonl [KIND ...]

OUT is the clean stage's JSONL output ({id, text}), e.g. from `scripts/evaluate.sh clean-wild` or a pipeline with
`input: {text_field: dirty}`. Dirt items count as left the way ../shared/eval/score.py counts them; article lines
count as lost when none of their words' run of 3+ appears in the output. For finding the next general rule, not a
score: use score.py for figures.
"""
import collections
import json
import re
import sys


def words(text):
    return re.findall(r"\w+", text.lower())


def occurs(needle, haystack):
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1)) if n else True


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    gold = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    out = {r["id"]: r.get("text", "") for r in map(json.loads, open(sys.argv[2], encoding="utf-8")) if r}
    kinds = set(sys.argv[3:])
    left = collections.defaultdict(list)
    lost = []
    for g in gold:
        text = out.get(g["id"], "")
        tokens = words(text)
        for item in g.get("removed", []):
            if kinds and item["kind"] not in kinds:
                continue
            wanted = words(item["text"])
            if len(wanted) >= 3 and occurs(wanted, tokens) and not occurs(wanted, words(g["clean"])):
                left[item["kind"]].append((g["id"], item["line"], item["text"][:110]))
        for line in g["clean"].split("\n"):
            wanted = words(line)
            if len(wanted) >= 3 and not occurs(wanted, tokens):
                lost.append((g["id"], line[:110]))
    for kind, items in sorted(left.items(), key=lambda kv: -len(kv[1])):
        print(f"== left in: {kind} ({len(items)})")
        for item in items:
            print("  ", *item)
    print(f"== article lines lost ({len(lost)})")
    for item in lost:
        print("  ", *item)


if __name__ == "__main__":
    main()
