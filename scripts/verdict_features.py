#!/usr/bin/env python3
"""Per-entity verdict features on the framing dev sets, for choosing verdict rules.

Runs the release CLI on NewsMTSC (dev, or train with --train), BASIL and PerSenT
(read from ../shared at run time; nothing of them is written into the
repository) and writes one JSON line per scored target: the set, the gold
class and what slant's matched entity shows — its class and score, the
context reading, how many sentences name it, the most any entity of the
article is named, and its cues (kind, polarity, text). The entity is matched
as `score_framing.py` matches it, so a rule simulated on these lines scores
as the real one would.

    python3 scripts/verdict_features.py OUT.jsonl [--train]
    python3 scripts/verdict_features.py --summary OUT.jsonl

`--summary` prints, per set, how often each cue kind's sign agrees with the
gold class: the figures behind the article-level rules in
crates/slant-core/src/aggregate.rs.
"""

import collections
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
sys.path.insert(0, os.path.join(SHARED, "tools"))
SLANT = os.path.join(ROOT, "target", "release", "slant")


def features(analysis, entity, text):
    if entity is None:
        return None
    named = lambda e: len({m["sentence"] for m in e["mentions"] if m.get("kind", "name") == "name"})
    fr = entity["framing"]
    return {
        "polarity": fr["polarity"],
        "score": fr["score"],
        "context": fr["context"]["score"],
        "context_words": len(fr["context"]["words"]),
        "sentences": named(entity),
        "most_named": max(named(e) for e in analysis["entities"]),
        "second_named": (sorted((named(e) for e in analysis["entities"]), reverse=True) + [0, 0])[1],
        "article_sentences": len(analysis.get("sentences", [])),
        "reference_sentences": len({m["sentence"] for m in entity["mentions"]} - {m["sentence"] for m in entity["mentions"] if m.get("kind", "name") == "name"}),
        "cues": [(c["kind"], c["polarity"], text[c["cs"]:c["ce"]])
                 for c in (analysis["cues"][i] for i in fr["cues"])],
    }


def by_name(analysis, name, norm):
    gold = norm(name)
    last = gold.split()[-1] if gold else gold
    found = []
    for e in analysis.get("entities", []):
        names = {norm(e.get("name", ""))} | {norm(m.get("text", "")) for m in e.get("mentions", [])
                                              if m.get("kind", "name") == "name"}
        if gold in names or any(n.split()[-1:] == [last] for n in names if n):
            found.append(e)
    return max(found, key=lambda e: len(e.get("mentions", []))) if found else None


def by_span(analysis, start, end):
    best, overlap = None, 0
    for e in analysis.get("entities", []):
        o = sum(max(0, min(end, m["ce"]) - max(start, m["cs"])) for m in e.get("mentions", []))
        if o > overlap:
            best, overlap = e, o
    return best


def dump(out_path, train):
    import score_framing as sf  # from ../shared/tools
    data = os.path.join(SHARED, "data", "framing")
    run = sf.CmdRunner(SLANT + " analyze --format json")
    with open(out_path, "w", encoding="utf-8") as out:
        def write(set_name, gold, f, name=None):
            out.write(json.dumps({"set": set_name, "gold": gold, "f": f, "name": name}) + "\n")

        newsmtsc = "newsmtsc_train.jsonl" if train else "newsmtsc_dev.jsonl"
        for line in open(os.path.join(data, newsmtsc), encoding="utf-8"):
            r = json.loads(line)
            a = run(r["text"])
            write("newsmtsc-" + r.get("set", "all"), r["polarity"], features(a, by_span(a, *r["target"]), r["text"]))
        if train:
            return
        for line in open(os.path.join(data, "basil_dev.jsonl"), encoding="utf-8"):
            r = json.loads(line)
            a = run(r["text"])
            for e in r["entities"]:
                write("basil", e["polarity"], features(a, by_name(a, e["name"], sf.norm_name), r["text"]), e["name"])
        for line in open(os.path.join(data, "persent_dev.jsonl"), encoding="utf-8"):
            r = json.loads(line)
            a = run(r["text"])
            write("persent", r["polarity"], features(a, by_name(a, r["entity"], sf.norm_name), r["text"]), r["entity"])


def summary(path):
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    sign = lambda x: (x > 0) - (x < 0)
    for set_name in sorted({r["set"] for r in rows}):
        these = [r for r in rows if r["set"] == set_name]
        print(f"== {set_name}: {len(these)} targets, gold {dict(collections.Counter(r['gold'] for r in these))}, "
              f"unmatched {sum(r['f'] is None for r in these)}")
        agree = collections.defaultdict(collections.Counter)
        for r in these:
            for kind, polarity, _ in (r["f"] or {}).get("cues", []):
                agree[(kind, sign(polarity))][r["gold"]] += 1
        for (kind, s), gold in sorted(agree.items()):
            n = sum(gold.values())
            print(f"   {kind:12s} {s:+d}: n={n:4d}  gold agrees {gold[s] / n:.2f}  {dict(sorted(gold.items()))}")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        sys.exit(__doc__)
    if "--summary" in sys.argv:
        summary(args[0])
    else:
        dump(args[0], "--train" in sys.argv)


if __name__ == "__main__":
    main()
