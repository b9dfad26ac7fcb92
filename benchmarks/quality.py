"""Quality of ``research process``, measured: ``python -m benchmarks.quality``.

Prints, for the gold set (tests/gold: the tuning split, the held-out one
and all, each without and with the study's codebook), the second study's
gold set (never tuned on) and the human-coded corpus, the tool's figures
next to a plain keyword-search baseline on the same data: evidence
precision, recall and F1, stance accuracy, and type-tag accuracy. Rules are
tuned on the tuning split only.

Two annotators marked the account-management interviews: the first chose
the key quotes a snapshot should carry, the second marked every passage a
researcher would accept as evidence. A suggestion is right when either
accepts it (precision); the key quotes are what it must find (recall).
Precision against the key quotes alone, and recall of every acceptable
passage, are printed too.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from benchmarks.scoring import Score

if TYPE_CHECKING:
    from benchmarks.quality_gold import GoldResult


@dataclass(frozen=True)
class Line:
    """One measured figure, with the baseline's on the same data."""

    data: str
    measure: str
    tool: float
    baseline: float | None = None
    target: str = ""


def measure() -> list[Line]:
    from benchmarks.quality_corpus import available, run_corpus
    from benchmarks.quality_gold import gold_files
    from research_tool.nlp import load_pipeline

    pipeline = load_pipeline(blank=True)
    lines: list[Line] = []
    if gold_files():
        for codebook in (False, True):
            lines += _gold_lines(pipeline, codebook=codebook)
    others = (
        ("clinic", "development"),
        ("third", "held out, then development"),
        ("fourth", "held out, then development"),
        ("fifth", "held out"),
        ("sixth", "held out"),
        ("seventh", "held out"),
        ("eighth", "held out"),
    )
    for annotation, label in others:
        if gold_files(annotation=annotation):
            lines += _study_lines(pipeline, annotation, label)
    lines += _insight_lines(pipeline)
    if available():
        for corpus in run_corpus(pipeline):
            lines += _evidence_lines(
                corpus.name, corpus.tool, corpus.baseline, gold=False
            )
    return lines


def _gold_lines(pipeline: Any, *, codebook: bool) -> list[Line]:
    """Evidence per split (tuning, held-out, all); stance and types on all."""
    from benchmarks.quality_gold import gold_files, run_gold

    lines: list[Line] = []
    book = ", codebook" if codebook else ", no codebook"
    for split in ("tuning", "held-out", "all"):
        files = len(gold_files(split))
        if not files:
            continue
        gold = run_gold(pipeline, split=split, codebook=codebook)
        name = f"gold ({split}: {files}{book})"
        lines += _paired_lines(name, gold)
    return lines + _accuracy_lines(name, gold)


def _study_lines(pipeline: Any, annotation: str, label: str) -> list[Line]:
    """Evidence, stance and types on another study's exhaustive gold.

    Precision and recall are both measured against its one, exhaustive
    annotation, without its codebook; the codebook is measured apart, on
    the interviews it was not written from.
    """
    from benchmarks.quality_gold import run_gold

    gold = run_gold(pipeline, codebook=False, annotation=annotation)
    name = f"{annotation} study ({gold.files}, {label})"
    lines = _evidence_lines(name, gold.evidence, gold.baseline, gold=True)
    lines += _codebook_lines(pipeline, annotation, name)
    return lines + _accuracy_lines(name, gold)


def _accuracy_lines(name: str, gold: GoldResult) -> list[Line]:
    """Stance and type accuracy, and how the proposed insights meet the gold."""
    stance = gold.evidence.stance or 0.0
    return [
        Line(name, "stance accuracy", stance, gold.baseline.stance),
        Line(name, "type accuracy", gold.types, gold.types_baseline, ">= 0.7"),
        Line(name, "insights proposed / gold", gold.insight_recall),
        Line(name, "same type where they overlap", gold.insight_agreement),
    ]


def _codebook_lines(pipeline: Any, annotation: str, name: str) -> list[Line]:
    """F1 on the interviews after the first, without and with the codebook.

    A study's codebook.yaml was written from its plan and first interview,
    so it is measured on the others only.
    """
    from benchmarks.quality_gold import run_gold

    without = run_gold(pipeline, split="later", codebook=False, annotation=annotation)
    with_book = run_gold(pipeline, split="later", codebook=True, annotation=annotation)
    return [
        Line(name, "evidence F1, later interviews, no codebook", without.evidence.f1),
        Line(
            name, "evidence F1, later interviews, with codebook", with_book.evidence.f1
        ),
    ]


def _insight_lines(pipeline: Any) -> list[Line]:
    """Insight choice: two researchers against each other, and the tool."""
    from benchmarks.quality_insights import insight_agreement

    found = insight_agreement(pipeline)
    if found is None:
        return []
    name = f"insights, two annotators ({found.files} transcripts)"
    pairs = (
        ("first researcher's insights the second chose too", found.first_in_second),
        ("second researcher's insights the first chose too", found.second_in_first),
        ("tool's insights the first researcher chose", found.tool_in_first),
        ("tool's insights the second researcher chose", found.tool_in_second),
    )
    lines = []
    for measure, agreement in pairs:
        lines.append(Line(name, measure, agreement.share))
        lines.append(Line(name, "... same type where they overlap", agreement.types))
    return lines


def _paired_lines(name: str, gold: GoldResult) -> list[Line]:
    """Precision on acceptable passages, recall of key quotes, and the rest."""
    tool = Score(
        gold.accepted.precision,
        gold.evidence.recall,
        None,
        gold.evidence.predicted,
        gold.evidence.gold,
    )
    base = Score(
        gold.accepted_baseline.precision,
        gold.baseline.recall,
        None,
        gold.baseline.predicted,
        gold.baseline.gold,
    )
    lines = _evidence_lines(name, tool, base, gold=True)
    lines.insert(
        2,
        Line(
            name,
            "evidence precision, key quotes only",
            gold.evidence.precision,
            gold.baseline.precision,
        ),
    )
    lines.insert(
        3,
        Line(
            name,
            f"evidence recall, every acceptable passage ({gold.accepted.gold})",
            gold.accepted.recall,
            gold.accepted_baseline.recall,
        ),
    )
    return lines


def _evidence_lines(name: str, tool: Score, base: Score, *, gold: bool) -> list[Line]:
    return [
        Line(
            name,
            "evidence precision",
            tool.precision,
            base.precision,
            ">= 0.7" if gold else "above baseline",
        ),
        Line(
            name, "evidence recall", tool.recall, base.recall, ">= 0.6" if gold else ""
        ),
        Line(name, "evidence F1", tool.f1, base.f1, ""),
        Line(
            name,
            "suggestions (gold items)",
            float(tool.predicted),
            float(base.predicted),
            f"{tool.gold} marked",
        ),
    ]


def format_lines(lines: list[Line]) -> str:
    rows = [
        "| data | measure | tool | keyword baseline | target |",
        "|---|---|---|---|---|",
    ]
    for line in lines:
        base = "" if line.baseline is None else _number(line.baseline)
        cells = [line.data, line.measure, _number(line.tool), base, line.target]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _number(value: float) -> str:
    return f"{value:.0f}" if value > 1.5 else f"{value:.2f}"


def main() -> int:
    print(format_lines(measure()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
