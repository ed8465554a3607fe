"""slant: how a news article's wording frames the people and institutions it names.

Offsets in every result are Python str indices (code points), so
``text[x["start"]:x["end"]] == x["text"]`` holds.
"""

from ._slant import Analyzer, analyze, analyze_many

__all__ = ["Analyzer", "analyze", "analyze_many"]
