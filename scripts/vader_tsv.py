#!/usr/bin/env python3
"""Regenerates crates/slant-core/data/lexicons/vader.tsv from VADER's
vader_lexicon.txt (MIT, vaderSentiment 3.3.2; pip's vaderSentiment ships it).

Keeps each word's mean valence and only entries made of lower-case letters,
hyphens and apostrophes (emoticons and symbol entries dropped); where a word
is listed twice the later line wins, as it did when the lexicon read the
lines in turn. The words are written front-coded as scripts/group_words.py
writes them, 100 to a line, with their valences in the same order after a
tab: gzip packs the words of a sorted list and a column of numbers far
tighter than word-valence pairs (20.6 KB of the page's gzipped wasm instead
of 29.7 KB). The loader is `Lexicon::build` (resources/lexicon.rs).

Usage: python3 scripts/vader_tsv.py /path/to/vader_lexicon.txt
(a file already in word<TAB>valence form is read the same way).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from group_words import front_code  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "slant-core", "data", "lexicons", "vader.tsv")
PER_LINE = 100
HEADER = """# VADER sentiment lexicon: each word's mean valence (-4..+4).
# Source: VADER (Hutto & Gilbert, ICWSM 2014), vaderSentiment 3.3.2, file vader_lexicon.txt.
# Licence: MIT, Copyright (c) 2016 C.J. Hutto; the notice is in vader_LICENSE.txt next to this file.
# Reduced to word and mean valence, and to entries made of letters, hyphens and apostrophes
# (emoticons and symbol entries dropped), to keep the library small.
# Format: sorted words, 100 to a line, front-coded (see scripts/group_words.py: "abandon ed 2ing"
# is abandon, abandoned, abandoning), then a tab and the words' valences in the same order.
# Generated, do not edit: regenerate with scripts/vader_tsv.py /path/to/vader_lexicon.txt
"""


def main(path):
    valence = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and re.fullmatch(r"[a-z][a-z'-]*", cols[0]):
                valence[cols[0]] = cols[1]
    words = sorted(valence)
    lines = []
    for i in range(0, len(words), PER_LINE):
        chunk = words[i : i + PER_LINE]
        lines.append(front_code(chunk) + "\t" + " ".join(valence[w] for w in chunk))
    with open(OUT + ".tmp", "w", encoding="utf-8") as f:
        f.write(HEADER + "\n".join(lines) + "\n")
    os.replace(OUT + ".tmp", OUT)


if __name__ == "__main__":
    main(sys.argv[1])
