"""A findings file a person edited is never replaced without --force."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from research_tool.cli import cli
from research_tool.generated import edited_by_hand, stamped


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_a_stamped_text_reads_as_unedited(text: str) -> None:
    assert not edited_by_hand(stamped(text, "research report"))


@settings(max_examples=100, deadline=None)
@given(st.text(), st.text(min_size=1))
def test_any_addition_reads_as_edited(text: str, added: str) -> None:
    assert edited_by_hand(added + stamped(text, "research report"))


def test_unstamped_text_reads_as_edited() -> None:
    assert edited_by_hand("# Findings, typed by hand\n")


def test_report_refuses_to_replace_an_edited_page(example_study: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["report", str(example_study)]).exit_code == 0
    findings = example_study / "reports" / "findings.md"
    page = example_study / "reports" / "findings.html"
    first_page = page.read_bytes()

    # A rerun over untouched files replaces them silently, byte for byte.
    assert runner.invoke(cli, ["report", str(example_study)]).exit_code == 0
    assert page.read_bytes() == first_page

    edited = findings.read_text(encoding="utf-8").replace("# ", "# My notes: ", 1)
    findings.write_text(edited, encoding="utf-8")
    refused = runner.invoke(cli, ["report", str(example_study)])
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"Error: {findings}:")
    assert "--force" in refused.stderr
    assert findings.read_text(encoding="utf-8") == edited
    assert page.read_bytes() == first_page  # neither file was written

    forced = runner.invoke(cli, ["report", str(example_study), "--force"])
    assert forced.exit_code == 0
    assert (example_study / "reports" / "findings.md.bak").read_text(
        encoding="utf-8"
    ) == edited
    assert "My notes" not in findings.read_text(encoding="utf-8")
