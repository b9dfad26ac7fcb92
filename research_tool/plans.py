"""Study plans: frontmatter, the Hypotheses and Schedule tables, the guide.

``parse_plan`` checks the whole file and raises one ProblemsError listing
every problem as ``FILE:LINE: message``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from research_tool.errors import Problem, ProblemsError
from research_tool.fileio import read_text
from research_tool.mdtable import Document, Table, parse_markdown
from research_tool.model import PLAN_STATUSES, Plan, PlanHypothesis, ScheduleRow
from research_tool.yamlblock import load
from research_tool.yamledit import key_line

_STATUS_WORD = re.compile(r"^([A-Za-z]+)")
_RANGE = re.compile(r"^\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*$")
_QUOTED = re.compile(r"[\"“](.+?)[\"”]")
_WHOLE_LINE_QUOTE = re.compile(r"^\s*(?:[-*+>]\s*)+[\"“](.+)[\"”]\s*$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_CHECKBOX = re.compile(r"^\s*[-*+]\s+\[([ xX])\]\s+(.*)$")

MISSING_HYPOTHESES = (
    "no '## Hypotheses' section; add one with a table | # | Hypothesis | Status |"
)


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
    hypotheses = _hypotheses(path, document, problems)
    schedule = _schedule(path, document, problems)
    problems += _frontmatter_problems(path, text, frontmatter, hypotheses)

    if problems:
        raise ProblemsError(problems)
    return Plan(
        path, text, digest, frontmatter, hypotheses, schedule, list(document.sections)
    )


def plan_document(plan: Plan) -> Document:
    """The plan's Markdown with tables and cell spans, for editors."""
    _, block, _ = load(plan.path, plan.text)
    return parse_markdown(plan.text, blank_lines=block.end if block else 0)


def hypotheses_table(document: Document) -> Table | None:
    section = document.section("Hypotheses", 2) or document.section("Hypotheses")
    tables = document.tables_in(section) if section else []
    return tables[0] if tables else None


def schedule_table(document: Document) -> Table | None:
    section = document.section("Schedule")
    tables = document.tables_in(section) if section else []
    return tables[0] if tables else None


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
    return _sample_size(plan.frontmatter.get("sample_size"))


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


def same_wording(left: str, right: str) -> bool:
    """Equal once spacing, case and a final full stop are ignored."""

    def key(text: str) -> str:
        return " ".join(text.split()).rstrip(".").casefold()

    return key(left) == key(right)


def _hypotheses(
    path: Path, document: Document, problems: list[Problem]
) -> list[PlanHypothesis]:
    section = document.section("Hypotheses", 2) or document.section("Hypotheses")
    if section is None:
        problems.append(Problem(path, 1, MISSING_HYPOTHESES))
        return []
    table = hypotheses_table(document)
    if table is None:
        message = "the Hypotheses section has no table | # | Hypothesis | Status |"
        problems.append(Problem(path, section.line, message))
        return []

    number_col = table.column("#", "No", "No.", "Number")
    text_col = table.column("Hypothesis", "Hypotheses")
    status_col = table.column("Status")
    if status_col is None:
        message = "the Hypotheses table has no Status column; add '| Status |'"
        problems.append(Problem(path, table.line, message))
    if text_col is None:
        message = "the Hypotheses table has no Hypothesis column"
        problems.append(Problem(path, table.line, message))

    found = []
    for row in table.rows:
        number = row.get(0 if number_col is None else number_col)
        if not number.isdigit():
            message = f"hypothesis number {number!r} is not a whole number"
            problems.append(Problem(path, row.line, message))
            continue
        status = row.get(status_col)
        word = _STATUS_WORD.match(status)
        if status and (word is None or word.group(1).upper() not in PLAN_STATUSES):
            allowed = ", ".join(PLAN_STATUSES)
            message = (
                f"unknown status {status!r} for hypothesis {number}; "
                f"use one of {allowed}"
            )
            problems.append(Problem(path, row.line, message))
        found.append(PlanHypothesis(int(number), row.get(text_col), status, row.line))
    return found


def _schedule(
    path: Path, document: Document, problems: list[Problem]
) -> list[ScheduleRow]:
    table = schedule_table(document)
    if table is None:
        return []
    columns = [table.column(name) for name in ("Participant", "Date", "Status")]
    missing = [
        n
        for n, c in zip(("Participant", "Date", "Status"), columns, strict=True)
        if c is None
    ]
    if missing:
        message = f"the Schedule table has no {', '.join(missing)} column"
        problems.append(Problem(path, table.line, message))
        return []
    participant, date, status = columns
    number = table.column("#")
    return [
        ScheduleRow(
            row.get(number),
            row.get(participant),
            row.get(date),
            row.get(status),
            row.line,
        )
        for row in table.rows
    ]


def _frontmatter_problems(
    path: Path, text: str, frontmatter: dict[str, object], table: list[PlanHypothesis]
) -> list[Problem]:
    problems = []
    size = frontmatter.get("sample_size")
    if size is not None and _sample_size(size) is None:
        message = f'sample_size {size!r} should be a number or a range such as "6-8"'
        problems.append(Problem(path, key_line(text, "sample_size") or 1, message))

    listed = frontmatter.get("hypotheses")
    if listed is None or not table:
        return problems
    line = key_line(text, "hypotheses") or 1
    if not isinstance(listed, list):
        problems.append(Problem(path, line, "hypotheses should be a list of sentences"))
        return problems
    if len(listed) != len(table):
        message = (
            f"frontmatter lists {len(listed)} hypotheses but the Hypotheses table "
            f"has {len(table)} rows; make them agree"
        )
        problems.append(Problem(path, line, message))
    for index, (item, row) in enumerate(zip(listed, table, strict=False), start=1):
        if not same_wording(str(item), row.text):
            message = (
                f"hypothesis {row.number} in the table differs from frontmatter "
                f"hypotheses item {index}; make the wording agree"
            )
            problems.append(Problem(path, row.line, message))
    return problems


def _sample_size(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.isdigit():
        return int(text)
    match = _RANGE.match(text)
    return int(match.group(1)) if match else None
