#!/usr/bin/env python3
"""Writes a one-word-per-line list front-coded, as the page's wasm stores it.

The words are sorted; each line holds the words of one two-letter start.
A line opens with a whole word; every later word is written as the number of
letters to drop from the end of the word before it (left out when 0) and the
letters to add: "abandon ed 2ing 3ment 4s" stands for abandon, abandoned,
abandoning, abandonment, abandons. gzip finds the letters a sorted list
repeats only a few bytes back, so crates/slant-core/data/names/common_words.tsv
costs the page about 48 KB gzipped instead of 72 KB grouped by suffixes.
The loader (resources/gazetteer.rs, lexical/words.rs) expands each line again.

Usage: python3 scripts/group_words.py < words.txt > coded.txt
"""
import sys


def front_code(words):
    """Sorted words as one front-coded line (the first written whole)."""
    out, prev = [], None
    for word in words:
        if prev is None:
            out.append(word)
        else:
            n = 0
            while n < min(len(prev), len(word)) and prev[n] == word[n]:
                n += 1
            drop = len(prev) - n
            out.append((str(drop) if drop else "") + word[n:])
        prev = word
    return " ".join(out)


def main():
    lines = {}
    for word in sorted({w.strip() for w in sys.stdin if w.strip()}):
        lines.setdefault(word[:2], []).append(word)
    print("\n".join(front_code(words) for words in lines.values()))


if __name__ == "__main__":
    main()
