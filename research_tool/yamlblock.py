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
        data = yaml.safe_load(source)
    except yaml.MarkedYAMLError as exc:
        unclosed = _unclosed_quote(lines[1 : block.end - 1])
        if unclosed is not None:
            return {}, block, [Problem(path, unclosed + 2, UNCLOSED_QUOTE)]
        return {}, block, [Problem(path, _error_line(exc), _error_message(exc))]
    except yaml.YAMLError as exc:
        return {}, block, [Problem(path, 1, f"frontmatter is not valid YAML: {exc}")]

    if data is None:
        data = {}
    if not isinstance(data, dict):
        message = "frontmatter must be key: value lines (a YAML mapping)"
        return {}, block, [Problem(path, 2, message)]
    return {str(k): v for k, v in data.items()}, block, []


def jsonable(value: Any) -> Any:
    """Frontmatter values with dates as ISO strings, ready for JSON."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


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
