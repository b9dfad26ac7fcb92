"""Whether a sentence supports or challenges the hypothesis it matched.

Read near the matched terms: an explicit contradiction ("not really", "the
opposite"), negation shortly before a matched term, and a contrast word
("but", "though", "actually"). Only what follows the last contrast word
before a match counts, so "It's not the reports, but the tickets" is read on
"the tickets". A bare denial just before ("Not really. The report is
quick.") also challenges. For a hypothesis worded as an absence ("invisible", "lack"),
negation agrees with it instead of contradicting it. A sentence taken for
the answer it is in, with no matched term, challenges only on an explicit
contradiction; the "no" of a hyphenated word ("no-show") is not a negation.
On a practice the hypothesis denies ("they do no routine inspections"),
a sentence describing it challenges and a negated one supports.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from research_tool.cues import Hit, TermMatcher
from research_tool.lexicon import CONTRADICTION, CONTRAST, NEGATION
from research_tool.model import Stance

WINDOW = 4  # tokens before a matched term in which a negation counts
SHORT = 4  # words in a sentence that can be a bare denial


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
        against = self.against(span, hits, negative=negative)
        return "challenges" if against or self.denied_before(span) else "supports"

    def denied_stance(self, span: Any, hits: Sequence[Hit]) -> Stance:
        """Stance on a practice the hypothesis denies ("no routine inspections").

        Saying it is not done agrees; describing it done contradicts.
        """
        cues = [c for c in self._matcher(span) if not _in_compound(span.doc, c)]
        negated = any(
            c.label == "negation" and any(0 < h.start - c.start <= WINDOW for h in hits)
            for c in cues
        )
        return "supports" if negated else "challenges"

    def denied_before(self, span: Any) -> bool:
        """The sentence just before is a short denial ("No.", "Not really.")."""
        if span.start == 0:
            return False
        before = span.doc[span.start - 1].sent
        words = [t for t in before if t.is_alpha]
        if len(words) > SHORT or before.end != span.start:
            return False
        cues = self._matcher(before)
        return any(h.label in ("negation", "contradiction") for h in cues)

    def against(self, span: Any, hits: Sequence[Hit], *, negative: bool) -> bool:
        cues = [c for c in self._matcher(span) if not _in_compound(span.doc, c)]
        first = min((h.start for h in hits), default=span.end)
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


def _in_compound(doc: Any, cue: Hit) -> bool:
    """A cue word that is part of a hyphenated word ("no-show") is not a cue."""
    after = doc[cue.end] if cue.end < len(doc) else None
    return (
        after is not None
        and after.text == "-"
        and not doc[cue.end - 1].whitespace_
        and not after.whitespace_
    )
