"""Fixture cases for the lint rules, and the small plans they are run in.

A fixture file holds many cases, each written as::

    Title of the case
    .
    the snippet (Markdown lines)
    .
    the rule ids expected, space-separated, or "none"
    .

Blank lines between cases are ignored; a line starting with ``#`` outside
a case is a comment. ``read_cases`` turns a file into ``pytest.param``s
whose ids carry the file name and the title's line number.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "lint"
MARKER = "."


@dataclass(frozen=True)
class Case:
    title: str
    line: int
    snippet: str
    expected: tuple[str, ...]


def read_cases(path: Path) -> list[pytest.ParameterSet]:
    """The cases of one fixture file, as pytest params."""
    lines = path.read_text("utf-8").split("\n")
    cases = []
    index = 0
    while index < len(lines):
        title = lines[index].strip()
        if not title or title.startswith("#"):
            index += 1
            continue
        if lines[index + 1] != MARKER:
            raise ValueError(f"{path}:{index + 2}: expected a '.' line after the title")
        end_snippet = lines.index(MARKER, index + 2)
        end_expected = lines.index(MARKER, end_snippet + 1)
        snippet = "\n".join(lines[index + 2 : end_snippet])
        words = " ".join(lines[end_snippet + 1 : end_expected]).split()
        expected = tuple(sorted(w for w in words if w != "none"))
        case = Case(title, index + 1, snippet, expected)
        cases.append(pytest.param(case, id=f"{path.stem}:{index + 1}: {title}"))
        index = end_expected + 1
    return cases


GOOD_HYPOTHESES = (
    "Administrators import patient lists by hand at least once a week",
    "Clinics miss their go-live date when IT approval takes more than 2 weeks",
)
GOOD_SCREENER = (
    '1. "In the last 3 months, how many clinics did you bring live?"',
    '2. "Which tools did you use the last time you imported a patient list?"',
)
GOOD_GUIDE = (
    "### Story Elicitation (15-20 min)",
    "",
    '> "Walk me through the last time you imported a patient list."',
    "",
    '- "What happened next?"',
    '- "How did you know it had worked?"',
)
FRONTMATTER = {
    "title": 'title: "Onboarding"',
    "date": "date: 2026-03-01",
    "status": "status: planned",
    "outcome": 'outcome: "Reduce the time a new clinic needs to go live"',
    "sample_size": "sample_size: 6",
    "interviews_completed": "interviews_completed: 0",
}


@dataclass(frozen=True)
class Built:
    text: str
    snippet_lines: range  # where the snippet landed, 1-based


def build_plan(
    *,
    hypotheses: tuple[str, ...] = GOOD_HYPOTHESES,
    screener: tuple[str, ...] = GOOD_SCREENER,
    guide: tuple[str, ...] = GOOD_GUIDE,
    frontmatter: str = "",
    table: tuple[str, ...] | None = None,
) -> str:
    """A small plan that passes lint unless a part is replaced."""
    return _assemble(hypotheses, screener, guide, frontmatter, table)


def with_snippet(family: str, snippet: str) -> Built:
    """The base plan with ``snippet`` in the place ``family`` lints."""
    parts = tuple(snippet.split("\n"))
    if family == "questions":
        guide = parts if parts[0].startswith("#") else ("### Story", "", *parts)
        text = build_plan(guide=guide)
        return Built(text, _where(text, parts))
    if family == "screener":
        text = build_plan(screener=parts)
        return Built(text, _where(text, parts))
    if family == "hypotheses":
        text = build_plan(hypotheses=parts)
        return Built(text, _where(text, tuple(f"| {p} |" for p in parts), loose=True))
    text = build_plan(frontmatter=snippet)
    return Built(text, range(1, len(text.split("\n")) + 1))


def _assemble(
    hypotheses: tuple[str, ...],
    screener: tuple[str, ...],
    guide: tuple[str, ...],
    extra: str,
    table: tuple[str, ...] | None,
) -> str:
    keys = dict(FRONTMATTER)
    overrides = _top_level(extra)
    listed = [f'  - "{h}"' for h in hypotheses]
    keys["hypotheses"] = "\n".join(["hypotheses:", *listed])
    keys.update(overrides)
    keys = {k: v for k, v in keys.items() if v.strip() != f"{k}: ~"}
    rows = table if table is not None else hypotheses
    lines = [
        "---",
        *keys.values(),
        "---",
        "",
        "# Onboarding",
        "",
        "## Hypotheses",
        "",
        "| # | Hypothesis | Status |",
        "|---|------------|--------|",
        *[f"| {n} | {h} | UNTESTED |" for n, h in enumerate(rows, start=1)],
        "",
        "## Participant Criteria",
        "",
        "### Screener Questions",
        "",
        *screener,
        "",
        "## Discussion Guide",
        "",
        *guide,
        "",
        "## Schedule",
        "",
        "| # | Participant | Date | Status |",
        "|---|-------------|------|--------|",
        "| 1 | TBD | TBD | Not scheduled |",
        "",
    ]
    return "\n".join(lines)


def _top_level(extra: str) -> dict[str, str]:
    """Frontmatter lines by top-level key (indented lines belong to the key above)."""
    found: dict[str, list[str]] = {}
    key = ""
    for line in extra.split("\n"):
        if line and not line[0].isspace() and ":" in line:
            key = line.split(":", 1)[0]
            found[key] = []
        if key:
            found[key].append(line)
    return {k: "\n".join(v) for k, v in found.items()}


def _where(text: str, parts: tuple[str, ...], loose: bool = False) -> range:
    lines = text.split("\n")
    hits = [
        number
        for number, line in enumerate(lines, start=1)
        if any((p in line) if loose else line == p for p in parts if p.strip())
    ]
    return range(min(hits), max(hits) + 1)
