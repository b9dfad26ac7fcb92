"""``research report`` on the example study: goldens, determinism, the command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from research_tool.cli import cli
from research_tool.report.build import write_report

GOLDEN = Path(__file__).parent / "golden" / "report"
QUOTE_LINE = re.compile(
    r'^> "(?P<quote>.+)" — (?P<pid>user-\d+) \((?P<role>[^)]*)\), '
    r"(?P<at>\d\d:\d\d:\d\d|—) · (?P<path>interviews/[^:]+\.md):(?P<line>\d+)$"
)


def _has_snapshots(study: Path) -> bool:
    return any((study / "interviews").glob("*.md"))


@pytest.fixture
def study(example_study: Path) -> Path:
    if not _has_snapshots(example_study):
        pytest.skip("the example study has no snapshots yet")
    return example_study


@pytest.mark.parametrize("name", ["findings.md", "findings.html"])
def test_example_study_matches_golden(
    study: Path, name: str, update_golden: bool
) -> None:
    write_report(study)
    produced = (study / "reports" / name).read_text(encoding="utf-8")

    golden = GOLDEN / name
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert golden.is_file(), f"no golden {golden}; run pytest --update-golden"
    assert produced == golden.read_text(encoding="utf-8")


def test_two_runs_give_identical_bytes(study: Path, tmp_path: Path) -> None:
    write_report(study, out=tmp_path / "one")
    write_report(study, out=tmp_path / "two")

    for name in ("findings.md", "findings.html"):
        first = (tmp_path / "one" / name).read_bytes()
        assert first == (tmp_path / "two" / name).read_bytes()


def test_every_quote_line_is_traceable_to_its_snapshot(study: Path) -> None:
    write_report(study)
    report = (study / "reports" / "findings.md").read_text(encoding="utf-8")

    quote_lines = [line for line in report.splitlines() if line.startswith('> "')]
    assert quote_lines
    for line in quote_lines:
        match = QUOTE_LINE.match(line)
        assert match, line
        snapshot = (study / match["path"]).read_text(encoding="utf-8").splitlines()
        assert match["quote"] in snapshot[int(match["line"]) - 1], line


def test_html_is_self_contained(study: Path) -> None:
    write_report(study, formats=("html",))
    page = (study / "reports" / "findings.html").read_text(encoding="utf-8")

    assert "<script" not in page
    assert not re.search(r"(?:https?:|//[a-z]|url\(|@import)", page)
    assert page.count("<svg") == 2
    assert "@media print" in page
    assert not (study / "reports" / "findings.md").exists()


def test_command_writes_both_and_prints_paths(study: Path) -> None:
    result = CliRunner().invoke(cli, ["report", str(study)], catch_exceptions=False)

    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        str(study / "reports" / "findings.md"),
        str(study / "reports" / "findings.html"),
    ]


def test_command_json_date_format_and_out(study: Path, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere"
    args = ["report", str(study), "--format", "md", "--out", str(out)]
    result = CliRunner().invoke(
        cli, [*args, "--date", "2026-03-10", "--json"], catch_exceptions=False
    )

    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["paths"] == {"md": str(out / "findings.md")}
    assert data["counts"]["interviews"] == len(list((study / "interviews").glob("*")))
    assert "Date: 2026-03-10" in (out / "findings.md").read_text(encoding="utf-8")
    assert not (study / "reports" / "findings.md").exists()


def test_no_date_unless_asked(study: Path) -> None:
    write_report(study)

    assert "Date:" not in (study / "reports" / "findings.md").read_text("utf-8")


def test_bad_date_and_missing_study_are_clear_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["report", str(tmp_path / "nope")])
    bad_date = runner.invoke(cli, ["report", str(tmp_path), "--date", "10/03/2026"])

    assert missing.exit_code == 1
    assert missing.output.startswith("Error: ")
    assert "Traceback" not in missing.output
    assert bad_date.exit_code == 2
    assert "--date" in bad_date.output


def test_verification_goes_to_the_appendix_and_marks_quotes(study: Path) -> None:
    from research_tool.studies import load_study
    from research_tool.verify import verify_study

    verification = verify_study(load_study(study))
    write_report(study, verification=verification)

    markdown = (study / "reports" / "findings.md").read_text(encoding="utf-8")
    page = (study / "reports" / "findings.html").read_text(encoding="utf-8")
    expected = (
        f"{verification.verified} verified, {verification.failed} failed, "
        f"{verification.unverifiable} could not be checked"
    )
    assert expected in markdown
    assert page.count('class="state state-verified"') >= verification.verified // 2


def test_excluded_evidence_leaves_counts_and_quotes(study: Path) -> None:
    from research_tool.studies import load_study

    loaded = load_study(study)
    gone = loaded.snapshots[0]
    kept_before = [e.quote for h in gone.hypotheses for e in h.evidence]
    assert kept_before

    result = write_report(study, exclude=lambda snapshot, _: snapshot.path == gone.path)

    markdown = (study / "reports" / "findings.md").read_text(encoding="utf-8")
    evidence = markdown.split("## Evidence by hypothesis")[1].split("## New hyp")[0]
    assert gone.path.name not in evidence
    assert f"{len(kept_before)} quotes were left out" in markdown
    assert result.counts["interviews"] == len(loaded.snapshots)


def test_a_study_template_overrides_the_shipped_one(study: Path) -> None:
    (study / "templates").mkdir()
    (study / "templates" / "findings.md.j2").write_text(
        "# {{ f.title | md }}: {{ f.method.interviews }} interviews\n", "utf-8"
    )

    write_report(study, formats=("md",))

    text = (study / "reports" / "findings.md").read_text(encoding="utf-8")
    assert text.startswith("# Account management team effectiveness and tooling: ")


def test_open_launches_the_page(study: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    launched: list[str] = []
    monkeypatch.setattr("click.launch", lambda url, **_: launched.append(url) or 0)

    result = CliRunner().invoke(cli, ["report", str(study), "--open"])

    assert result.exit_code == 0, result.output
    assert launched == [str(study / "reports" / "findings.html")]
