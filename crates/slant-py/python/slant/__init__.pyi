from typing import Any, Optional, Sequence

Analysis = dict[str, Any]
"""The analysis contract (README, "The analysis JSON"), offsets in code points."""
SentenceReport = dict[str, Any]
"""One final sentence: {"sentence", "mentions", "cues"}, offsets in code points."""

def analyze(text: str, *, max_sentence_bytes: Optional[int] = None) -> Analysis:
    """Analyses one text: sentences, entities with their framing, cues, summary.

    max_sentence_bytes below 64 raises ValueError; a non-str text raises TypeError.
    """

def analyze_many(
    texts: Sequence[str], jobs: Optional[int] = None, *, max_sentence_bytes: Optional[int] = None
) -> list[Analysis]:
    """Analyses many texts on `jobs` threads (default: every core), without the GIL.

    Results are in input order and equal to calling analyze() on each text.
    jobs=0 raises ValueError.
    """

class Analyzer:
    """Streaming analysis: feed chunks, get sentences as soon as they are final."""

    def __init__(self, *, max_sentence_bytes: Optional[int] = None) -> None: ...
    def feed(self, chunk: str) -> list[SentenceReport]:
        """Adds a chunk; returns the sentence reports that became final.

        Offsets count code points from the start of all text fed so far.
        """
    def finish(self) -> Analysis:
        """Ends the text; returns the whole analysis. The analyzer cannot be fed afterwards."""
