"""Follow-ups: untested hypotheses, each with the guide probe closest to it.

Closeness is plain word overlap (content words, a crude plural fold), so
``research status`` never needs spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from research_tool.model import Plan
from research_tool.plans import guide_question_lines
from research_tool.rollup import Rollup

_WORD = re.compile(r"[a-z][a-z'-]*")
STOPWORDS = frozenset(
    re.findall(
        r"\S+",
        """a about after all an and any are as at be because been before but by can
        could did do does for from get had has have how i if in into is it its me
        more most my no not of on one or our so than that the their them then there
        these they this to too up was we were what when where which who why will
        with would you your yours""",
    )
)


@dataclass(frozen=True)
class FollowUp:
    number: int
    hypothesis: str
    probe: str | None  # the discussion-guide question sharing most words
    probe_line: int | None


def follow_ups(plan: Plan, rollup: Rollup) -> list[FollowUp]:
    """Hypotheses no interview has evidence for, with a probe to ask next."""
    probes = [
        (line, text, content_words(text)) for line, text in guide_question_lines(plan)
    ]
    found = []
    for result in rollup.hypotheses:
        if result.status != "UNTESTED":
            continue
        words = content_words(result.text)
        best = max(probes, key=lambda p: len(words & p[2]), default=None)
        if best is None or not words & best[2]:
            found.append(FollowUp(result.number, result.text, None, None))
        else:
            found.append(FollowUp(result.number, result.text, best[1], best[0]))
    return found


def content_words(text: str) -> set[str]:
    """Lower-case words of ``text`` without stopwords, plurals folded."""
    words = set()
    for word in _WORD.findall(text.lower()):
        word = word.strip("'-")
        if len(word) < 3 or word in STOPWORDS:
            continue
        if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        words.add(word)
    return words
