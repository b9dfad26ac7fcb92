"""CSV export: one row per quote, ready for a spreadsheet."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from research_tool.cli import cli
from research_tool.export.bundle import StudyBundle
from research_tool.export.tables import HEADER, guard_cell, write_csv
from research_tool.model import Evidence, HypothesisEntry, Insight, Snapshot

FIXTURE = Path(__file__).parent / "fixtures" / "export" / "tooling-study"


@pytest.fixture
def study(tmp_path: Path) -> Path:
    target = tmp_path / FIXTURE.name
    shutil.copytree(FIXTURE, target)
    return target


def _bundle(tmp_path: Path, quote: str, role: str = "Account Manager") -> StudyBundle:
    snapshot = Snapshot(
        path=tmp_path / "interviews" / "2026-01-01-participant-001.md",
        text="",
        digest="",
        frontmatter={"participant_id": "user-001", "role": role, "date": "2026-01-01"},
        insights=[Insight(quote, "need", ("alerting", "usage-data"), "", 75.0, 12)],
        hypotheses=[
            HypothesisEntry(
                "1", "H", "SUPPORTED", (Evidence(quote, "supports", 75.0, 30),), 20
            ),
            HypothesisEntry(
                "3", "H", "CHALLENGED", (Evidence(quote, "challenges", None, 40),), 21
            ),
        ],
        opportunities=[],
        sections={},
    )
    return StudyBundle("demo", tmp_path, None, [snapshot])


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_has_a_bom_quoted_fields_and_crlf_row_ends(tmp_path: Path) -> None:
    data, count = write_csv(_bundle(tmp_path, 'She said "fine", then left.'))

    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    assert text.startswith('"study","participant","role"')
    assert text.count("\r\n") == 2 and "\n" not in text.replace("\r\n", "")
    assert '"She said ""fine"", then left."' in text
    assert count == 1


def test_one_row_per_quote_with_every_hypothesis_it_supports(tmp_path: Path) -> None:
    header, row = _rows(write_csv(_bundle(tmp_path, "I need an alert."))[0])
    record = dict(zip(header, row, strict=True))

    assert tuple(header) == HEADER
    assert record["topics"] == "alerting, usage-data"
    assert record["hypothesis"] == "1; 3"
    assert record["stance"] == "supports; challenges"
    assert record["timestamp"] == "00:01:15"
    assert (record["snapshot"], record["line"]) == (
        "interviews/2026-01-01-participant-001.md",
        "12",
    )


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_a_spreadsheet_would_run_get_an_apostrophe(start: str) -> None:
    assert guard_cell(f"{start}1+1") == f"'{start}1+1"


@settings(max_examples=80, deadline=None)
@given(st.text(min_size=1))
def test_no_guarded_cell_starts_like_a_formula(value: str) -> None:
    guarded = guard_cell(value)

    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert guarded.removeprefix("'") == value or guarded == value


def test_formula_in_a_role_is_neutralised_in_the_file(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path, "-- so I gave up.", role='=HYPERLINK("x")')

    _, row = _rows(write_csv(bundle)[0])

    assert row[2] == '\'=HYPERLINK("x")'
    assert row[10] == "'-- so I gave up."


def test_csv_export_of_the_fixture_study(study: Path) -> None:
    result = CliRunner().invoke(
        cli, ["export", str(study), "--format", "csv"], catch_exceptions=False
    )

    out = study / "reports" / "tooling-study.csv"
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    rows = _rows(out.read_bytes())
    assert len(rows) == 1 + 7
    assert {row[1] for row in rows[1:]} == {"user-001", "user-002"}
    assert rows[-1][2].startswith("'=HYPERLINK")
