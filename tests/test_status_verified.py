"""status and report count only evidence whose quote is in its transcript."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from research_tool.cli import cli

SNAPSHOT = "interviews/2026-02-09-participant-001.md"
ALTERED = {
    "Usage was never the problem.": "Usage was always the problem.",
    "pretty low usage, maybe thirty": "pretty high usage, maybe thirty",
}


def _alter_hypothesis_3_quotes(study: Path) -> None:
    path = study / SNAPSHOT
    text = path.read_text(encoding="utf-8")
    for old, new in ALTERED.items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def _status_json(study: Path, *extra: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["status", str(study), "--json", *extra])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def _cell(data: dict[str, object], number: int) -> str:
    hypotheses = data["hypotheses"]
    assert isinstance(hypotheses, list)
    return str(hypotheses[number - 1]["cell"])


def test_altered_quotes_are_left_out_and_said(example_study: Path) -> None:
    assert _cell(_status_json(example_study), 3) == "MIXED (1 for, 1 against, of 2)"

    _alter_hypothesis_3_quotes(example_study)
    data = _status_json(example_study)

    assert _cell(data, 3) == "SUPPORTED (1 of 2)"
    assert str(data["evidence_note"]).startswith("2 evidence items left out")


def test_allow_unverified_counts_them(example_study: Path) -> None:
    _alter_hypothesis_3_quotes(example_study)
    data = _status_json(example_study, "--allow-unverified")

    assert _cell(data, 3) == "MIXED (1 for, 1 against, of 2)"
    assert "counted although" in str(data["evidence_note"])


def test_absent_transcripts_count_as_unverifiable(example_study: Path) -> None:
    for transcript in (example_study / "transcripts").glob("2026-0[12]-*"):
        transcript.unlink()
    data = _status_json(example_study)

    assert _cell(data, 3) == "MIXED (1 for, 1 against, of 2)"
    assert "unverifiable: source transcript absent" in str(data["evidence_note"])


def test_report_leaves_them_out_too(example_study: Path) -> None:
    _alter_hypothesis_3_quotes(example_study)
    result = CliRunner().invoke(cli, ["report", str(example_study), "--format", "md"])
    assert result.exit_code == 0, result.output

    findings = (example_study / "reports" / "findings.md").read_text(encoding="utf-8")
    assert "Usage was always the problem." not in findings
    assert "2 failed" in findings
