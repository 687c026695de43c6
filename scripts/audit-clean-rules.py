#!/usr/bin/env python3
"""Leave-site-out audit of the clean rules' vocabulary on the wild development set.

  python3 scripts/audit-clean-rules.py [--eval ../shared/eval] [--json AUDIT.json] [--only-effective] [--out-dir DIR]

Builds Tools/clean-audit with -DCLEAN_AUDIT in .build-audit (release), then switches each entry of each word,
phrase and lead list of the rules off (Sources/Stages/Clean/CleanRuleAudit.swift) and cleans wild/dev.jsonl again.
An entry's credit is what the run without it loses against the full rules, per site:

  sites+   sites where the entry removes more labelled dirt items than it lets through (net, the scorer's items)
  items    dirt items the entry removes, net, over the whole set
  art-     article characters (aligned, as ../shared/eval/score.py counts them) the entry removes
  sites-   sites where it removes article characters

A whole list is first switched off at once; the entries of a list without effect are not run one by one. Entries
that only repeat another entry's work show no effect (one at a time), so a list can hold more than its credit says.

Switching entries off one at a time cannot see an entry whose work another rule repeats, so a second table lists,
for every entry of the phrase lists, the sites whose labelled dirt lines (and whose article lines) hold it as text.

Then the figures for the issue's question (does a rule generalise to other sites):
  in-sample                  the full rules;
  leave-site-out (one-site)  each site's documents cleaned without the entries whose only helped site is that site;
  leave-site-out (strict)    each site's documents cleaned with only the entries that help at least one OTHER
                             site: every other entry of every list the rules consulted is switched off, including
                             entries with no effect of their own (a lower bound: entries that repeat each other's
                             work are both lost).
The three are sums over every document, as ../shared/eval/score.py adds them up; --out-dir writes the outputs so
the scorer itself can be run on them.
All print per kind with the scorer's definitions. Development time only: the product never runs Python.
"""
import argparse
import collections
import concurrent.futures
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = ["swift", "build", "-c", "release", "--build-path", ".build-audit", "-Xswiftc", "-DCLEAN_AUDIT",
         "-Xswiftc", "-enable-testing",
         "--product", "clean-audit"]


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Runner:
    """Runs the audit build of the cleaner over the gold set with some entries switched off."""

    def __init__(self, tool, gold_path, work):
        self.tool, self.gold_path, self.work = tool, gold_path, work
        self.count = 0

    def run(self, disabled, lists_path=None):
        self.count += 1
        out = os.path.join(self.work, f"out-{os.getpid()}-{self.count}-{abs(hash(tuple(disabled)))}.jsonl")
        env = dict(os.environ, CLEAN_AUDIT_DISABLE="\n".join(f"{place}\t{entry}" for place, entry in disabled))
        command = [self.tool, self.gold_path, "dirty", out] + ([lists_path] if lists_path else [])
        subprocess.run(command, env=env, check=True)
        texts = {r["id"]: r["text"] for r in load_jsonl(out)}
        os.remove(out)
        return texts


class Scorer:
    """Per-document figures with ../shared/eval/score.py's own alignment and item test."""

    def __init__(self, score_module, gold):
        self.s, self.gold = score_module, gold
        self.cache = {}

    def document(self, g, text):
        key = (g["id"], text)
        if key not in self.cache:
            matched, clean, output = self.s._aligned(g["clean"], text)
            seen = collections.Counter()
            items = []
            lines = g["dirty"].split("\n")
            for item in g.get("removed", []):
                k = (item["text"], item.get("part", False))
                seen[k] += 1
                probe = lines[item["line"]] if item.get("part") else item["text"]
                left = self.s._copies(probe, text) - self.s._copies(probe, g["clean"]) >= seen[k]
                items.append(not left)
            dirt = sum(len(w) for w in g["dirty"].split()) - clean
            self.cache[key] = (matched, clean, output, dirt, items)
        return self.cache[key]

    def totals(self, texts):
        m = c = o = dirt = 0
        kinds = collections.defaultdict(lambda: [0, 0])
        for g in self.gold:
            mm, cc, oo, dd, items = self.document(g, texts.get(g["id"], ""))
            m, c, o, dirt = m + mm, c + cc, o + oo, dirt + dd
            for item, removed in zip(g.get("removed", []), items):
                kinds[item["kind"]][0] += 1
                kinds[item["kind"]][1] += int(removed)
        items = [sum(v[0] for v in kinds.values()), sum(v[1] for v in kinds.values())]
        return {
            "kept": m / c, "removed": 1 - (o - m) / dirt, "items": items[1] / items[0],
            "kinds": {k: v for k, v in sorted(kinds.items(), key=lambda x: -x[1][0])},
        }


def site_of(g):
    return g.get("site") or "(unknown site)"


def list_name(place):
    """`Stages/File.swift:LINE` -> `File.name` read from the source at that line."""
    file, line = place.rsplit(":", 1)
    module, name = file.split("/", 1)  # #fileID is MODULE/FILE.swift; the file may sit in a folder of the module
    path = next(os.path.join(folder, name) for folder, _, files in sorted(os.walk(os.path.join(ROOT, "Sources", module)))
                if name in files)
    lines = open(path, encoding="utf-8").read().split("\n")
    index = int(line) - 1
    base = os.path.basename(file).removesuffix(".swift")
    if "configuration.boilerplatePhrases" in lines[index]:
        return "CleanConfiguration.defaultBoilerplatePhrases"
    for probe in range(index, max(-1, index - 4), -1):
        found = re.search(r"\blet (\w+)", lines[probe]) or re.search(r"^\s*(\w+) = ", lines[probe])
        if found:
            return f"{base}.{found.group(1)}"
    return f"{base}:{line}"


# Phrase lists, and how their entries are matched: anywhere in a line, at its start, or as the whole line.
PHRASE_LISTS = {
    "CleanConfiguration.defaultBoilerplatePhrases": "anywhere", "BoilerplateLineClassifier.creditMatcher": "anywhere",
    "ArticleEdgeRules.tailMatcher": "anywhere", "BoilerplateLineClassifier.teaserPrefixes": "start",
    "ArticleEdgeRules.sourceLeads": "start", "ArticleEdgeRules.pointerLeads": "start",
    "ArticleEdgeRules.releaseLeads": "start", "ArticleEdgeRules.linkLabels": "start",
    "ArticleEdgeRules.releaseNoteHeadings": "line",
}


def fold(text):
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def occurrences(gold, lists):
    """Where each phrase-list entry occurs in the set's text, whatever the rules do with it: the sites whose
    labelled dirt lines hold it, and the sites whose article lines (the gold `clean`) hold it. This sees entries
    whose work another rule repeats, which switching entries off one at a time cannot."""
    table = {}
    lines = []  # (site, is_dirt, folded line)
    for g in gold:
        dirt = {item["line"] for item in g.get("removed", []) if not item.get("part")}
        for index, line in enumerate(g["dirty"].split("\n")):
            if index in dirt and line.strip():
                lines.append((site_of(g), True, fold(line.strip())))
        for line in g["clean"].split("\n"):
            if line.strip():
                lines.append((site_of(g), False, fold(line.strip())))
    for place, entries in lists.items():
        mode = PHRASE_LISTS.get(list_name(place))
        if mode is None:
            continue
        for entry in dict.fromkeys(entries):
            phrase = fold(entry)
            dirt_sites, article_sites = set(), set()
            for site, is_dirt, line in lines:
                hit = (phrase in line if mode == "anywhere" else line.startswith(phrase) if mode == "start"
                       else line.rstrip(":") == phrase)
                if hit:
                    (dirt_sites if is_dirt else article_sites).add(site)
            table[(place, entry)] = (sorted(dirt_sites), sorted(article_sites))
    return table


def effect(scorer, gold, base, ablated):
    """What the entry switched off in `ablated` was doing in `base`, per site."""
    per_site = collections.defaultdict(lambda: [0, 0])  # site -> [net items, article chars]
    for g in gold:
        b, a = base.get(g["id"], ""), ablated.get(g["id"], "")
        if a == b:
            continue
        mb, _, _, _, ib = scorer.document(g, b)
        ma, _, _, _, ia = scorer.document(g, a)
        site = per_site[site_of(g)]
        site[0] += sum(ib) - sum(ia)
        site[1] += ma - mb
    return per_site


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=os.path.join(ROOT, "..", "shared", "eval"))
    parser.add_argument("--json", help="write the audit (every entry with an effect) to this file")
    parser.add_argument("--only-effective", action="store_true", help="print only entries with an effect")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out-dir", help="write the in-sample and leave-site-out outputs ({id, text}) here, for "
                        "../shared/eval/score.py cleaning")
    args = parser.parse_args()

    gold_path = os.path.join(args.eval, "wild", "dev.jsonl")
    spec = importlib.util.spec_from_file_location("score", os.path.join(args.eval, "score.py"))
    score_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score_module)
    gold = load_jsonl(gold_path)

    subprocess.run(BUILD, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(BUILD[:-2] + ["--show-bin-path"], cwd=ROOT, check=True, capture_output=True,
                              text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as work:
        runner = Runner(os.path.join(bin_path, "clean-audit"), gold_path, work)
        scorer = Scorer(score_module, gold)
        lists_path = os.path.join(work, "lists.json")
        base = runner.run([], lists_path)
        lists = json.load(open(lists_path, encoding="utf-8"))

        def ablate(disabled):
            return disabled, effect(scorer, gold, base, runner.run(disabled))

        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            whole = dict(pool.map(lambda place: (place, ablate([(place, "*")])[1]), sorted(lists)))
            jobs = [[(place, entry)] for place in sorted(lists) if whole[place]
                    for entry in dict.fromkeys(lists[place])]
            results = list(pool.map(ablate, jobs))

        rows = []
        for disabled, per_site in results:
            place, entry = disabled[0]
            helped = sorted(s for s, (items, _) in per_site.items() if items > 0)
            hurt = sorted(s for s, (_, chars) in per_site.items() if chars > 0)
            rows.append({
                "list": list_name(place), "place": place, "entry": entry, "helped": helped, "hurt": hurt,
                "items": sum(v[0] for v in per_site.values()), "article": sum(v[1] for v in per_site.values()),
            })

        print(f"{'list':<48} {'entry':<34} sites+ items  art- sites-  helped sites")
        for place in sorted(lists, key=list_name):
            name = list_name(place)
            if not whole[place]:
                if not args.only_effective:
                    print(f"{name:<48} {'(whole list: no effect on dev)':<34}")
                continue
            for row in (r for r in rows if r["place"] == place):
                if args.only_effective and not (row["helped"] or row["hurt"] or row["items"]):
                    continue
                sites = ", ".join(row["helped"][:3]) + (" ..." if len(row["helped"]) > 3 else "")
                print(f"{name:<48} {row['entry'][:34]:<34} {len(row['helped']):>6} {row['items']:>5} "
                      f"{row['article']:>5} {len(row['hurt']):>6}  {sites}")

        found = occurrences(gold, lists)
        print(f"\n{'phrase list':<48} {'entry':<34} dirt-sites article-sites  (text occurrences, any rule)")
        for (place, entry), (dirt_sites, article_sites) in sorted(found.items(), key=lambda x: list_name(x[0][0])):
            if args.only_effective and not dirt_sites and not article_sites:
                continue
            print(f"{list_name(place):<48} {entry[:34]:<34} {len(dirt_sites):>10} {len(article_sites):>13}  "
                  f"{', '.join(dirt_sites[:3])}{' ...' if len(dirt_sites) > 3 else ''}")
        one_site_phrases = sum(1 for d, _ in found.values() if len(d) == 1)
        print(f"phrase entries: {len(found)}; in the dirt of one dev site only: {one_site_phrases}; of none: "
              f"{sum(1 for d, _ in found.values() if not d)}")

        effective = [r for r in rows if r["helped"] or r["hurt"] or r["items"]]
        single = [r for r in rows if len(r["helped"]) == 1]
        harmful = [r for r in rows if not r["helped"] and r["hurt"]]
        print(f"\nlists: {len(lists)} ({sum(1 for p in lists if whole[p])} with an effect); entries run one by one: "
              f"{len(rows)}; with an effect: {len(effective)}; helping one site only: {len(single)}; helping "
              f"two or more: {sum(1 for r in rows if len(r['helped']) >= 2)}; removing article text and helping "
              f"none: {len(harmful)}; cleaner runs: {runner.count}")

        # Leave-site-out, two ways. "one-site": each site's documents cleaned without the entries whose only
        # helped site is that site. "strict": each site's documents cleaned with only the entries that help at
        # least one other site (every other entry of every list switched off, including entries with no effect
        # of their own; entries that only repeat each other's work are then both lost, so this is a lower bound).
        by_site = collections.defaultdict(list)
        for r in single:
            by_site[r["helped"][0]].append((r["place"], r["entry"]))
        helped_by = collections.defaultdict(set)
        for r in rows:
            helped_by[(r["place"], r["entry"])] |= set(r["helped"])
        every = [(place, entry) for place in sorted(lists) for entry in dict.fromkeys(lists[place])]
        sites = sorted({site_of(g) for g in gold})
        loso, strict = dict(base), dict(base)
        for site in sites:
            members = [g for g in gold if site_of(g) == site]
            if by_site.get(site):
                texts = runner.run(by_site[site])
                for g in members:
                    loso[g["id"]] = texts.get(g["id"], "")
            off = [key for key in every if not (helped_by.get(key, set()) - {site})]
            texts = runner.run(off)
            for g in members:
                strict[g["id"]] = texts.get(g["id"], "")
        for label, texts in (("in-sample", base), ("leave-site-out (one-site)", loso),
                             ("leave-site-out (strict)", strict)):
            t = scorer.totals(texts)
            kinds = ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in t["kinds"].items())
            print(f"{label:>26}: items {t['items']:.3f}, chars removed {t['removed']:.4f}, kept {t['kept']:.4f}; "
                  f"{kinds}")
            if args.out_dir:
                name = label.replace(" ", "-").replace("(", "").replace(")", "")
                with open(os.path.join(args.out_dir, f"{name}.jsonl"), "w", encoding="utf-8") as f:
                    for g in gold:
                        f.write(json.dumps({"id": g["id"], "text": texts.get(g["id"], "")}, ensure_ascii=False)
                                + "\n")
        if args.json:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump({"entries": effective, "single_site": single, "lists": {list_name(p): lists[p] for p in lists},
                           "runs_one_by_one": len(rows)}, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
