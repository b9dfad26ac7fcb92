"""``research lint``: output, exit codes, switching rules off, never writing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from lint_cases import GOOD_HYPOTHESES, build_plan

from research_tool.cli import cli
from research_tool.lint import RULE_IDS
from research_tool.lint.engine import lint_plan
from tests.conftest import EXAMPLE_STUDY, ROOT

PLAN_NAME = "2026-02-11-account-management-effectiveness-research-plan.md"
EXAMPLE_PLAN = EXAMPLE_STUDY / PLAN_NAME


def _invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["lint", *map(str, args)])


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text("utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "2026-03-01-onboarding-research-plan.md"
    path.write_text(text, "utf-8")
    return path


def test_example_plan_findings_are_the_reviewed_ones() -> None:
    found = [(f.line, f.rule) for f in lint_plan(EXAMPLE_PLAN).findings]

    def at(needle: str, rule: str) -> tuple[int, str]:
        return _line_of(EXAMPLE_PLAN, needle), rule

    assert found == [
        at("| 1 | SAMs spend a disproportionate", "hypothesis-vague"),
        at("| 2 | Account health is primarily", "hypothesis-vague"),
        at("Was there anything you couldn't find", "yes-no-question"),
        at("Who else needed to know?", "double-question"),
        at("Was there anything that could have alerted", "yes-no-question"),
        at("If something could automatically flag", "future-question"),
        at("If something could automatically flag", "solution-pitch"),
        at("If you could change one thing", "future-question"),
    ]


def test_text_output_and_exit_code() -> None:
    result = _invoke(EXAMPLE_PLAN)

    assert result.exit_code == 1
    lines = result.stdout.split("\n")
    line = _line_of(EXAMPLE_PLAN, "If you could change one thing")
    first = lines.index(
        f"{EXAMPLE_PLAN}:{line}: future-question: asks about the future or a "
        'hypothetical ("If you could")'
    )
    assert lines[first + 1].startswith("    People predict their own future")
    suggestion = next(x for x in lines[first + 1 :] if x.startswith("    suggest: "))
    assert "work around your tools or process" in suggestion
    assert "8 findings" in result.stderr


def test_clean_plan_exits_zero(tmp_path: Path) -> None:
    result = _invoke(_write(tmp_path, build_plan()))

    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "no findings" in result.stderr


def test_json_shape() -> None:
    result = _invoke(EXAMPLE_PLAN, "--json")

    data = json.loads(result.stdout)
    assert result.exit_code == 1
    assert data["file"] == str(EXAMPLE_PLAN)
    assert len(data["findings"]) == 8
    for finding in data["findings"]:
        assert set(finding) == {"line", "rule", "message", "explanation", "suggestion"}
        assert finding["rule"] in RULE_IDS
        assert isinstance(finding["line"], int) and finding["explanation"]


def test_json_suggestion_is_null_when_there_is_none(tmp_path: Path) -> None:
    text = build_plan().replace("sample_size: 6", "method: survey\nsample_size: 6")
    result = _invoke(_write(tmp_path, text), "--json")

    [finding] = json.loads(result.stdout)["findings"]
    assert finding["rule"] == "sample-size"
    assert finding["suggestion"] is None


def test_disable_on_the_command_line() -> None:
    result = _invoke(
        EXAMPLE_PLAN, "--disable", "future-question", "--disable", "yes-no-question"
    )

    rules = {line.split(": ")[1] for line in result.stdout.split("\n") if ": " in line}
    rules &= set(RULE_IDS)
    assert rules == {"hypothesis-vague", "double-question", "solution-pitch"}
    assert result.exit_code == 1


def test_disable_everything_found_exits_zero() -> None:
    rules = ["hypothesis-vague", "yes-no-question", "double-question"]
    rules += ["future-question", "solution-pitch"]
    result = _invoke(EXAMPLE_PLAN, *[x for rule in rules for x in ("--disable", rule)])

    assert result.exit_code == 0, result.output


def test_unknown_rule_on_the_command_line_is_a_usage_error() -> None:
    result = _invoke(EXAMPLE_PLAN, "--disable", "no-such-rule")

    assert result.exit_code == 2
    assert "no-such-rule" in result.stderr


def test_frontmatter_lint_block_switches_rules_off(tmp_path: Path) -> None:
    text = build_plan().replace("sample_size: 6", "sample_size: 40")
    assert [f.rule for f in lint_plan(_write(tmp_path, text)).findings] == [
        "sample-size"
    ]

    blocked = text.replace("---\n\n", "lint:\n  disable: [sample-size]\n---\n\n", 1)
    assert lint_plan(_write(tmp_path, blocked)).findings == []
    one_line = text.replace("---\n\n", "lint: {disable: sample-size}\n---\n\n", 1)
    assert lint_plan(_write(tmp_path, one_line)).findings == []


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("lint: {disable: [no-such-rule]}", "unknown rule 'no-such-rule'"),
        ("lint: [sample-size]", "lint should be a mapping"),
        ("lint: {enable: [sample-size]}", "lint should be a mapping"),
    ],
)
def test_bad_lint_block_is_an_error_at_its_line(
    tmp_path: Path, block: str, message: str
) -> None:
    path = _write(tmp_path, build_plan().replace("---\n\n", f"{block}\n---\n\n", 1))
    result = _invoke(path)

    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}:{_line_of(path, 'lint:')}: ")
    assert message in result.stderr


def test_disagreeing_hypotheses_are_a_finding_not_an_error(tmp_path: Path) -> None:
    text = build_plan().replace(GOOD_HYPOTHESES[1], "Clinics go live late", 1)
    path = _write(tmp_path, text)
    result = _invoke(path)

    assert result.exit_code == 1
    line = _line_of(path, f"| 2 | {GOOD_HYPOTHESES[1]}")
    assert f"{path}:{line}: hypotheses-disagree: " in result.stdout
    assert 'suggest: Use one wording in both: "Clinics go live late"' in result.stdout


def test_disagreement_with_other_problems_stays_an_error(tmp_path: Path) -> None:
    text = build_plan().replace(GOOD_HYPOTHESES[1], "Clinics go live late", 1)
    path = _write(tmp_path, text.replace("| UNTESTED |", "| MAYBE |", 1))
    result = _invoke(path)

    assert result.exit_code == 1
    assert "Error: " in result.stderr and "MAYBE" in result.stderr
    assert "differs from frontmatter" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, ": file not found"),
        (b"# A plan without frontmatter\n", ":1: no frontmatter"),
        (b"---\ntitle: x\n---\n\n\xff\n", ":5: byte 0xff is not UTF-8"),
    ],
)
def test_unreadable_plans_are_errors(
    tmp_path: Path, content: bytes | None, expected: str
) -> None:
    path = tmp_path / "plan.md"
    if content is not None:
        path.write_bytes(content)
    result = _invoke(path)

    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}{expected}")
    assert "Traceback" not in result.output


def test_lint_never_modifies_the_plan(example_study: Path) -> None:
    plan = example_study / PLAN_NAME
    before = hashlib.sha256(plan.read_bytes()).hexdigest()
    listing = sorted(p.name for p in example_study.rglob("*"))

    for args in ([], ["--json"], ["--disable", "future-question"]):
        _invoke(plan, *args)

    assert hashlib.sha256(plan.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in example_study.rglob("*")) == listing


def test_help_names_the_frontmatter_block() -> None:
    result = CliRunner().invoke(cli, ["lint", "--help"], catch_exceptions=False)

    assert result.exit_code == 0
    assert "lint: {disable: [sample-size]}" in result.output


def test_every_rule_is_documented() -> None:
    docs = (ROOT / "docs" / "plan-authoring.md").read_text("utf-8")

    for rule in RULE_IDS:
        assert f"| `{rule}` |" in docs, rule


def test_a_study_folder_lints_its_plan(example_study: Path) -> None:
    result = _invoke(example_study, "--json")

    assert json.loads(result.stdout)["file"] == str(example_study / PLAN_NAME)
    assert result.exit_code == 1
