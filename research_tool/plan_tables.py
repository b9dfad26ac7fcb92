"""The plan's Hypotheses and Schedule tables, read and checked.

Each reader appends what is wrong to ``problems`` (with its line) and
returns what it could read, so a plan's problems are all reported at once.
"""

from __future__ import annotations

import re
from pathlib import Path

from research_tool.errors import Problem
from research_tool.mdtable import Document, Table
from research_tool.model import PLAN_STATUSES, PlanHypothesis, ScheduleRow
from research_tool.yamledit import key_line

MISSING_HYPOTHESES = (
    "no '## Hypotheses' section; add one with a table | # | Hypothesis | Status |"
)


_RANGE = re.compile(r"^\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*$")
_STATUS_WORD = re.compile(r"^([A-Za-z]+)")


def hypotheses_table(document: Document) -> Table | None:
    section = document.section("Hypotheses", 2) or document.section("Hypotheses")
    tables = document.tables_in(section) if section else []
    return tables[0] if tables else None


def schedule_table(document: Document) -> Table | None:
    section = document.section("Schedule")
    tables = document.tables_in(section) if section else []
    return tables[0] if tables else None


def same_wording(left: str, right: str) -> bool:
    """Equal once spacing, case and a final full stop are ignored."""

    def key(text: str) -> str:
        return " ".join(text.split()).rstrip(".").casefold()

    return key(left) == key(right)


def read_hypotheses(
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

    found: list[PlanHypothesis] = []
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
        if int(number) in {h.number for h in found}:
            message = f"hypothesis number {number} is used twice; number each once"
            problems.append(Problem(path, row.line, message))
            continue
        found.append(PlanHypothesis(int(number), row.get(text_col), status, row.line))
    return found


def read_schedule(
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


def frontmatter_problems(
    path: Path, text: str, frontmatter: dict[str, object], table: list[PlanHypothesis]
) -> list[Problem]:
    problems = []
    size = frontmatter.get("sample_size")
    if size is not None and sample_size(size) is None:
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


def sample_size(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.isdigit():
        return int(text)
    match = _RANGE.match(text)
    return int(match.group(1)) if match else None
