"""research export on the command line: paths, JSON summary, errors, example study."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xmlschema
from click.testing import CliRunner

from research_tool.cli import cli
from research_tool.export.ids import guid
from research_tool.export.records import snapshot_quotes
from research_tool.quotes import locate
from research_tool.snapshots import parse_snapshot

FIXTURE = Path(__file__).parent / "fixtures" / "export" / "tooling-study"
NS = {"q": "urn:QDA-XML:project:1.0"}
XSD = Path(__file__).parent / "fixtures" / "export" / "Project.xsd"


@pytest.fixture
def study(tmp_path: Path) -> Path:
    target = tmp_path / FIXTURE.name
    shutil.copytree(FIXTURE, target)
    return target


def _export(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["export", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_summary_names_the_file_and_counts(study: Path) -> None:
    code, out, _ = _export(str(study), "--format", "qdc", "--json")

    data = json.loads(out)
    assert code == 0
    assert data["path"] == str(study / "reports" / "tooling-study.qdc")
    assert data["format"] == "qdc"
    assert data["counts"]["codes"] > 10
    assert data["unlocated"] == []


def test_unknown_format_is_a_usage_error(study: Path) -> None:
    code, _, err = _export(str(study), "--format", "nvivo")

    assert code == 2
    assert "Invalid value for '--format'" in err


def test_missing_study_is_an_error_naming_it(tmp_path: Path) -> None:
    code, out, err = _export(str(tmp_path / "nowhere"), "--format", "csv")

    assert (code, out) == (1, "")
    assert err == f"Error: {tmp_path / 'nowhere'}: no such file or folder\n"


def test_out_never_replaces_a_file_that_is_not_an_export(study: Path) -> None:
    plan = next(study.glob("*-plan.md"))
    before = plan.read_bytes()

    code, _, err = _export(str(study), "--format", "csv", "--out", str(plan))

    assert code == 1
    assert "is not an export" in err
    assert plan.read_bytes() == before


def test_out_replaces_an_earlier_export(study: Path, tmp_path: Path) -> None:
    out = tmp_path / "quotes.csv"
    out.write_text("old", encoding="utf-8")

    code, printed, _ = _export(str(study), "--format", "csv", "--out", str(out))

    assert (code, printed.strip()) == (0, str(out))
    assert out.read_bytes().startswith('\ufeff"study"'.encode())


@pytest.fixture
def example(example_study: Path) -> Path:
    if not any((example_study / "interviews").glob("*.md")):
        pytest.skip("the example study has no snapshots yet")
    return example_study


def test_example_study_exports_a_valid_project_with_exact_offsets(
    example: Path,
) -> None:
    code, out, _ = _export(str(example), "--format", "qdpx", "--json")
    assert code == 0
    summary = json.loads(out)

    with zipfile.ZipFile(summary["path"]) as archive:
        project = archive.read("project.qde").decode("utf-8")
        texts = {n: archive.read(n).decode("utf-8") for n in archive.namelist()[1:]}
    xmlschema.XMLSchema(str(XSD)).validate(project)

    assert summary["counts"]["selections"] >= 10
    assert summary["counts"]["unlocated"] == len(summary["unlocated"])
    for text in texts.values():
        assert "\r" not in text
        assert "Krista" not in text and "Marcus Bell" not in text
    assert "krista" not in project.casefold()


def test_example_study_csv_has_one_row_per_quote(example: Path) -> None:
    code, out, _ = _export(str(example), "--format", "csv")
    assert code == 0

    text = Path(out.strip()).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))

    assert {row["participant"] for row in rows} == {"user-001", "user-002"}
    assert all(row["study"] == example.name for row in rows)
    assert all(row["line"].isdigit() for row in rows)


def test_example_selections_hold_exactly_their_quotes(example: Path) -> None:
    code, out, _ = _export(str(example), "--format", "qdpx", "--json")
    assert code == 0
    with zipfile.ZipFile(json.loads(out)["path"]) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        texts = {n: archive.read(n).decode("utf-8") for n in archive.namelist()[1:]}

    quotes = {}
    for path in sorted((example / "interviews").glob("*.md")):
        for record in snapshot_quotes(parse_snapshot(path)):
            where = f"interviews/{path.name}"
            quotes[guid("selection", where, str(record.line))] = record.quote

    checked = 0
    for source in root.iterfind(".//q:TextSource", NS):
        name = source.get("plainTextPath", "").replace("internal://", "sources/")
        for selection in source.iterfind("q:PlainTextSelection", NS):
            start = int(selection.get("startPosition", -1))
            end = int(selection.get("endPosition", -1))
            piece = texts[name][start:end]
            match = locate(quotes[selection.get("guid", "")], piece)
            assert (match.found, match.start, match.end) == (True, 0, len(piece))
            checked += 1
    assert checked == json.loads(out)["counts"]["selections"]


def test_docs_research_layout_exports_to_its_reports_folder(tmp_path: Path) -> None:
    project = tmp_path / "acme"
    research = project / "docs" / "research"
    shutil.copytree(FIXTURE / "interviews", research / "interviews")
    (research / "plans").mkdir()
    for plan in FIXTURE.glob("*-plan.md"):
        shutil.copy(plan, research / "plans" / plan.name)

    code, out, _ = _export(str(project), "--format", "csv")

    assert (code, out.strip()) == (0, str(research / "reports" / "tooling-study.csv"))
    rows = list(csv.reader(io.StringIO(Path(out.strip()).read_text("utf-8-sig"))))
    assert {row[0] for row in rows[1:]} == {"tooling-study"}
