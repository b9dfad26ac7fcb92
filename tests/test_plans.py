from __future__ import annotations

from pathlib import Path

import pytest

from research_tool import plans
from research_tool.errors import FileReadError, ProblemsError
from tests.conftest import EXAMPLE_STUDY
from tests.study_builder import PLAN_NAME, PLANS, write

EXAMPLE_PLAN = (
    EXAMPLE_STUDY / "2026-02-11-account-management-effectiveness-research-plan.md"
)


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text("utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def test_example_plan_parses_with_lines() -> None:
    plan = plans.parse_plan(EXAMPLE_PLAN)

    assert [h.number for h in plan.hypotheses] == [1, 2, 3, 4]
    assert plan.hypotheses[3].line == _line_of(EXAMPLE_PLAN, "| 4 | Support ticket")
    assert plan.hypotheses[0].text == plan.frontmatter["hypotheses"][0]
    assert [r.participant for r in plan.schedule][2:] == ["TBD"] * 4
    assert plan.schedule[0].date == "2026-02-09"
    assert plan.slug == "account-management-effectiveness"
    assert plans.sample_size_target(plan) == 6


def test_guide_questions_and_three_things() -> None:
    plan = plans.parse_plan(EXAMPLE_PLAN)
    questions = plans.guide_question_lines(plan)

    assert any(q.startswith("Walk me through your last Monday") for _, q in questions)
    line, text = questions[2]
    assert text in EXAMPLE_PLAN.read_text("utf-8").split("\n")[line - 1]
    assert plans.guide_questions(plan) == [q for _, q in questions]
    things = plans.three_things(plan)
    assert len(things) == 3 and things[1].startswith("**Pain points:**")


def test_checklists_by_section() -> None:
    plan = plans.parse_plan(EXAMPLE_PLAN)
    found = plans.checklists(plan)

    assert len(found["Human Review Checklist"]) == 6
    assert not any(item.checked for item in found["Post-Interview Checklist"])


@pytest.mark.parametrize(
    ("value", "target"), [("6-8", 6), ("3 - 5", 3), (4, 4), ("7", 7), ("many", None)]
)
def test_sample_size_target(tmp_path: Path, value: object, target: int | None) -> None:
    text = (PLANS / PLAN_NAME).read_text("utf-8").replace('"3-5"', repr(value))
    path = write(tmp_path / PLAN_NAME, text)

    if target is None:
        with pytest.raises(ProblemsError, match="sample_size"):
            plans.parse_plan(path)
    else:
        assert plans.sample_size_target(plans.parse_plan(path)) == target


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = (PLANS / PLAN_NAME).read_text("utf-8")
    text = text.replace(
        "| 2 | Training sessions are forgotten within a week | UNTESTED |",
        "| 2 | Training is forgotten | MAYBE |",
    )
    text = text.replace("| Date | Status |", "| Date | State |")
    path = write(tmp_path / PLAN_NAME, text)

    with pytest.raises(ProblemsError) as caught:
        plans.parse_plan(path)

    problems = {(p.line, p.message.split(";")[0]) for p in caught.value.problems}
    row = _line_of(path, "| 2 | Training")
    assert (row, "unknown status 'MAYBE' for hypothesis 2") in problems
    assert (
        row,
        "hypothesis 2 in the table differs from frontmatter hypotheses item 2",
    ) in problems
    assert (
        _line_of(path, "| Participant |"),
        "the Schedule table has no Status column",
    ) in problems


def test_count_mismatch_points_at_frontmatter(tmp_path: Path) -> None:
    text = (PLANS / PLAN_NAME).read_text("utf-8")
    text = text.replace(
        "| 3 | Go-live dates slip because IT approval arrives late | UNTESTED |\n", ""
    )
    path = write(tmp_path / PLAN_NAME, text)

    with pytest.raises(ProblemsError) as caught:
        plans.parse_plan(path)
    assert str(caught.value).startswith(
        f"{path}:{_line_of(path, 'hypotheses:')}: frontmatter lists 3"
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "| Status |\n|---|------------|--------|",
            "|\n|---|------------|",
            "no Status column",
        ),
        ("## Hypotheses\n", "## Ideas\n", "no '## Hypotheses' section"),
    ],
)
def test_structural_problems(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = (PLANS / PLAN_NAME).read_text("utf-8").replace(old, new)
    if old.startswith("| Status"):
        text = text.replace(" | UNTESTED |", " |")
    path = write(tmp_path / PLAN_NAME, text)

    with pytest.raises(ProblemsError, match=message):
        plans.parse_plan(path)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\ntitle: x\n\tstatus: planned\n---\n", 3, "a tab character"),
        ('---\ntitle: "open\nstatus: planned\n---\n', 2, "never closed"),
        ("# A plan\n\nNo frontmatter.\n", 1, "no frontmatter"),
        ("---\ntitle: x\n", 1, "never closed"),
        ("---\n- a\n- b\n---\n", 2, "mapping"),
    ],
)
def test_bad_frontmatter(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path / "plan.md", text)

    with pytest.raises(ProblemsError) as caught:
        plans.parse_plan(path)
    assert caught.value.line == line
    assert message in str(caught.value)


def test_non_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_bytes(b"---\ntitle: x\n---\n\ncaf\xe9\n")

    with pytest.raises(FileReadError) as caught:
        plans.parse_plan(path)
    assert caught.value.line == 5


def test_crlf_plan_reads_like_lf() -> None:
    crlf = plans.parse_plan(PLANS / "golden" / "crlf" / PLAN_NAME)
    lf = plans.parse_plan(PLANS / PLAN_NAME)

    assert [(h.number, h.text, h.status) for h in crlf.hypotheses] == [
        (h.number, h.text, h.status) for h in lf.hypotheses
    ]
    assert [h.line for h in crlf.hypotheses] == [h.line for h in lf.hypotheses]
