"""How far two researchers agree on an interview's insights, and the tool with them.

``tests/insights-second/`` holds a second, blind annotation of the insights
of six transcripts already in the gold sets. For each pair of annotations
(first and second researcher, the tool and either) this counts the share
of one side's quotes that overlap a quote of the other, and how often the
two types agree where they do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from benchmarks.quality_gold import GOLD, SETS, _Case, _span
from benchmarks.scoring import Span, overlaps

SECOND = GOLD.parent / "insights-second"

Typed = list[tuple[Span, str]]


@dataclass(frozen=True)
class Agreement:
    """``found`` of ``total`` quotes of one side overlap the other's."""

    found: int
    total: int
    same_type: int  # of ``found``

    @property
    def share(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def types(self) -> float:
        return self.same_type / self.found if self.found else 0.0


@dataclass(frozen=True)
class InsightAgreement:
    first_in_second: Agreement
    second_in_first: Agreement
    tool_in_first: Agreement
    tool_in_second: Agreement
    files: int


def insight_agreement(pipeline: Any = None) -> InsightAgreement | None:
    """Pairwise agreement over every transcript the second annotation covers."""
    from research_tool.nlp import load_pipeline

    seconds = sorted(SECOND.glob("*.yaml"))
    if not seconds:
        return None
    pipeline = pipeline or load_pipeline(blank=True)
    pairs: list[tuple[Agreement, ...]] = []
    for path in seconds:
        data = yaml.safe_load(path.read_text("utf-8"))
        case = _Case(_first_annotation(data["transcript"]), pipeline, codebook=False)
        first, second = _typed(case, case.data), _typed(case, data)
        tool = [(_span(i.candidate.passage), i.type) for i in case.analysis.insights]
        pairs.append(
            (
                _agree(first, second),
                _agree(second, first),
                _agree(tool, first),
                _agree(tool, second),
            )
        )
    totals = [_sum(list(column)) for column in zip(*pairs, strict=True)]
    return InsightAgreement(*totals, files=len(seconds))


def _first_annotation(transcript: str) -> Path:
    """The gold file, with insights, of the transcript the second one names."""
    for folder, pattern in SETS.values():
        for path in sorted(folder.glob(pattern)):
            data = yaml.safe_load(path.read_text("utf-8"))
            if data.get("transcript") == transcript and data.get("insights"):
                return path
    raise FileNotFoundError(f"no first annotation of insights for {transcript}")


def _typed(case: _Case, data: dict[str, Any]) -> Typed:
    return [(case.span_of(i["quote"]), i["type"]) for i in data.get("insights") or []]


def _agree(one: Typed, other: Typed) -> Agreement:
    found = same = 0
    for span, kind in one:
        match = next((k for s, k in other if overlaps(span, s)), None)
        if match is not None:
            found += 1
            same += match == kind
    return Agreement(found, len(one), same)


def _sum(parts: list[Agreement]) -> Agreement:
    return Agreement(
        sum(p.found for p in parts),
        sum(p.total for p in parts),
        sum(p.same_type for p in parts),
    )
