#!/usr/bin/env python3
"""Groups a one-word-per-line list into lines of a word and its suffixes.

"abandon ed ing ment s" stands for abandon, abandoned, abandoning,
abandonment, abandons: the same words in about two thirds of the space, so
crates/slant-core/data/names/common_words.tsv costs the page less.
The loader (entities/gazetteer.rs) expands each line again.

Usage: python3 scripts/group_words.py < words.txt > grouped.txt
"""
import sys

MIN_BASE = 3
MAX_SUFFIX = 6

out, base = [], None
for word in sorted({w.strip() for w in sys.stdin if w.strip()}):
    if base and word.startswith(base) and len(word) - len(base) <= MAX_SUFFIX and len(base) >= MIN_BASE:
        out[-1] += " " + word[len(base):]
    else:
        base = word
        out.append(word)
print("\n".join(out))
