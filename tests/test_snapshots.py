from __future__ import annotations

from pathlib import Path

import pytest

from research_tool import snapshots
from research_tool.errors import ProblemsError, UnknownHypothesis
from research_tool.plans import parse_plan
from tests.conftest import EXAMPLE_STUDY
from tests.study_builder import PLAN_NAME, PLANS, SNAPSHOTS, write

FIRST = SNAPSHOTS / "2026-03-04-participant-001.md"


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text("utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = FIRST.read_text("utf-8")
    assert old in text
    return write(tmp_path / FIRST.name, text.replace(old, new))


def test_insights_with_type_topics_context_and_time() -> None:
    snapshot = snapshots.parse_snapshot(FIRST)
    first, observed = snapshot.insights

    assert first.quote.startswith("The importer said row 12 was wrong")
    assert (first.type, first.topics, first.at) == (
        "pain-point",
        ("patient-import", "error-messages"),
        250.0,
    )
    assert first.context == "First import attempt."
    assert first.line == _line_of(FIRST, '> "The importer said row 12')
    assert observed.observed and observed.quote.startswith("Kept a printed checklist")
    assert observed.at is None


def test_hypothesis_tracking_with_evidence_blocks() -> None:
    snapshot = snapshots.parse_snapshot(FIRST)
    by_number = {h.number: h for h in snapshot.hypotheses}

    blocks = by_number["1"].evidence
    assert [e.stance for e in blocks] == ["supports", "supports"]
    assert blocks[0].at == 302.0 and blocks[0].why == "by hand, typed"
    assert blocks[0].line == _line_of(FIRST, "typed all four hundred")

    (cell,) = by_number["2"].evidence
    assert cell.stance == "challenges"
    assert cell.quote == "I still use the checklist from training every day."
    assert cell.line == by_number["2"].line
    assert by_number["3"].status == "NO DATA" and by_number["3"].evidence == ()
    assert by_number["N1"].is_new and by_number["N1"].evidence[0].stance is None


def test_opportunities_and_sections() -> None:
    snapshot = snapshots.parse_snapshot(FIRST)

    (opportunity,) = snapshot.opportunities
    assert opportunity.strength == "Strong"
    assert opportunity.quote == "refused the whole file"
    assert snapshot.sections["Summary"].startswith("A fictional clinic")
    assert "Human Review Checklist" in snapshot.sections
    assert snapshot.participant_id == "user-001" and snapshot.date == "2026-03-04"


def test_no_data_cell_is_a_note_not_evidence(tmp_path: Path) -> None:
    path = _broken(tmp_path, "| NO DATA | — |", "| NO DATA | Not asked |")

    entry = snapshots.parse_snapshot(path).hypotheses[2]
    assert (entry.status, entry.evidence) == ("NO DATA", ())


def test_mixed_cell_has_no_stance() -> None:
    snapshot = snapshots.parse_snapshot(SNAPSHOTS / "2026-03-09-participant-002.md")
    mixed = next(h for h in snapshot.hypotheses if h.status == "MIXED")

    assert [e.stance for e in mixed.evidence] == [None]


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            "**Type:** pain-point",
            "**Type:** gripe",
            "**Type:** gripe",
            "unknown insight type 'gripe'",
        ),
        (
            "| 2 | Training sessions are forgotten within a week | CHALLENGED |",
            "| 2 | Training sessions are forgotten within a week | PROVEN |",
            "| PROVEN |",
            "unknown status 'PROVEN'",
        ),
        (
            "- **Stance:** supports\n- **At:** 00:05:02",
            "- **Stance:** agrees\n- **At:** 00:05:02",
            "agrees",
            "unknown stance 'agrees'",
        ),
        ("- **At:** 00:04:10", "- **At:** soon", "**At:** soon", "is not a time"),
        ("| Strong |", "| Huge |", "| Huge |", "unknown evidence strength 'Huge'"),
        (
            "### Evidence for hypothesis 1",
            "### Evidence for hypothesis 7",
            '> "In the end',
            "evidence for hypothesis 7 but the table has no row 7",
        ),
    ],
)
def test_malformed_snapshot_names_the_line(
    tmp_path: Path, old: str, new: str, needle: str, message: str
) -> None:
    path = _broken(tmp_path, old, new)

    with pytest.raises(ProblemsError) as caught:
        snapshots.parse_snapshot(path)
    (problem,) = caught.value.problems
    assert problem.line == _line_of(path, needle)
    assert message in problem.message


def test_unknown_hypothesis_against_the_plan(tmp_path: Path) -> None:
    plan = parse_plan(PLANS / PLAN_NAME)
    path = _broken(tmp_path, "| 3 | Go-live", "| 5 | Go-live")

    assert snapshots.parse_snapshot(path)  # fine without a plan
    with pytest.raises(UnknownHypothesis) as caught:
        snapshots.parse_snapshot(path, plan=plan)
    assert caught.value.line == _line_of(path, "| 5 | Go-live")
    assert "hypothesis 5 is not in the plan" in str(caught.value)
    assert isinstance(caught.value, ProblemsError)


def test_several_problems_in_one_error(tmp_path: Path) -> None:
    path = _broken(tmp_path, "**Type:** workaround", "**Type:** trick")
    text = path.read_text("utf-8").replace("**Type:** pain-point", "**Type:** moan")
    write(path, text)

    with pytest.raises(ProblemsError) as caught:
        snapshots.parse_snapshot(path)
    assert len(caught.value.problems) == 2
    assert str(caught.value).count(str(path)) == 2


def test_missing_participant_id(tmp_path: Path) -> None:
    path = _broken(tmp_path, "participant_id: user-001\n", "")

    with pytest.raises(ProblemsError, match="no participant_id"):
        snapshots.parse_snapshot(path)


def test_crlf_snapshot_reads_like_lf(tmp_path: Path) -> None:
    text = FIRST.read_text("utf-8")
    path = write(tmp_path / FIRST.name, text.replace("\n", "\r\n"))

    crlf, lf = snapshots.parse_snapshot(path), snapshots.parse_snapshot(FIRST)
    assert crlf.insights == lf.insights
    assert [h.evidence for h in crlf.hypotheses] == [h.evidence for h in lf.hypotheses]


def test_example_snapshots_parse_against_their_plan() -> None:
    files = sorted((EXAMPLE_STUDY / "interviews").glob("*.md"))
    if not files:
        pytest.skip("the example study has no snapshots yet")
    plan = parse_plan(next(EXAMPLE_STUDY.glob("*plan*.md")))

    for file in files:
        snapshot = snapshots.parse_snapshot(file, plan=plan)
        assert snapshot.insights and snapshot.hypotheses
        assert {h.number for h in snapshot.hypotheses} >= {"1", "2", "3", "4"}
