"""Lines that open with a speaker label; unlabelled lines continue the last.

Shared by plain text (``Priya: ...``), Markdown (``**Priya:** ...``), Google
Meet text and PDF text. A time marker (``[12:34]``, ``\\[12:34\\]``,
``(12:34)`` or a bare ``00:12:34``) before or just after the label, or on a
line of its own, gives the time of the speech that follows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from research_tool.errors import TranscriptFormatError
from research_tool.timecodes import parse_timestamp
from research_tool.transcripts.lines import Line, iter_lines
from research_tool.transcripts.turns import Cue

Label = Callable[[str], tuple[str, int] | None]

_MARKER = re.compile(
    r"(?:\\?\[|\()(?P<a>\d{1,2}(?::\d{2}){1,2}(?:\.\d{1,3})?)(?:\\?\]|\))"
    r"|(?P<b>\d{1,2}:\d{2}:\d{2})(?=\s|$)"
)


def read_labelled(
    path: Path, text: str, label: Label, shape: str, *, skip: str = ""
) -> list[Cue]:
    """Cues from labelled lines; text before the first label is left out.

    Lines starting with a character in ``skip`` (e.g. ``#`` in Markdown) are
    not speech.
    """
    cues: list[Cue] = []
    speaker: str | None = None
    pending: float | None = None

    for line in iter_lines(text):
        body = line.text.strip()
        if not body or (skip and body[0] in skip):
            continue
        at, cursor = _marker(body, 0)

        found = label(body[cursor:])
        if found is not None:
            speaker, cursor = found[0], cursor + found[1]
            at_after, cursor = _marker(body, cursor)
            at = at if at is not None else at_after
        pending = at if at is not None else pending

        rest = body[cursor:]
        if speaker is None or not rest.strip():
            continue
        cues.append(_cue(speaker, line, body, cursor, pending))
        pending = None

    if not cues:
        raise TranscriptFormatError(path, 1, f"no {shape} speaker label found")
    return cues


def _cue(speaker: str, line: Line, body: str, cursor: int, at: float | None) -> Cue:
    rest = body[cursor:]
    offset = line.content_offset + cursor + len(rest) - len(rest.lstrip())
    return Cue(speaker, rest.strip(), offset, at, None, line.number)


def _marker(body: str, cursor: int) -> tuple[float | None, int]:
    """A time marker at ``cursor``: its seconds and the index after it."""
    while cursor < len(body) and body[cursor] in " \t":
        cursor += 1
    match = _MARKER.match(body, cursor, cursor + 20)
    if match is None:
        return None, cursor
    seconds = parse_timestamp(match["a"] or match["b"])
    if seconds is None:
        return None, cursor
    end = match.end()
    while end < len(body) and body[end] in " \t":
        end += 1
    return seconds, end
