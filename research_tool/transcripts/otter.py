"""Otter text and Teams Word: ``Priya Shah  0:01``, then the paragraph.

Otter may open with ``SUMMARY KEYWORDS`` and ``SPEAKERS`` blocks; they come
before the first header and are left out. Older Teams files give a time
range instead: ``Priya Shah  00:00:04.120 --> 00:00:07.900``.
"""

from __future__ import annotations

import re
from pathlib import Path

from research_tool.timecodes import parse_timestamp
from research_tool.transcripts.headed import Header, read_headed
from research_tool.transcripts.lines import mask_lines
from research_tool.transcripts.turns import Parsed

_TIME = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?"
# The name is lazy and bounded; two or more spaces (or a tab) before the time.
_HEADER = re.compile(
    rf"(?P<name>[^\s\d][^\t]{{0,60}}?)(?:[ ]{{2,}}|\t+)(?P<start>{_TIME})"
    rf"(?:[ \t]*-->[ \t]*(?P<end>{_TIME}))?"
)


_TEAMS_NOTICES = ("started transcription", "stopped transcription")


def parse_header(line: str) -> Header | None:
    match = _HEADER.fullmatch(line)
    if match is None or len(match["name"].split()) > 6:
        return None
    start = parse_timestamp(match["start"])
    if start is None:
        return None
    end = parse_timestamp(match["end"]) if match["end"] else None
    return Header(match["name"].strip(), start, end)


def read_otter(path: Path, text: str) -> Parsed:
    masked = mask_lines(text, is_footer)
    return Parsed(text, read_headed(path, masked, parse_header, "`Name  0:01`"))


def is_footer(line: str) -> bool:
    """Closing lines: Otter's "Transcribed by", Teams' "X stopped transcription"."""
    line = line.strip().lower()
    if line.startswith("transcribed by") and "otter.ai" in line:
        return True
    return len(line) < 100 and line.endswith(_TEAMS_NOTICES)
