"""The parts of a plan the rules read: guide and screener questions by line.

Built on ``plans.parse_plan``: the Discussion Guide's quoted prompts come
from ``plans.guide_question_lines``; the screener's items and the guide's
unquoted questions are read from the plan's lines within ``Plan.sections``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from research_tool.mdtable import split_lines
from research_tool.model import Plan, Section
from research_tool.plans import guide_question_lines

_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*\S)\s*$")
_QUOTES = '"“”'


@dataclass(frozen=True)
class Question:
    """A prompt the interviewer will say, and the heading it sits under."""

    line: int
    text: str
    heading: str  # the innermost heading, e.g. "Story Elicitation (15-20 min)"


@dataclass(frozen=True)
class PlanDoc:
    """A parsed plan with its questions, ready for the rules."""

    plan: Plan
    guide: tuple[Question, ...]
    screener: tuple[Question, ...]

    def story(self) -> tuple[Question, ...]:
        """The guide questions under a heading about stories."""
        return tuple(q for q in self.guide if "story" in q.heading.casefold())


def plan_doc(plan: Plan) -> PlanDoc:
    """Collect the guide and screener questions of ``plan``."""
    lines = split_lines(plan.text)

    guide = _section(plan, "Discussion Guide")
    quoted = guide_question_lines(plan)
    skip = {number for number, _ in quoted}
    unquoted = _unquoted_questions(lines, guide, skip) if guide else []
    found = sorted(quoted + unquoted, key=lambda item: item[0])
    questions = tuple(Question(n, t, _heading(plan, n)) for n, t in found)

    screener = _section(plan, "Screener Questions")
    items = _list_items(lines, screener) if screener else []
    return PlanDoc(plan, questions, tuple(Question(n, t, "") for n, t in items))


def _section(plan: Plan, title: str) -> Section | None:
    """The first heading titled ``title`` (any case, trailing colon ignored)."""
    wanted = title.casefold()
    for section in plan.sections:
        if " ".join(section.title.rstrip(":").split()).casefold() == wanted:
            return section
    return None


def _unquoted_questions(
    lines: list[str], section: Section, skip: set[int]
) -> list[tuple[int, str]]:
    """List items that end in a question mark and hold no quoted prompt."""
    return [
        (number, text)
        for number, text in _list_items(lines, section)
        if number not in skip and text.endswith("?")
    ]


def _list_items(lines: list[str], section: Section) -> list[tuple[int, str]]:
    items = []
    for number in range(section.line + 1, section.end_line + 1):
        match = _LIST_ITEM.match(lines[number - 1])
        if match:
            items.append((number, match.group(1).strip(_QUOTES + " ")))
    return items


def _heading(plan: Plan, line: int) -> str:
    holding = [s for s in plan.sections if s.line < line <= s.end_line]
    return max(holding, key=lambda s: s.line).title if holding else ""
