"""findings.md writes quotes HTML-escaped, and verify still finds them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from report_study import Interview, write_study

from research_tool.cli import cli
from research_tool.quotes import escape_html, unescape_html
from research_tool.report.build import write_report
from research_tool.studies import load_study
from research_tool.verify import verify_study
from tests.html_tags import TagCollector

QUOTE = "Our notes had <script>alert(1)</script> pasted from the AT&T portal again."
DATE = "2026-02-01"


def _study(tmp_path: Path) -> Path:
    interview = Interview(
        1,
        DATE,
        insights=[(QUOTE, "pain-point", "weekly-reporting", "00:01:00")],
        evidence={1: [(QUOTE, "supports", "00:01:00")]},
    )
    study = write_study(tmp_path, [interview])
    transcript = f"Interviewer: What happens on Fridays?\nSam: {QUOTE}\n"
    (study / "transcripts" / f"{DATE}-user-001.txt").write_text(transcript, "utf-8")
    return study


def test_findings_quotes_are_escaped_and_still_verify(tmp_path: Path) -> None:
    study = _study(tmp_path)
    write_report(study)
    markdown = (study / "reports" / "findings.md").read_text(encoding="utf-8")

    assert "<script" not in markdown
    assert "AT&T" not in markdown
    assert '"Our notes had &lt;script&gt;alert(1)&lt;/script&gt;' in markdown
    assert "the AT&amp;T portal again." in markdown

    items = verify_study(load_study(study), cache=False).items
    from_report = [item for item in items if item.kind == "report"]
    assert from_report
    assert {item.state for item in from_report} == {"verified"}
    assert {item.quote for item in from_report} == {QUOTE}

    result = CliRunner().invoke(cli, ["verify", str(study)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert " 0 failed, 0 unverifiable" in result.stderr


def test_the_html_page_still_shows_the_words_as_text(tmp_path: Path) -> None:
    study = _study(tmp_path)
    write_report(study)
    page = (study / "reports" / "findings.html").read_text(encoding="utf-8")

    parser = TagCollector()
    parser.feed(page)

    assert "script" not in parser.tags
    assert QUOTE in "".join(parser.text)
    assert "&amp;lt;" not in page  # escaped once, not twice


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab &<>;ltgmp#\n\"'"), max_size=40))
def test_unescape_undoes_escape(text: str) -> None:
    escaped = escape_html(text)

    assert "<" not in escaped and ">" not in escaped
    assert unescape_html(escaped) == text


def test_unescape_leaves_other_ampersands_alone() -> None:
    assert unescape_html("AT&T &copy; &amp;lt;") == "AT&T &copy; &lt;"
