#!/usr/bin/env python3
"""Writes crates/slant-core/data/names/given_name_sex.tsv from the U.S. Census
Bureau's 1990 name-frequency files `dist.male.first` and `dist.female.first`
(public domain; also shipped by the PyPI package `names` 0.3.0):

    python3 scripts/build_given_name_sex.py DIR_WITH_THE_TWO_FILES > crates/slant-core/data/names/given_name_sex.tsv

A name is kept when it is among the TOP most frequent of its sex and at least
SHARE of its bearers (frequency weighted, the two lists being of equal-sized
populations) are of that sex; names common to both (Jordan, Jean) are left out,
so their gender stays unknown.

The names are written front-coded as scripts/group_words.py writes words (a
line per sex and initial: "M<TAB>Aaron 4bdul 3e l" = Aaron, Abdul, Abe, Abel),
which costs the page's wasm about 1 KB less gzipped than a name and a sex per line.
"""
import sys

from group_words import front_code

TOP = 1000
SHARE = 0.9


def read(path):
    out = {}
    for line in open(path):
        parts = line.split()
        if len(parts) == 4:
            out[parts[0].capitalize()] = (float(parts[1]), int(parts[3]))
    return out


def main():
    d = sys.argv[1]
    male, female = read(f"{d}/dist.male.first"), read(f"{d}/dist.female.first")
    print("# Given names by the sex of most of their bearers, for agreement of he/she with a named person.")
    print("# source: U.S. Census Bureau, 1990 Census name files dist.male.first and dist.female.first (public domain),")
    print(f"#   the {TOP} most frequent names of each sex whose bearers are at least {SHARE:.0%} of that sex;")
    print("#   built by scripts/build_given_name_sex.py.")
    print("# licence: public domain data; this file is MIT like the rest of slant.")
    print("# columns: sex (M or F)<TAB>the names of one initial, sorted and front-coded: the first is written whole,")
    print("#   each later one as how many letters to drop from the end of the name before it (none when absent) and")
    print("#   the letters to add (\"Aaron 4bdul 3e l\" = Aaron, Abdul, Abe, Abel; see scripts/group_words.py).")
    rows = []
    for own, other, sex in ((male, female, "M"), (female, male, "F")):
        for name, (freq, rank) in own.items():
            if rank > TOP:
                continue
            o = other.get(name, (0.0, 0))[0]
            if freq / (freq + o) >= SHARE:
                rows.append((name, sex))
    for sex in "MF":
        names = sorted(name for name, s in rows if s == sex)
        for initial in sorted({name[0] for name in names}):
            print(f"{sex}\t{front_code([n for n in names if n[0] == initial])}")


main()
