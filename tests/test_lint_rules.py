"""Every lint rule against its fixture cases (tests/fixtures/lint/*.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lint_cases import FIXTURES, Case, build_plan, read_cases, with_snippet

from research_tool.lint import RULE_IDS
from research_tool.lint.engine import lint_plan

FAMILIES = ("questions", "screener", "hypotheses", "plan_shape")


def _lint(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    path = tmp_path / "2026-03-01-onboarding-research-plan.md"
    path.write_text(text, "utf-8")
    return [(f.line, f.rule) for f in lint_plan(path).findings]


def test_base_plan_is_clean(tmp_path: Path) -> None:
    assert _lint(tmp_path, build_plan()) == []


@pytest.mark.parametrize("case", read_cases(FIXTURES / "questions.md"))
def test_questions(tmp_path: Path, case: Case) -> None:
    _check("questions", tmp_path, case)


@pytest.mark.parametrize("case", read_cases(FIXTURES / "screener.md"))
def test_screener(tmp_path: Path, case: Case) -> None:
    _check("screener", tmp_path, case)


@pytest.mark.parametrize("case", read_cases(FIXTURES / "hypotheses.md"))
def test_hypotheses(tmp_path: Path, case: Case) -> None:
    _check("hypotheses", tmp_path, case)


@pytest.mark.parametrize("case", read_cases(FIXTURES / "plan_shape.md"))
def test_plan_shape(tmp_path: Path, case: Case) -> None:
    _check("plan_shape", tmp_path, case)


def test_every_rule_has_positive_and_negative_cases() -> None:
    cases = [
        p.values[0]
        for family in FAMILIES
        for p in read_cases(FIXTURES / f"{family}.md")
    ]
    flagged = {rule for case in cases for rule in case.expected}
    assert flagged == set(RULE_IDS)
    assert any(not case.expected for case in cases)
    for family in FAMILIES:
        family_cases = read_cases(FIXTURES / f"{family}.md")
        assert any(not p.values[0].expected for p in family_cases), family


def _check(family: str, tmp_path: Path, case: Case) -> None:
    built = with_snippet(family, case.snippet)
    found = _lint(tmp_path, built.text)

    assert tuple(sorted(rule for _, rule in found)) == case.expected
    for line, rule in found:
        assert line in built.snippet_lines, f"{rule} reported at line {line}"


_LINE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")))


@settings(max_examples=50, deadline=None)
@given(questions=st.lists(_LINE, min_size=1, max_size=4), heading=_LINE)
def test_any_guide_text_lints_without_crashing(
    tmp_path_factory: pytest.TempPathFactory, questions: list[str], heading: str
) -> None:
    guide = (f"### Story {heading}", "", *(f'- "{q}"' for q in questions))
    text = build_plan(guide=guide)
    path = tmp_path_factory.mktemp("lint") / "2026-03-01-x-research-plan.md"
    path.write_text(text, "utf-8")

    report = lint_plan(path)

    total = len(text.split("\n"))
    assert all(1 <= f.line <= total and f.rule in RULE_IDS for f in report.findings)
