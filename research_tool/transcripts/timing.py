"""Cue timing lines (``00:04:10.250 --> 00:04:13.900``), checked line by line.

The caption libraries skip or reject a bad timing line without saying where
it is; this scan finds it first, so the error names the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from research_tool.errors import TranscriptFormatError
from research_tool.transcripts.lines import iter_lines

_TIME = r"(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"
_TIMING = re.compile(rf"[ \t]*{_TIME}[ \t]*-->[ \t]*{_TIME}(?:[ \t].*)?")
_MAX_TIMING_LINE = 300


@dataclass(frozen=True)
class Timing:
    line: int
    payload: int  # offset of the line after the timing line
    start: float
    end: float


def scan_timings(path: Path, text: str, *, separator: str) -> list[Timing]:
    """Every timing line of a VTT (``.``) or SRT (``,``) file, validated."""
    timings: list[Timing] = []
    for line in iter_lines(text):
        if "-->" not in line.text:
            continue

        match = (
            _TIMING.fullmatch(line.text) if len(line.text) < _MAX_TIMING_LINE else None
        )
        if match is None or not _separators_ok(line.text, separator):
            raise TranscriptFormatError(path, line.number, _bad_timing(separator))

        start, end = _seconds(match.groups()[:4]), _seconds(match.groups()[4:])
        if start is None or end is None:
            raise TranscriptFormatError(path, line.number, _bad_timing(separator))

        timings.append(
            Timing(line.number, line.offset + len(line.text) + 1, start, end)
        )
    return timings


def _separators_ok(text: str, separator: str) -> bool:
    times = text.split("-->")
    return all(separator in part.split()[0] for part in times if part.split())


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
