"""Roll the snapshots' hypothesis evidence up to one status per plan hypothesis.

Pure and fast: no files are read. Each interview counts once per hypothesis,
as supporting, challenging, mixed or having no data; the study status then
follows ``RULE``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from research_tool.model import Evidence, HypothesisEntry, Plan, Snapshot

RULE = (
    "no evidence at all -> UNTESTED; only supporting -> SUPPORTED; "
    "only challenging -> CHALLENGED; both -> MIXED (a MIXED interview counts as both)"
)

Exclude = Callable[[Snapshot, Evidence], bool]


@dataclass(frozen=True)
class HypothesisRollup:
    number: int
    text: str
    supports: int
    challenges: int
    mixed: int
    no_data: int
    status: str
    items: tuple[tuple[Snapshot, Evidence], ...]

    @property
    def interviews(self) -> int:
        return self.supports + self.challenges + self.mixed + self.no_data


@dataclass(frozen=True)
class Rollup:
    hypotheses: tuple[HypothesisRollup, ...]
    new_hypotheses: tuple[tuple[Snapshot, HypothesisEntry], ...]
    interviews: int
    excluded_count: int

    def get(self, number: int) -> HypothesisRollup | None:
        return next((h for h in self.hypotheses if h.number == number), None)


def rollup(
    plan: Plan, snapshots: list[Snapshot], *, exclude: Exclude | None = None
) -> Rollup:
    """Count, per plan hypothesis, the interviews that support or challenge it.

    ``exclude`` drops single evidence items (e.g. unverified quotes); an
    interview that lost items has its stance recomputed from what is left.
    """
    rows = [_rows_by_number(s) for s in snapshots]
    excluded = 0
    results = []
    for hypothesis in plan.hypotheses:
        counts = {"SUPPORTED": 0, "CHALLENGED": 0, "MIXED": 0, "NO DATA": 0}
        items: list[tuple[Snapshot, Evidence]] = []
        for snapshot, by_number in zip(snapshots, rows, strict=True):
            entry = by_number.get(hypothesis.number)
            stance, kept, dropped = _interview(snapshot, entry, exclude)
            counts[stance] += 1
            items += [(snapshot, e) for e in kept]
            excluded += dropped
        results.append(_result(hypothesis.number, hypothesis.text, counts, items))

    new = tuple((s, e) for s in snapshots for e in s.hypotheses if e.is_new)
    return Rollup(tuple(results), new, len(snapshots), excluded)


def study_status(supports: int, challenges: int, mixed: int) -> str:
    """The roll-up rule (``RULE``) as a function of interview counts."""
    for_it, against_it = supports + mixed, challenges + mixed
    if for_it and against_it:
        return "MIXED"
    if for_it:
        return "SUPPORTED"
    if against_it:
        return "CHALLENGED"
    return "UNTESTED"


def status_cell(result: HypothesisRollup) -> str:
    """The plan's Status cell: ``SUPPORTED (2 of 3)``, ``MIXED (1 for, ...)``."""
    total = result.interviews
    if result.status == "SUPPORTED":
        return f"SUPPORTED ({result.supports} of {total})"
    if result.status == "CHALLENGED":
        return f"CHALLENGED ({result.challenges} of {total})"
    if result.status == "MIXED":
        parts = [
            f"{count} {label}"
            for count, label in (
                (result.supports, "for"),
                (result.challenges, "against"),
                (result.mixed, "mixed"),
            )
            if count
        ]
        return f"MIXED ({', '.join(parts)}, of {total})"
    return "UNTESTED"


def _rows_by_number(snapshot: Snapshot) -> dict[int, HypothesisEntry]:
    return {int(e.number): e for e in snapshot.hypotheses if not e.is_new}


def _interview(
    snapshot: Snapshot, entry: HypothesisEntry | None, exclude: Exclude | None
) -> tuple[str, list[Evidence], int]:
    """One interview's stance on one hypothesis, its kept items, and drops."""
    if entry is None:
        return "NO DATA", [], 0
    status = (
        entry.status
        if entry.status in ("SUPPORTED", "CHALLENGED", "MIXED")
        else "NO DATA"
    )
    if exclude is None:
        return status, list(entry.evidence), 0

    kept = [e for e in entry.evidence if not exclude(snapshot, e)]
    dropped = len(entry.evidence) - len(kept)
    if not dropped:
        return status, kept, 0

    stances = {e.stance for e in kept}
    recomputed = study_status(
        "supports" in stances, "challenges" in stances, 0
    ).replace("UNTESTED", "NO DATA")
    return recomputed, kept, dropped


def _result(
    number: int,
    text: str,
    counts: dict[str, int],
    items: list[tuple[Snapshot, Evidence]],
) -> HypothesisRollup:
    supports, challenges, mixed = (
        counts["SUPPORTED"],
        counts["CHALLENGED"],
        counts["MIXED"],
    )
    return HypothesisRollup(
        number,
        text,
        supports,
        challenges,
        mixed,
        counts["NO DATA"],
        study_status(supports, challenges, mixed),
        tuple(items),
    )
