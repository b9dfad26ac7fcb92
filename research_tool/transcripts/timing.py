"""Cue timing lines (``00:04:10.250 --> 00:04:13.900``), checked line by line.

The caption libraries skip or reject a bad timing line without saying where
it is; this scan finds it first, so the error names the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from research_tool.errors import TranscriptFormatError

_MAX_TIMING_LINE = 300


def _timing_pattern(separator: str) -> re.Pattern[str]:
    time = rf"(?:(\d{{1,3}}):)?(\d{{1,2}}):(\d{{2}}){re.escape(separator)}(\d{{1,3}})"
    return re.compile(rf"[ \t]*{time}[ \t]*-->[ \t]*{time}(?:[ \t].*)?")


_PATTERNS = {separator: _timing_pattern(separator) for separator in ".,"}


@dataclass(frozen=True)
class Timing:
    line: int
    payload: int  # offset of the line after the timing line
    start: float
    end: float


def scan_timings(path: Path, text: str, *, separator: str) -> list[Timing]:
    """Every timing line of a VTT (``.``) or SRT (``,``) file, validated."""
    pattern = _PATTERNS[separator]
    timings: list[Timing] = []
    number, counted = 1, 0

    arrow = text.find("-->")
    while arrow >= 0:
        begin = text.rfind("\n", 0, arrow) + 1
        end = text.find("\n", arrow)
        end = len(text) if end < 0 else end
        number += text.count("\n", counted, begin)
        counted = begin

        line = text[begin:end]
        match = pattern.fullmatch(line) if len(line) < _MAX_TIMING_LINE else None
        start = _seconds(match.groups()[:4]) if match else None
        stop = _seconds(match.groups()[4:]) if match else None
        if start is None or stop is None:
            raise TranscriptFormatError(path, number, _bad_timing(separator))

        timings.append(Timing(number, end + 1, start, stop))
        arrow = text.find("-->", end)
    return timings


def _seconds(groups: tuple[str | None, ...]) -> float | None:
    hours, minutes, seconds, fraction = groups
    if (int(minutes or 0) >= 60 and hours is not None) or int(seconds or 0) >= 60:
        return None
    whole = int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds or 0)
    return whole + int((fraction or "0").ljust(3, "0")) / 1000


def _bad_timing(separator: str) -> str:
    example = f"00:04:10{separator}250 --> 00:04:13{separator}900"
    return (
        f"invalid cue timing line; write it as `{example}` "
        "(hours optional, minutes and seconds below 60)"
    )
