from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from research_tool.cli import cli
from tests.conftest import EXAMPLE_STUDY
from tests.study_builder import PLAN_NAME, PLANS, SNAPSHOTS, write

FIRST = SNAPSHOTS / "2026-03-04-participant-001.md"


def _inspect(path: Path) -> dict[str, object]:
    result = CliRunner().invoke(
        cli, ["inspect", str(path), "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_snapshot_contract() -> None:
    data = _inspect(FIRST)

    assert list(data) == [
        "kind",
        "file",
        "frontmatter",
        "insights",
        "hypotheses",
        "opportunities",
    ]
    assert data["kind"] == "snapshot" and data["file"] == str(FIRST)
    frontmatter = data["frontmatter"]
    assert isinstance(frontmatter, dict) and frontmatter["date"] == "2026-03-04"

    insight = data["insights"][0]  # type: ignore[index]
    assert list(insight) == ["quote", "type", "topics", "context", "at", "line"]
    assert insight["at"] == 250.0 and insight["topics"] == [
        "patient-import",
        "error-messages",
    ]
    assert (
        FIRST.read_text("utf-8")
        .split("\n")[insight["line"] - 1]
        .startswith('> "The importer')
    )

    first = data["hypotheses"][0]  # type: ignore[index]
    assert list(first) == ["number", "hypothesis", "status", "evidence"]
    assert list(first["evidence"][0]) == ["quote", "stance", "at", "line"]
    assert [e["stance"] for e in first["evidence"]] == ["supports", "supports"]
    assert first["evidence"][1]["at"] is None
    new = data["hypotheses"][3]  # type: ignore[index]
    assert (new["number"], new["status"], new["evidence"][0]["stance"]) == (
        "N1",
        "NEW",
        None,
    )

    assert data["opportunities"] == [
        {
            "opportunity": "Users need a way to see which rows of an import failed",
            "strength": "Strong",
            "quote": "refused the whole file",
        }
    ]


def test_plan_contract() -> None:
    data = _inspect(PLANS / PLAN_NAME)

    assert list(data) == ["kind", "file", "frontmatter", "hypotheses", "schedule"]
    assert data["frontmatter"]["date"] == "2026-03-01"  # type: ignore[index]
    hypothesis = data["hypotheses"][0]  # type: ignore[index]
    assert list(hypothesis) == ["number", "text", "status", "line"]
    assert (hypothesis["number"], hypothesis["status"]) == (1, "UNTESTED")
    row = data["schedule"][1]  # type: ignore[index]
    assert list(row) == ["participant", "date", "status", "line"]
    assert (row["participant"], row["date"]) == ("TBD", "TBD")


def test_readable_form() -> None:
    result = CliRunner().invoke(cli, ["inspect", str(FIRST)], catch_exceptions=False)

    assert result.exit_code == 0
    assert '[pain-point] "The importer said row 12' in result.stdout
    assert "@00:04:10" in result.stdout


def test_example_study_files_inspect() -> None:
    files = sorted((EXAMPLE_STUDY / "interviews").glob("*.md"))
    if not files:
        pytest.skip("the example study has no snapshots yet")
    for file in files:
        data = _inspect(file)
        assert data["kind"] == "snapshot" and data["insights"]
    assert _inspect(next(EXAMPLE_STUDY.glob("*plan*.md")))["kind"] == "plan"


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("role:", "\trole:", 3, "frontmatter is not valid YAML: a tab character"),
        (
            'role: "Clinic administrator"',
            'role: "Clinic administrator',
            3,
            "frontmatter is not valid YAML: a quoted value is never closed",
        ),
        ("---\nparticipant_id", "participant_id", 1, "no frontmatter"),
        ("**Type:** workaround", "**Type:** hack", 42, "unknown insight type 'hack'"),
    ],
)
def test_inspect_errors(
    tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    text = FIRST.read_text("utf-8")
    assert old in text
    path = write(tmp_path / FIRST.name, text.replace(old, new, 1))

    result = CliRunner().invoke(cli, ["inspect", str(path), "--json"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}:{line}: {message}")
    assert result.stdout == ""


def test_inspect_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / FIRST.name
    path.write_bytes(FIRST.read_bytes().replace(b"Excel", b"Exc\xe9l"))
    line = (
        FIRST.read_text("utf-8")
        .split("\n")
        .index("| 1 | Exported the list | Hopeful | Excel |")
        + 1
    )

    result = CliRunner().invoke(cli, ["inspect", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}:{line}: byte 0xe9 is not UTF-8")
