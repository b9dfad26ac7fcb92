"""Whether a sentence supports or challenges the hypothesis it matched.

Read near the matched terms: an explicit contradiction ("not really", "the
opposite"), negation shortly before a matched term, and a contrast word
("but", "though", "actually"). Only what follows the last contrast word
before a match counts, so "It's not the reports, but the tickets" is read on
"the tickets". For a hypothesis worded as an absence ("invisible", "lack"),
negation agrees with it instead of contradicting it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from research_tool.cues import Hit, TermMatcher
from research_tool.lexicon import CONTRADICTION, CONTRAST, NEGATION
from research_tool.model import Stance

WINDOW = 4  # tokens before a matched term in which a negation counts


class StanceReader:
    """Stance cues compiled once."""

    def __init__(self, nlp: Any) -> None:
        self._matcher = TermMatcher(
            nlp,
            {
                "negation": NEGATION,
                "contrast": CONTRAST,
                "contradiction": CONTRADICTION,
            },
        )

    def stance(self, span: Any, hits: Sequence[Hit], *, negative: bool) -> Stance:
        """``challenges`` when the cues say the opposite of the hypothesis."""
        return (
            "challenges" if self.against(span, hits, negative=negative) else "supports"
        )

    def against(self, span: Any, hits: Sequence[Hit], *, negative: bool) -> bool:
        cues = self._matcher(span)
        first = min(h.start for h in hits)
        contrasts = [c.start for c in cues if c.label == "contrast" and c.start < first]
        scope = max(contrasts, default=span.start)

        if any(c.label == "contradiction" and c.start >= scope for c in cues):
            return True
        negated = any(
            c.label == "negation"
            and c.start >= scope
            and any(0 < h.start - c.start <= WINDOW for h in hits)
            for c in cues
        )
        return negated and not negative
