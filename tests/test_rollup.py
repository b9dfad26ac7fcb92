from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from research_tool.model import (
    Evidence,
    HypothesisEntry,
    Plan,
    PlanHypothesis,
    Snapshot,
)
from research_tool.rollup import rollup, status_cell, study_status

STATUSES = ("SUPPORTED", "CHALLENGED", "MIXED", "NO DATA")
STANCE = {"SUPPORTED": "supports", "CHALLENGED": "challenges"}


def _plan(count: int = 2) -> Plan:
    hypotheses = [
        PlanHypothesis(n, f"Hypothesis {n}", "UNTESTED", n) for n in range(1, count + 1)
    ]
    return Plan(Path("plan.md"), "", "", {}, hypotheses, [])


def _evidence(stance: str | None, quote: str = "q") -> Evidence:
    return Evidence(quote, stance, None, 1)  # type: ignore[arg-type]


def _snapshot(name: str, *rows: tuple[str, str, tuple[Evidence, ...]]) -> Snapshot:
    entries = [
        HypothesisEntry(n, f"H {n}", status, items, 1) for n, status, items in rows
    ]
    frontmatter = {"participant_id": name, "date": "2026-03-01"}
    return Snapshot(Path(f"{name}.md"), "", "", frontmatter, [], entries, [], {})


def _row(number: str, status: str) -> tuple[str, str, tuple[Evidence, ...]]:
    return number, status, (_evidence(STANCE.get(status)),)


@pytest.mark.parametrize(
    ("statuses", "expected", "cell"),
    [
        ([], "UNTESTED", "UNTESTED"),
        (["NO DATA", "NO DATA"], "UNTESTED", "UNTESTED"),
        (["SUPPORTED", "SUPPORTED"], "SUPPORTED", "SUPPORTED (2 of 2)"),
        (["SUPPORTED", "NO DATA"], "SUPPORTED", "SUPPORTED (1 of 2)"),
        (["CHALLENGED"], "CHALLENGED", "CHALLENGED (1 of 1)"),
        (["SUPPORTED", "CHALLENGED"], "MIXED", "MIXED (1 for, 1 against, of 2)"),
        (["MIXED", "NO DATA"], "MIXED", "MIXED (1 mixed, of 2)"),
        (
            ["MIXED", "CHALLENGED", "SUPPORTED"],
            "MIXED",
            "MIXED (1 for, 1 against, 1 mixed, of 3)",
        ),
    ],
)
def test_the_rule(statuses: list[str], expected: str, cell: str) -> None:
    snapshots = [_snapshot(f"user-{i}", _row("1", s)) for i, s in enumerate(statuses)]

    result = rollup(_plan(1), snapshots).hypotheses[0]
    assert result.status == expected
    assert status_cell(result) == cell
    assert result.interviews == len(statuses)


def test_missing_row_counts_as_no_data() -> None:
    snapshots = [_snapshot("user-1", _row("1", "SUPPORTED")), _snapshot("user-2")]

    first, second = rollup(_plan(2), snapshots).hypotheses
    assert (first.supports, first.no_data) == (1, 1)
    assert (second.status, second.no_data) == ("UNTESTED", 2)
    assert [s.participant_id for s, _ in first.items] == ["user-1"]


def test_new_hypotheses_are_listed_apart() -> None:
    snapshot = _snapshot(
        "user-1", _row("1", "SUPPORTED"), ("N1", "NEW", ()), ("NEW-2", "NEW", ())
    )

    result = rollup(_plan(1), [snapshot])
    assert [e.number for _, e in result.new_hypotheses] == ["N1", "NEW-2"]
    assert [h.number for h in result.hypotheses] == [1]
    assert result.interviews == 1


def test_exclude_recomputes_an_interview_from_what_is_left() -> None:
    items = (_evidence("supports", "keep"), _evidence("challenges", "drop"))
    mixed = _snapshot("user-1", ("1", "MIXED", items))
    gone = _snapshot("user-2", ("1", "SUPPORTED", (_evidence("supports", "drop"),)))

    result = rollup(_plan(1), [mixed, gone], exclude=lambda s, e: e.quote == "drop")
    hypothesis = result.hypotheses[0]
    assert (hypothesis.supports, hypothesis.mixed, hypothesis.no_data) == (1, 0, 1)
    assert hypothesis.status == "SUPPORTED"
    assert result.excluded_count == 2
    assert [e.quote for _, e in hypothesis.items] == ["keep"]


def test_exclude_that_removes_nothing_keeps_the_row_status() -> None:
    snapshot = _snapshot("user-1", ("1", "MIXED", (_evidence(None),)))

    result = rollup(_plan(1), [snapshot], exclude=lambda s, e: False)
    assert result.hypotheses[0].mixed == 1 and result.excluded_count == 0


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(STATUSES), max_size=12))
def test_counts_and_status_agree(statuses: list[str]) -> None:
    snapshots = [_snapshot(f"user-{i}", _row("1", s)) for i, s in enumerate(statuses)]

    result = rollup(_plan(1), snapshots).hypotheses[0]
    assert result.interviews == len(statuses)
    assert result.supports == statuses.count("SUPPORTED")
    assert result.mixed == statuses.count("MIXED")
    assert result.status == study_status(
        result.supports, result.challenges, result.mixed
    )
    has_for = "SUPPORTED" in statuses or "MIXED" in statuses
    has_against = "CHALLENGED" in statuses or "MIXED" in statuses
    assert (result.status == "UNTESTED") == (not has_for and not has_against)


def test_a_thousand_snapshots_in_well_under_a_second() -> None:
    rows = [_row(str(n), STATUSES[n % 4]) for n in range(1, 11)]
    snapshots = [_snapshot(f"user-{i}", *rows) for i in range(1000)]

    start = time.perf_counter()
    result = rollup(_plan(10), snapshots)
    elapsed = time.perf_counter() - start
    assert result.interviews == 1000
    assert elapsed < 0.5
