"""Zoom "save captions": ``[Priya Shah] 14:02:33``, then the text.

The time is a clock time of day; turns get offsets from the first one
(a call that runs past midnight keeps counting up).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from research_tool.timecodes import parse_timestamp
from research_tool.transcripts.headed import Header, read_headed
from research_tool.transcripts.turns import Cue, Parsed

_HEADER = re.compile(r"\[(?P<name>[^\]\n]{1,80})\][ \t]+(?P<clock>\d{1,2}:\d{2}:\d{2})")
_DAY = 24 * 3600


def parse_header(line: str) -> Header | None:
    match = _HEADER.fullmatch(line)
    if match is None or not match["name"].strip():
        return None
    clock = parse_timestamp(match["clock"])
    return None if clock is None else Header(match["name"].strip(), clock)


def read_zoom_captions(path: Path, text: str) -> Parsed:
    cues = read_headed(path, text, parse_header, "`[Name] 14:02:33`")
    return Parsed(text, _from_first(cues))


def _from_first(cues: list[Cue]) -> list[Cue]:
    first: float | None = None
    previous = 0.0
    days = 0
    shifted = []
    for cue in cues:
        if cue.start is None:
            shifted.append(cue)
            continue
        if first is None:
            first = cue.start
        if cue.start + days * _DAY < previous - 12 * 3600:
            days += 1
        previous = cue.start + days * _DAY
        shifted.append(replace(cue, start=previous - first))
    return shifted
