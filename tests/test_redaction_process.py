"""After ``research process``, no planted personal data reaches a snapshot."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from research_tool.cli import cli
from tests.fixtures.redaction import planted

FIXTURES = Path(__file__).parent / "fixtures" / "redaction"
EXAMPLE_STUDY = (
    Path(__file__).parent.parent / "studies" / "account-management-effectiveness"
)


def planted_study(root: Path) -> Path:
    """A study whose transcripts are the planted conversation in every format."""
    study = root / "planted-study"
    transcripts = study / "transcripts"
    transcripts.mkdir(parents=True)
    (study / "interviews").mkdir()
    plan = next(EXAMPLE_STUDY.glob("*-plan.md"))
    shutil.copy(plan, study / plan.name)
    shutil.copy(FIXTURES / "roster.yaml", transcripts / "roster.yaml")
    for name in planted.FIXTURES:
        shutil.copy(FIXTURES / name, transcripts / f"2026-03-10-{name}")
    planted.write_docx(transcripts / "2026-03-10-planted.docx")
    return study


def test_snapshots_hold_no_planted_string_and_their_quotes_verify(
    tmp_path: Path,
) -> None:
    study = planted_study(tmp_path)
    runner = CliRunner()

    result = runner.invoke(cli, ["process", str(study), "--no-input"])

    assert result.exit_code == 0, result.output
    snapshots = sorted((study / "interviews").glob("*.md"))
    assert len(snapshots) == len(planted.FIXTURES) + 1
    for snapshot in snapshots:
        text = snapshot.read_text(encoding="utf-8").casefold()
        leaked = [p for p in planted.PLANTED if p.casefold() in text]
        assert leaked == [], snapshot.name
    assert (study / "transcripts" / ".gitignore").is_file()

    verified = runner.invoke(cli, ["verify", str(study)])
    assert verified.exit_code == 0, verified.output
    assert " 0 failed" in verified.stderr
