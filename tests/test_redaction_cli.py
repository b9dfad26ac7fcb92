"""``research redact``: the redacted text, the report by kind, the errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from research_tool.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "redaction"
KRISTA = Path("transcripts/2026-02-09-krista.vtt")
NAMES = ["Krista", "Halvorsen", "Dana", "Marcus", "Northwind", "Renee", "Meridian"]


def test_prints_the_transcript_redacted_within_its_study(example_study: Path) -> None:
    result = CliRunner().invoke(
        cli, ["redact", str(example_study / KRISTA)], catch_exceptions=False
    )

    assert result.exit_code == 0
    assert result.stdout.startswith("Interviewer: Hi [user-001], can you hear me")
    assert "\n\nuser-001: " in result.stdout
    assert "[client-org-1]" in result.stdout and "Salesforce" in result.stdout
    assert [n for n in NAMES if n in result.stdout] == []
    assert "replacements in" in result.stderr


def test_report_lists_kinds_and_counts_never_originals(example_study: Path) -> None:
    result = CliRunner().invoke(
        cli, ["redact", str(example_study / KRISTA), "--report"]
    )

    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert ["organisation", "[client-org-1]"] in [row[:2] for row in rows]
    assert all(row[2].isdigit() for row in rows)
    assert [n for n in NAMES if n in result.stdout] == []


def test_json_report(example_study: Path) -> None:
    result = CliRunner().invoke(
        cli, ["redact", str(example_study / KRISTA), "--report", "--json"]
    )

    data = json.loads(result.stdout)
    assert data["counts"]["email"] >= 1
    assert {"kind", "replacement", "count"} == set(data["replacements"][0])


def test_participant_id_and_study_given(tmp_path: Path, example_study: Path) -> None:
    outside = tmp_path / "krista.vtt"
    shutil.copy(example_study / KRISTA, outside)

    result = CliRunner().invoke(
        cli,
        [
            "redact",
            str(outside),
            "--participant-id",
            "user-042",
            "--study",
            str(example_study),
        ],
    )

    assert result.exit_code == 0, result.output
    assert "\n\nuser-042: " in result.stdout
    assert "Northwind" not in result.stdout


def test_outside_a_study_only_speakers_and_contacts(tmp_path: Path) -> None:
    source = tmp_path / "t.txt"
    source.write_text(
        "Dana Whitfield: Hi Krista.\n\nKrista Halvorsen: Mail me at k@x.io, Dana.\n",
        encoding="utf-8",
    )

    result = CliRunner().invoke(cli, ["redact", str(source)])

    assert result.stdout == (
        "Interviewer: Hi [participant].\n\n"
        "participant: Mail me at [email], [Interviewer].\n\n"
    )


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["redact", str(tmp_path / "none.vtt")])

    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path / 'none.vtt'}:")


def test_participant_id_from_the_roster_when_no_snapshot_cites_the_file(
    example_study: Path,
) -> None:
    wesley = example_study / "transcripts" / "2026-03-03-wesley.txt"

    result = CliRunner().invoke(cli, ["redact", str(wesley)])

    assert "\n\nuser-005: " in result.stdout
    assert "Thanks for joining, [user-005]." in result.stdout
