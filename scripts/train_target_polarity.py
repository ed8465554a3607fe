#!/usr/bin/env python3
"""Trains slant's target-dependent polarity model (standard library only).

A multinomial logistic regression over the words of a sentence outside the
target mention ("a:" features), again for the words within NEAR words of it
("n:" features), plus the summed lexicon valence near and far. Neutral is the reference class, so each
feature has two weights: toward negative and toward positive.

Training data: NewsMTSC train (Hamborg & Donnay, EACL 2021; MIT licence),
newsmtsc_train.jsonl with fields text, target [start, end] (character offsets),
polarity (-1, 0, 1). Output: crates/slant-core/data/lexicons/target_model.tsv.

Usage: python3 scripts/train_target_polarity.py TRAIN.jsonl [DEV.jsonl]
Deterministic (fixed seed and order), so rerunning gives the same file.
"""
import json
import math
import os
import random
import re
import sys

NEAR = 4
MIN_COUNT = 4
EPOCHS = 12
L2 = 2e-4
RATE = 0.2
KEEP = 0.02  # weights smaller than this in both columns are dropped from the file

HERE = os.path.dirname(os.path.abspath(__file__))
LEX = os.path.join(HERE, "..", "crates", "slant-core", "data", "lexicons")
OUT = os.path.join(LEX, "target_model.tsv")
WORD = re.compile(r"[^\W_]+(?:[-'\u2019\u2011][^\W_]+)*")


def load_valence():
    val = {}
    for name in ("vader.tsv", "loaded.tsv"):
        for line in open(os.path.join(LEX, name), encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and " " not in cols[0]:
                try:
                    val[cols[0]] = float(cols[1])
                except ValueError:
                    pass
    return val


def features(text, start, end, val):
    """(feature, value) pairs for the target at character span start..end."""
    words = [(m.start(), m.end(), m.group().lower().replace("\u2019", "'").replace("\u2011", "-"))
             for m in WORD.finditer(text)]
    first = next((i for i, w in enumerate(words) if w[1] > start), len(words))
    last = next((i for i, w in enumerate(words) if w[0] >= end), len(words))
    feats = {"bias": 1.0}
    vn = vf = 0.0
    for i, (_, _, w) in enumerate(words):
        if first <= i < last:
            continue
        d = first - i if i < first else i - last + 1
        near = d <= NEAR
        feats["a:" + w] = 1.0
        if near:
            feats["n:" + w] = 1.0
        v = val.get(w, 0.0) / 4.0
        if near:
            vn += v
        else:
            vf += v
    feats["valence:near"] = vn
    feats["valence:far"] = vf
    return feats


def train(rows, val):
    counts = {}
    data = []
    for r in rows:
        f = features(r["text"], r["target"][0], r["target"][1], val)
        data.append((f, r["polarity"]))
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    keep = {k for k, c in counts.items() if c >= MIN_COUNT or k[:2] not in ("n:", "a:")}
    w = {}  # feature -> [neg, pos]
    g2 = {}
    rnd = random.Random(7)
    order = list(range(len(data)))
    for _ in range(EPOCHS):
        rnd.shuffle(order)
        for idx in order:
            f, y = data[idx]
            f = {k: v for k, v in f.items() if k in keep}
            zn = sum(w.get(k, (0.0, 0.0))[0] * v for k, v in f.items())
            zp = sum(w.get(k, (0.0, 0.0))[1] * v for k, v in f.items())
            m = max(0.0, zn, zp)
            en, ep, e0 = math.exp(zn - m), math.exp(zp - m), math.exp(-m)
            s = en + ep + e0
            pn, pp = en / s, ep / s
            gn = pn - (1.0 if y == -1 else 0.0)
            gp = pp - (1.0 if y == 1 else 0.0)
            for k, v in f.items():
                cur = w.setdefault(k, [0.0, 0.0])
                acc = g2.setdefault(k, [1e-8, 1e-8])
                for c, g in ((0, gn * v + L2 * cur[0]), (1, gp * v + L2 * cur[1])):
                    acc[c] += g * g
                    cur[c] -= RATE * g / math.sqrt(acc[c])
    return w


def predict(w, f):
    zn = sum(w.get(k, (0.0, 0.0))[0] * v for k, v in f.items())
    zp = sum(w.get(k, (0.0, 0.0))[1] * v for k, v in f.items())
    return -1 if zn > max(zp, 0.0) else (1 if zp > max(zn, 0.0) else 0)


def f1m(gold, pred):
    out = []
    for c in (-1, 0, 1):
        tp = sum(1 for g, p in zip(gold, pred) if g == p == c)
        pc = sum(1 for p in pred if p == c)
        gc = sum(1 for g in gold if g == c)
        pr, rc = (tp / pc if pc else 0.0), (tp / gc if gc else 0.0)
        out.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return sum(out) / 3


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    val = load_valence()
    rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
    w = train(rows, val)
    if len(sys.argv) > 2:
        dev = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
        for part in ("rw", "mt"):
            sub = [r for r in dev if r.get("set") == part]
            pred = [predict(w, features(r["text"], r["target"][0], r["target"][1], val)) for r in sub]
            print(f"{part}: F1m={f1m([r['polarity'] for r in sub], pred):.3f} (gold target spans)")
    kept = sorted((k, v) for k, v in w.items() if max(abs(v[0]), abs(v[1])) >= KEEP or k[:2] not in ("n:", "a:"))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Target-dependent polarity model: multinomial logistic regression, neutral as reference.\n")
        out.write("# feature<TAB>weight toward negative<TAB>weight toward positive\n")
        out.write(f"# a:WORD = word anywhere in the sentence outside the mention, n:WORD = within {NEAR} words of it;\n")
        out.write("# valence:near/far = summed lexicon valence (/4) near and far; bias = constant.\n")
        out.write("# Trained on NewsMTSC train (Hamborg & Donnay, EACL 2021; MIT licence) by\n")
        out.write("# scripts/train_target_polarity.py. Generated, do not edit: rerun the script.\n")
        for k, (a, b) in kept:
            out.write(f"{k}\t{a:.4f}\t{b:.4f}\n")
    print(f"wrote {len(kept)} features to {OUT}")


if __name__ == "__main__":
    main()
