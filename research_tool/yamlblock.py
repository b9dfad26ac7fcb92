"""The YAML frontmatter block at the top of a plan or snapshot.

The block runs from a first line ``---`` to the next line ``---`` (or
``...``). Problems are reported with the line in the file, not in the block.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from research_tool.errors import Problem
from research_tool.mdtable import split_lines

NO_FRONTMATTER = (
    "no frontmatter: the file must start with a line '---', then YAML "
    "(key: value lines), then a closing line '---'"
)

UNCLOSED_QUOTE = (
    "frontmatter is not valid YAML: a quoted value is never closed; "
    "add the closing quote"
)
TAB = "frontmatter is not valid YAML: a tab character; indent with spaces instead"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+|[^\s:#'"][^:#]*:\s+)(["'])(.*)$""")


@dataclass(frozen=True)
class Block:
    """Where the frontmatter sits: its opening and closing lines (1-based)."""

    start: int
    end: int


def find_block(text: str) -> Block | None:
    """The frontmatter block of ``text``, or None when it has none or is unclosed."""
    lines = split_lines(text)
    if not lines or lines[0].rstrip() != "---":
        return None
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            return Block(1, number)
    return None


def load(path: Path, text: str) -> tuple[dict[str, Any], Block | None, list[Problem]]:
    """Parse the frontmatter of ``text`` into a mapping, with any problems."""
    lines = split_lines(text)
    if not lines or lines[0].rstrip() != "---":
        return {}, None, [Problem(path, 1, NO_FRONTMATTER)]

    block = find_block(text)
    if block is None:
        message = "frontmatter opened here is never closed; add a line '---' after it"
        return {}, None, [Problem(path, 1, message)]

    source = "\n".join(lines[1 : block.end - 1])
    try:
        data = yaml.load(source, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        return {}, block, [_yaml_problem(path, lines[1 : block.end - 1], exc)]
    except yaml.YAMLError as exc:
        return {}, block, [Problem(path, 1, f"frontmatter is not valid YAML: {exc}")]
    except ValueError as exc:  # a date-shaped value that is no date: 2026-13-45
        line = _impossible_date_line(lines[: block.end]) or 1
        message = f"a value is not a real date ({exc}); write dates as YYYY-MM-DD"
        return {}, block, [Problem(path, line, message)]

    if data is None:
        data = {}
    if not isinstance(data, dict):
        message = "frontmatter must be key: value lines (a YAML mapping)"
        return {}, block, [Problem(path, 2, message)]
    if not _is_date(data.get("date")):
        line = _date_line(lines[: block.end]) or 1
        return {}, block, [Problem(path, line, f"{NOT_A_DATE}: {data['date']!r}")]
    return {str(k): v for k, v in data.items()}, block, []


NOT_A_DATE = "`date` is not a date; write it as YYYY-MM-DD"
_DATE_KEY = re.compile(r"^date\s*:")
_DATE_SHAPE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")


def _is_date(value: Any) -> bool:
    """True for a missing date, a YAML date, or a string in YYYY-MM-DD form."""
    if value is None or isinstance(value, dt.date):
        return True
    try:
        dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return False
    return True


def _impossible_date_line(lines: list[str]) -> int | None:
    for number, line in enumerate(lines, start=1):
        for match in _DATE_SHAPE.finditer(line):
            try:
                dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                return number
    return None


def _date_line(lines: list[str]) -> int | None:
    found = [n for n, line in enumerate(lines, start=1) if _DATE_KEY.match(line)]
    return found[0] if found else None


def jsonable(value: Any) -> Any:
    """Frontmatter values with dates as ISO strings, ready for JSON."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _yaml_problem(path: Path, lines: list[str], exc: yaml.MarkedYAMLError) -> Problem:
    # The parser's own position is often lines past the real mistake.
    unclosed = _unclosed_quote(lines)
    if unclosed is not None:
        return Problem(path, unclosed + 2, UNCLOSED_QUOTE)
    tab = next((i for i, line in enumerate(lines) if "\t" in _indent(line)), None)
    if tab is not None:
        return Problem(path, tab + 2, TAB)
    return Problem(path, _error_line(exc), _error_message(exc))


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t-"))]


def _unclosed_quote(lines: list[str]) -> int | None:
    """The index of the first line whose quoted value does not close on it."""
    for index, line in enumerate(lines):
        match = _QUOTED_VALUE.match(line)
        if match is None:
            continue
        quote, rest = match.groups()
        body = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest
        if quote == "'":
            body = body.replace("''", "")
        if quote not in body:
            return index
    return None


def _error_line(exc: yaml.MarkedYAMLError) -> int:
    # An unclosed quote is found at the end; its opening is what to fix.
    mark = exc.problem_mark
    if exc.context_mark is not None and "quoted scalar" in str(exc.context):
        mark = exc.context_mark
    return (mark.line + 2) if mark is not None else 1


def _error_message(exc: yaml.MarkedYAMLError) -> str:
    problem = str(exc.problem or exc.context or "cannot be parsed")
    if "'\\t'" in problem:
        return (
            "frontmatter is not valid YAML: a tab character; indent with spaces instead"
        )
    if exc.context and "quoted scalar" in str(exc.context):
        return UNCLOSED_QUOTE
    return f"frontmatter is not valid YAML: {problem}"
