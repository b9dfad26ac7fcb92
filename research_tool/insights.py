"""Candidate insight quotes and their type, from cue words on lemmas.

Each participant sentence is scored for each insight type by the cues it
holds (``lexicon.TYPE_CUES``): frustration and failure for pain-point,
necessity for need, wishes and conditionals for desire, habits and
frequency for behavior, compensating actions for workaround, reasons for
motivation. The best-scoring sentences become candidate insights, one type
each, near-duplicates dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from research_tool.cues import Hit, TermMatcher
from research_tool.lexicon import NOT_CUES, TYPE_CUES, TYPE_PRIORITY
from research_tool.passages import Passage

MIN_SCORE = 2.0
MIN_INSIGHTS = 8
MAX_INSIGHTS = 20
PER_INSIGHT = 10  # one insight per this many sentences, within the bounds
TYPE_SHARE = 0.4  # no type takes more of the insights than this
_SIMILAR = 0.6
_FIRST_PERSON = {"i", "we", "my", "me", "our", "us"}


@dataclass(frozen=True)
class Typing:
    """An insight type with the cue strength behind it."""

    type: str
    score: float
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Candidate:
    """A passage proposed as an insight."""

    passage: Passage
    typing: Typing

    @property
    def quote(self) -> str:
        return self.passage.text


class InsightTagger:
    """Types sentences; build once per pipeline, call for every passage."""

    def __init__(self, nlp: Any) -> None:
        groups = {
            f"{kind}:{weight}": phrases
            for kind, by_weight in TYPE_CUES.items()
            for weight, phrases in by_weight.items()
        }
        self._matcher = TermMatcher(nlp, groups)
        self._not_cues = TermMatcher(nlp, {"not": NOT_CUES})

    def typing(self, span: Any) -> Typing | None:
        """The strongest type of ``span``, or None when no cue is found."""
        scores: dict[str, float] = {}
        cues: dict[str, list[str]] = {}
        seen: set[tuple[str, int, int]] = set()
        masked = {i for h in self._not_cues(span) for i in range(h.start, h.end)}
        for hit in _outermost(self._matcher(span)):
            if masked & set(range(hit.start, hit.end)):
                continue  # "so that's", "must have been": the words, not the cue
            kind, weight = hit.label.rsplit(":", 1)
            if (kind, hit.start, hit.end) in seen:
                continue  # two spellings of one cue ("has to", "have to")
            seen.add((kind, hit.start, hit.end))
            cues.setdefault(kind, []).append(hit.term)
            scores[kind] = scores.get(kind, 0.0) + float(weight)

        if not scores:
            return None
        best = max(scores.values())
        kind = next(k for k in TYPE_PRIORITY if scores.get(k) == best)
        return Typing(kind, best + _voice_bonus(span), tuple(cues[kind]))

    def candidates(self, passages: Sequence[Passage]) -> list[Candidate]:
        """The best-typed passages, strongest first, near-duplicates dropped."""
        scored = []
        for passage in passages:
            typing = self.typing(passage.span)
            if typing is not None and typing.score >= MIN_SCORE:
                scored.append(Candidate(passage, typing))
        scored.sort(key=lambda c: (-c.typing.score, c.passage.index))

        limit = insight_limit(len(passages))
        per_type = max(2, round(limit * TYPE_SHARE))
        chosen: list[Candidate] = []
        seen: list[set[str]] = []
        for candidate in scored:
            words = _content(candidate.passage)
            same = sum(1 for c in chosen if c.typing.type == candidate.typing.type)
            if same >= per_type or any(_jaccard(words, w) > _SIMILAR for w in seen):
                continue
            chosen.append(candidate)
            seen.append(words)
            if len(chosen) >= limit:
                break
        return chosen


def insight_limit(passage_count: int) -> int:
    """How many insights an interview of ``passage_count`` sentences gets."""
    return max(MIN_INSIGHTS, min(MAX_INSIGHTS, passage_count // PER_INSIGHT))


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop a hit that lies inside a longer hit of the same type."""
    kept = []
    for hit in hits:
        kind = hit.label.split(":")[0]
        inside = any(
            other is not hit
            and other.label.split(":")[0] == kind
            and other.start <= hit.start
            and hit.end <= other.end
            and (other.end - other.start) > (hit.end - hit.start)
            for other in hits
        )
        if not inside:
            kept.append(hit)
    return kept


def _voice_bonus(span: Any) -> float:
    """Own experience counts more than a question or a general remark."""
    keys = {t.norm_ for t in span}
    bonus = 0.5 if keys & _FIRST_PERSON else 0.0
    if span.text.rstrip().endswith("?"):
        bonus -= 1.0
    return bonus


def _content(passage: Passage) -> set[str]:
    return {t.norm_ for t in passage.span if t.is_alpha and not t.is_stop}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
