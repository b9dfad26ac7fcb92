"""Reports that must still read sensibly: no interviews, one, silence, hostile text."""

from __future__ import annotations

import html
import re
from pathlib import Path

from report_study import Interview, write_study

from research_tool.report.build import write_report
from research_tool.report.render import md_cell
from tests.html_tags import TagCollector

HOSTILE = (
    'We typed <script>alert(1)</script> and <img src=x onerror="alert(2)"> | there'
)


def _report(study: Path) -> tuple[str, str]:
    write_report(study)
    reports = study / "reports"
    return (
        (reports / "findings.md").read_text(encoding="utf-8"),
        (reports / "findings.html").read_text(encoding="utf-8"),
    )


def _section(markdown: str, title: str) -> str:
    start = markdown.index(f"\n## {title}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else None]


def _one(number: int = 1, date: str = "2026-02-01", **kwargs: object) -> Interview:
    quote = "Friday afternoon goes to the weekly reporting deck every single week."
    defaults: dict[str, object] = {
        "insights": [(quote, "pain-point", "weekly-reporting", "00:03:10")],
        "evidence": {1: [(quote, "supports", "00:03:10")]},
        "opportunities": [
            (
                "Users need a way to send the weekly report without building it",
                "Strong",
                quote,
            ),
        ],
    }
    defaults.update(kwargs)
    return Interview(number, date, **defaults)  # type: ignore[arg-type]


def test_zero_interviews(tmp_path: Path) -> None:
    markdown, page = _report(write_study(tmp_path, []))

    assert "No interviews yet." in _section(markdown, "Method")
    assert "0 done of 4 planned" in markdown
    assert (
        _section(markdown, "Evidence by hypothesis").count(
            "No evidence yet — still open."
        )
        == 3
    )
    assert _section(markdown, "What we set out to learn").count("still open") == 3
    assert "No new hypotheses emerged yet." in markdown
    assert "No opportunities yet." in markdown
    assert "No interviews yet" in page and page.count("<svg") == 2
    assert "| H3 |" in markdown and "UNTESTED" in markdown


def test_one_interview_and_a_hypothesis_nobody_spoke_to(tmp_path: Path) -> None:
    markdown, page = _report(write_study(tmp_path, [_one()]))

    evidence = _section(markdown, "Evidence by hypothesis")
    h1, rest = evidence.split("### H2:")
    assert "No challenging evidence yet." in h1
    assert "user-001 (Account Manager), 00:03:10 · interviews/" in h1
    assert rest.count("No evidence yet — still open.") == 2
    assert "| H2 | Support tickets stay invisible" in markdown
    assert re.search(r"\| H2 \|[^\n]*\| UNTESTED \| 0 \| 0 \| 0 \| 1 \|", markdown)
    assert "1 interviews" not in markdown
    assert "Nothing recurs across participants yet." in markdown
    assert "raised by 1 participant\n" in markdown or "raised by 1 participant" in page


def test_recurring_and_themes_count_people_not_mentions(tmp_path: Path) -> None:
    chatty = _one(
        1,
        insights=[
            (f"Usage talk number {i} about the dashboard.", "need", "usage-data", "")
            for i in range(5)
        ],
    )
    others = [_one(n, f"2026-02-0{n}") for n in (2, 3)]
    markdown, _ = _report(write_study(tmp_path, [chatty, *others]))

    table = _section(markdown, "Themes")
    assert table.index("| weekly-reporting | 2 | 2 |") < table.index(
        "| usage-data | 1 | 5 |"
    )
    assert "#### Pain points: weekly-reporting (2 participants)" in markdown
    assert "### 1. Users need a way to send the weekly report" in markdown
    assert "3 participants (user-001, user-002, user-003); strongest" in markdown


def test_hostile_text_renders_as_text(tmp_path: Path) -> None:
    hostile = _one(
        insights=[(HOSTILE, "pain-point", "weekly-reporting", "00:01:00")],
        evidence={3: [(HOSTILE, "challenges", "00:01:00")]},
        new=[("Teams paste <script>x</script> into notes", HOSTILE)],
    )
    third = "Nobody checks <b>usage</b> | tickets before a renewal"
    markdown, page = _report(write_study(tmp_path, [hostile], third=third))

    parser = TagCollector()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert "b" not in parser.tags
    assert HOSTILE in "".join(parser.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page

    # Markdown: the quote line holds the words HTML-escaped (verify unescapes
    # them); everything else is one line, with `<` and `|` escaped in tables.
    assert f'> "{html.escape(HOSTILE, quote=False)}" — user-001' in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| H3 |"))
    assert "&lt;b>usage&lt;/b> \\| tickets" in row
    assert len(re.findall(r"(?<!\\)\|", row)) == 8
    assert "### Teams paste &lt;script>x&lt;/script> into notes" in markdown


def test_markdown_cell_escapes_pipes_and_newlines() -> None:
    assert md_cell("a | b\nc\r\nd <i>") == "a \\| b c d &lt;i>"
