#!/usr/bin/env python3
"""Writes crates/slant-core/data/text/compose.tsv: the canonical compositions of
a Latin letter (U+00C0..U+024F, U+1E00..U+1EFF) and one combining accent
(U+0300..U+036F), from the Unicode Character Database as Python's unicodedata
gives it. A line per accent costs the page's wasm less than a line per
composition (hex compresses better there than the letters written out).
Usage: python3 scripts/build_compose_table.py > crates/slant-core/data/text/compose.tsv
"""
import unicodedata

print("# Canonical compositions of a Latin letter and one combining accent (U+0300..U+036F), so names written")
print("# with separate accents (NFD) read as the precomposed ones (NFC): e + U+0301 = é.")
print("# source: the Unicode Character Database (Unicode License v3) through Python's unicodedata, for")
print("#   U+00C0..U+024F and U+1E00..U+1EFF; written by scripts/build_compose_table.py.")
print("# columns: accent<TAB>letter:letter with that accent, space-separated; all as hex code points")
by_mark = {}
for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
    c = chr(cp)
    d = unicodedata.normalize("NFD", c)
    if len(d) < 2:
        continue
    base, mark = unicodedata.normalize("NFC", d[:-1]), d[-1]
    if len(base) == 1 and 0x300 <= ord(mark) <= 0x36F and unicodedata.normalize("NFC", base + mark) == c:
        by_mark.setdefault(mark, []).append(f"{ord(base):X}:{cp:X}")
for mark, pairs in by_mark.items():
    print(f"{ord(mark):X}\t{' '.join(pairs)}")
