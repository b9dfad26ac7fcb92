"""Study plans: frontmatter, the Hypotheses and Schedule tables, the guide.

``parse_plan`` checks the whole file and raises one ProblemsError listing
every problem as ``FILE:LINE: message``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from research_tool.errors import ProblemsError
from research_tool.fileio import read_text
from research_tool.mdtable import Document, parse_markdown
from research_tool.model import Plan
from research_tool.plan_tables import (
    frontmatter_problems,
    read_hypotheses,
    read_schedule,
    sample_size,
)
from research_tool.yamlblock import load

_QUOTED = re.compile(r"[\"“](.+?)[\"”]")
_WHOLE_LINE_QUOTE = re.compile(r"^\s*(?:[-*+>]\s*)+[\"“](.+)[\"”]\s*$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_CHECKBOX = re.compile(r"^\s*[-*+]\s+\[([ xX])\]\s+(.*)$")


@dataclass(frozen=True)
class ChecklistItem:
    checked: bool
    text: str
    line: int


def parse_plan(path: Path) -> Plan:
    """Read and check a plan file (see ``parse_plan_text``)."""
    source = read_text(path)
    return parse_plan_text(path, source.text, source.digest)


def parse_plan_text(path: Path, text: str, digest: str) -> Plan:
    """Parse a plan's text; raise ProblemsError listing every problem."""
    frontmatter, block, problems = load(path, text)
    if block is None:
        raise ProblemsError(problems)

    document = parse_markdown(text, blank_lines=block.end)
    hypotheses = read_hypotheses(path, document, problems)
    schedule = read_schedule(path, document, problems)
    problems += frontmatter_problems(path, text, frontmatter, hypotheses)

    if problems:
        raise ProblemsError(problems)
    return Plan(
        path, text, digest, frontmatter, hypotheses, schedule, list(document.sections)
    )


def plan_document(plan: Plan) -> Document:
    """The plan's Markdown with tables and cell spans, for editors."""
    _, block, _ = load(plan.path, plan.text)
    return parse_markdown(plan.text, blank_lines=block.end if block else 0)


def guide_question_lines(plan: Plan) -> list[tuple[int, str]]:
    """The quoted prompts and probes of the Discussion Guide, with their lines."""
    document = plan_document(plan)
    section = document.section("Discussion Guide")
    if section is None:
        return []
    found = []
    for number in range(section.line + 1, section.end_line + 1):
        line = document.lines[number - 1]
        whole = _WHOLE_LINE_QUOTE.match(line)
        if whole:
            found.append((number, whole.group(1)))
        else:
            found += [(number, m.group(1)) for m in _QUOTED.finditer(line)]
    return found


def guide_questions(plan: Plan) -> list[str]:
    """The quoted prompts and probes of the Discussion Guide, in order."""
    return [question for _, question in guide_question_lines(plan)]


def sample_size_target(plan: Plan) -> int | None:
    """``sample_size`` as a number; for a range such as ``"6-8"``, its lower end."""
    return sample_size(plan.frontmatter.get("sample_size"))


def three_things(plan: Plan) -> list[str]:
    """The numbered items of "Three Most Important Things to Learn"."""
    document = plan_document(plan)
    section = document.section("Three Most Important Things to Learn")
    if section is None:
        return []
    lines = document.lines[section.line : section.end_line]
    return [m.group(1).strip() for m in map(_NUMBERED.match, lines) if m]


def checklists(plan: Plan) -> dict[str, list[ChecklistItem]]:
    """Checkbox items (``- [ ]`` / ``- [x]``) by the title of their section."""
    document = plan_document(plan)
    found: dict[str, list[ChecklistItem]] = {}
    for section in document.sections:
        last = min(
            [s.line - 1 for s in document.subsections(section)] or [section.end_line]
        )
        for number in range(section.line + 1, last + 1):
            match = _CHECKBOX.match(document.lines[number - 1])
            if match:
                item = ChecklistItem(
                    match.group(1) != " ", match.group(2).strip(), number
                )
                found.setdefault(section.title, []).append(item)
    return found
