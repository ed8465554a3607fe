#!/bin/sh
# Regenerates crates/slant-core/data/lexicons/vader.tsv from VADER's vader_lexicon.txt
# (MIT, vaderSentiment 3.3.2): keeps word and mean valence, drops emoticons.
# Usage: scripts/vader_tsv.sh /path/to/vader_lexicon.txt
set -eu
out="$(dirname "$0")/../crates/slant-core/data/lexicons/vader.tsv"
{
  sed -n '1,6p' "$out" 2>/dev/null | grep '^#' || true
  awk -F'\t' '$1 ~ /^[a-z][a-z'"'"'-]*$/ {print $1"\t"$2}' "$1"
} > "$out.tmp"
mv "$out.tmp" "$out"
