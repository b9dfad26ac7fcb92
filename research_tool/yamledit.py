"""Edit one top-level frontmatter scalar in place, touching nothing else.

The line keeps its quoting style (plain, 'single', "double"), any comment,
trailing spaces and line ending. A missing key is added just before the
closing ``---``.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from research_tool.errors import PlanError
from research_tool.mdtable import replace_lines, split_lines
from research_tool.yamlblock import find_block

_PLAIN_END = re.compile(r"[ \t]+#|[ \t]*$")  # YAML spaces, not all of Unicode's


def key_line(text: str, key: str) -> int | None:
    """The 1-based line where top-level ``key`` is set in the frontmatter."""
    block = find_block(text)
    if block is None:
        return None
    pattern = re.compile(rf"^{re.escape(key)}\s*:(\s|$)")
    lines = split_lines(text)
    for number in range(block.start + 1, block.end):
        if pattern.match(lines[number - 1]):
            return number
    return None


def set_scalar(path: Path, text: str, key: str, value: str | int) -> str:
    """``text`` with frontmatter ``key`` set to ``value``.

    Raises PlanError when the key holds something other than a one-line scalar.
    """
    block = find_block(text)
    if block is None:
        raise PlanError(path, 1, "no frontmatter to update")
    number = key_line(text, key)

    # A missing key goes last, written the way a person would.
    if number is None:
        closing = text.split("\n")[block.end - 1]
        ending = "\r\n" if closing.endswith("\r") else "\n"
        parts = text.split("\n")
        parts.insert(block.end - 1, f"{key}: {_plain_or_quoted(value)}{ending[:-1]}")
        return "\n".join(parts)

    line = split_lines(text)[number - 1]
    start = line.index(":") + 1
    start += len(line[start:]) - len(line[start:].lstrip(" "))

    # An empty value ("status:" or "status:  # note") is filled in place.
    if not line[start:].strip(" \t") or line[start:].startswith("#"):
        space = "" if line[start - 1] == " " else " "
        token = space + _plain_or_quoted(value) + (" " if line[start:] else "")
        return replace_lines(text, {number: line[:start] + token + line[start:]})

    end = _token_end(path, number, key, line, start)
    token = _styled(line[start:end], value)
    return replace_lines(text, {number: line[:start] + token + line[end:]})


def _token_end(path: Path, number: int, key: str, line: str, start: int) -> int:
    rest = line[start:]
    if rest.startswith('"'):
        match = re.match(r'"(?:[^"\\]|\\.)*"', rest)
    elif rest.startswith("'"):
        match = re.match(r"'(?:[^']|'')*'", rest)
    elif rest and rest[0] not in "|>[{&*!#":
        stop = _PLAIN_END.search(rest)
        return start + (stop.start() if stop else len(rest))
    else:
        match = None
    if match is None:
        message = f"cannot update '{key}': write it as a one-line value"
        raise PlanError(path, number, message)
    return start + match.end()


def _styled(old: str, value: str | int) -> str:
    text = str(value)
    if old.startswith('"'):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if old.startswith("'"):
        return "'" + text.replace("'", "''") + "'"
    return _plain_or_quoted(value)


def _plain_or_quoted(value: str | int) -> str:
    text = str(value)
    try:
        same = yaml.safe_load(f"k: {text}") == {"k": value}
    except yaml.YAMLError:
        same = False
    if same and text == text.strip():  # edge spaces of any kind read better quoted
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
