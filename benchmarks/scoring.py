"""Scoring suggested passages against human-marked ones, span by span.

A span is ``(turn, start, end)``: character offsets into one turn's text.
Two spans match when they lie in the same turn and overlap. Evidence and
codes also carry a label (hypothesis number or code), which must agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Span = tuple[int, int, int]


@dataclass(frozen=True)
class Item:
    label: str
    span: Span
    stance: str = ""


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    stance: float | None  # accuracy over matched gold items, when stances exist
    predicted: int
    gold: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def score(predicted: Sequence[Item], gold: Sequence[Item]) -> Score:
    """Precision, recall and stance accuracy of ``predicted`` against ``gold``."""
    hits = [p for p in predicted if any(_match(p, g) for g in gold)]
    found = 0
    agreed = 0
    for g in gold:
        match = next((p for p in predicted if _match(p, g)), None)
        if match is not None:
            found += 1
            agreed += match.stance == g.stance
    precision = len(hits) / len(predicted) if predicted else 0.0
    recall = found / len(gold) if gold else 0.0
    stance = agreed / found if found and any(g.stance for g in gold) else None
    return Score(precision, recall, stance, len(predicted), len(gold))


def _match(p: Item, g: Item) -> bool:
    return p.label == g.label and overlaps(p.span, g.span)


def merge(scores: Sequence[Score]) -> Score:
    """Micro-average: recompute from the summed counts."""
    predicted = sum(s.predicted for s in scores)
    gold = sum(s.gold for s in scores)
    right = sum(s.precision * s.predicted for s in scores)
    found = sum(s.recall * s.gold for s in scores)
    stance_n = sum(s.recall * s.gold for s in scores if s.stance is not None)
    stance_ok = sum(
        s.stance * s.recall * s.gold for s in scores if s.stance is not None
    )
    return Score(
        right / predicted if predicted else 0.0,
        found / gold if gold else 0.0,
        stance_ok / stance_n if stance_n else None,
        predicted,
        gold,
    )
