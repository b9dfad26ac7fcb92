"""CSV: a header naming speaker, text and (optionally) time columns.

An empty speaker cell continues the last speaker; a trailing colon on a
speaker (``KM:``) is dropped. Times such as ``[00:04:40]`` may be sparse.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from research_tool.errors import TranscriptFormatError
from research_tool.timecodes import parse_timestamp
from research_tool.transcripts.turns import Cue, Parsed

SPEAKER_COLUMNS = ("speaker", "name", "speaker name", "who", "participant")
TEXT_COLUMNS = ("text", "words", "transcript", "utterance", "content", "speech")
START_COLUMNS = ("start", "start time", "timestamp", "time", "start_time", "begin")
END_COLUMNS = ("end", "end time", "end_time", "stop")
_MAX_HEADER = 2000
_NUMBER = re.compile(r"\d{1,6}(?:\.\d{1,6})?")  # plain seconds, e.g. 12.5


def header_columns(first_line: str) -> dict[str, int] | None:
    """Column indexes by role when ``first_line`` is a transcript header."""
    if len(first_line) > _MAX_HEADER:
        return None
    dialect = _dialect(first_line)
    names = [c.strip().lower() for c in next(csv.reader([first_line], dialect), [])]

    found = {
        role: _index(names, choices)
        for role, choices in (
            ("speaker", SPEAKER_COLUMNS),
            ("text", TEXT_COLUMNS),
            ("start", START_COLUMNS),
            ("end", END_COLUMNS),
        )
    }
    if found["speaker"] < 0 or found["text"] < 0:
        return None
    return found


def read_csv(path: Path, text: str) -> Parsed:
    first = text.split("\n", 1)[0]
    columns = header_columns(first)
    if columns is None:
        raise TranscriptFormatError(
            path,
            1,
            "the first row must name a speaker column and a text column "
            "(e.g. `speaker,text,timestamp`)",
        )
    line_starts = _line_starts(text)
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(first))

    cues: list[Cue] = []
    try:
        next(reader)
        row_line = reader.line_num + 1
        for row in reader:
            cue = _row_cue(path, text, columns, row, row_line, line_starts)
            if cue is not None:
                cues.append(cue)
            row_line = reader.line_num + 1
    except csv.Error as exc:
        raise TranscriptFormatError(
            path, reader.line_num, f"not valid CSV: {exc}"
        ) from None
    return Parsed(text, cues)


def _row_cue(
    path: Path,
    text: str,
    columns: dict[str, int],
    row: list[str],
    line: int,
    line_starts: list[int],
) -> Cue | None:
    said = _cell(row, columns["text"])
    if not said.strip():
        return None
    speaker = _cell(row, columns["speaker"]).strip().rstrip(":").strip() or None

    start = _time(path, line, _cell(row, columns["start"]))
    end = _time(path, line, _cell(row, columns["end"]))

    row_start = line_starts[min(line, len(line_starts)) - 1]
    probe = said.strip().split('"', 1)[0][:40]
    found = (
        text.find(probe, row_start, row_start + len(said) * 2 + 500) if probe else -1
    )
    return Cue(speaker, said, found if found >= 0 else row_start, start, end, line)


def _time(path: Path, line: int, cell: str) -> float | None:
    value = cell.strip().strip("[]()")
    if not value:
        return None
    seconds = parse_timestamp(value)
    if seconds is None and _NUMBER.fullmatch(value):
        seconds = float(value)
    if seconds is None:
        raise TranscriptFormatError(
            path,
            line,
            f"time `{cell.strip()[:30]}` is not a timecode; "
            "write it as 00:04:40 or in seconds (280.5), or leave the cell empty",
        )
    return seconds


def _cell(row: list[str], index: int) -> str:
    return row[index] if 0 <= index < len(row) else ""


def _index(names: list[str], choices: tuple[str, ...]) -> int:
    for choice in choices:
        if choice in names:
            return names.index(choice)
    return -1


def _dialect(first_line: str) -> type[csv.Dialect]:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: counts[d])

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    return Dialect


def _line_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts
