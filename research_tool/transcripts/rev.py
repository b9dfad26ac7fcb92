"""Rev: ``Speaker 1 (00:00):``, then the text on the next line(s)."""

from __future__ import annotations

import re
from pathlib import Path

from research_tool.timecodes import parse_timestamp
from research_tool.transcripts.headed import Header, read_headed
from research_tool.transcripts.turns import Parsed

_HEADER = re.compile(
    r"(?P<name>[^\s()][^()]{0,60}?)[ \t]*\((?P<start>\d{1,2}(?::\d{2}){1,2})\):"
)


def parse_header(line: str) -> Header | None:
    match = _HEADER.match(line)
    if match is None:
        return None
    start = parse_timestamp(match["start"])
    if start is None:
        return None
    rest = match.end() if line[match.end() :].strip() else -1
    return Header(match["name"].strip(), start, rest=rest)


def read_rev(path: Path, text: str) -> Parsed:
    return Parsed(text, read_headed(path, text, parse_header, "`Speaker 1 (00:00):`"))
