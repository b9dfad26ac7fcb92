"""Opportunities merged across interviews and ranked by breadth, then strength.

Two opportunities are the same need when their words, once "Users need a
way to" and common words are set aside, overlap enough. Grouping walks the
opportunities in a fixed order, so the same snapshots always give the same
groups and the same wording.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from research_tool.model import Opportunity, Snapshot
from research_tool.report.quotes import Quote, one_line, strongest_first
from research_tool.report.words import similarity, words

PREFIX = "Users need a way to "
_PREFIX = re.compile(r"^\s*(?:users?\s+need\s+(?:a\s+way\s+)?to\s+)", re.IGNORECASE)
STRENGTH_SCORE = {"strong": 3, "medium": 2, "weak": 1}
SAME_NEED = 0.5  # word overlap at which two opportunities are one need

# Finds the quote behind an opportunity (or None when it is left out).
QuoteFor = Callable[[Snapshot, Opportunity], Quote | None]


@dataclass(frozen=True)
class MergedOpportunity:
    text: str
    participants: tuple[str, ...]
    strength: str  # the strongest rating any participant's snapshot gave
    score: int  # the sum of ratings over the merged opportunities
    variants: int
    quotes: tuple[Quote, ...]


@dataclass
class _Group:
    key: frozenset[str]
    text: str
    items: list[tuple[Snapshot, Opportunity]]


def need_text(text: str) -> str:
    """``"users need to see X."`` -> ``"Users need a way to see X"``."""
    text = one_line(text).rstrip(".")
    match = _PREFIX.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    return PREFIX + rest if rest else text


def merge(
    snapshots: Sequence[Snapshot], quote_for: QuoteFor
) -> list[MergedOpportunity]:
    """Group near-duplicate opportunities and rank the groups."""
    items = [
        (s, o) for s in snapshots for o in s.opportunities if o.opportunity.strip()
    ]
    items.sort(key=lambda item: (need_text(item[1].opportunity), str(item[0].path)))

    groups: list[_Group] = []
    for snapshot, opportunity in items:
        key = words(_PREFIX.sub("", opportunity.opportunity))
        group = next((g for g in groups if similarity(g.key, key) >= SAME_NEED), None)
        if group is None:
            groups.append(_Group(key, need_text(opportunity.opportunity), []))
            group = groups[-1]
        group.items.append((snapshot, opportunity))

    merged = [_merged(group, quote_for) for group in groups]
    merged.sort(key=lambda m: (-len(m.participants), -m.score, m.text))
    return merged


def _merged(group: _Group, quote_for: QuoteFor) -> MergedOpportunity:
    scores = [STRENGTH_SCORE.get(o.strength.strip().lower(), 0) for _, o in group.items]
    quotes = [quote_for(s, o) for s, o in group.items]
    best = max(scores)
    strength = {3: "Strong", 2: "Medium", 1: "Weak"}.get(best, "Unrated")

    return MergedOpportunity(
        text=group.text,
        participants=tuple(sorted({s.participant_id for s, _ in group.items})),
        strength=strength,
        score=sum(scores),
        variants=len({need_text(o.opportunity) for _, o in group.items}),
        quotes=tuple(strongest_first(q for q in quotes if q is not None)[:3]),
    )
