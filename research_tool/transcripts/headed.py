"""Transcripts where a header line names the speaker and the text follows.

Otter (``Priya Shah  0:01``), Teams Word (``Priya Shah   0:04``), Rev
(``Speaker 1 (00:00):``) and Zoom saved captions (``[Priya Shah] 14:02:33``)
differ only in the header; the text under it runs to the next header.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from research_tool.errors import TranscriptFormatError
from research_tool.transcripts.lines import iter_lines
from research_tool.transcripts.turns import Cue

# A header is a short line; longer lines are never tried against a pattern.
MAX_HEADER = 200


@dataclass(frozen=True)
class Header:
    speaker: str
    start: float | None
    end: float | None = None
    rest: int = -1  # index in the line where inline text starts, or -1


HeaderParser = Callable[[str], Header | None]


def read_headed(path: Path, text: str, parse: HeaderParser, shape: str) -> list[Cue]:
    """Cues under each header; lines before the first header are skipped."""
    cues: list[Cue] = []
    speaker: str | None = None
    start: float | None = None
    end: float | None = None
    at_line = 0

    for line in iter_lines(text):
        header = parse(line.text.strip()) if len(line.text) <= MAX_HEADER else None
        if header is not None:
            speaker, start, end = header.speaker, header.start, header.end
            at_line = line.number
            if header.rest < 0:
                continue
            inline = line.text.strip()[header.rest :]
            if not inline.strip():
                continue
            offset = line.content_offset + header.rest
            offset += len(inline) - len(inline.lstrip())
            cues.append(Cue(speaker, inline.strip(), offset, start, end, at_line))
            start = end = None
            continue

        if speaker is None or not line.text.strip():
            continue
        where = at_line if start is not None else line.number
        body = line.text.strip()
        cues.append(Cue(speaker, body, line.content_offset, start, end, where))
        start = end = None

    if not cues:
        raise TranscriptFormatError(path, 1, f"no {shape} speaker header found")
    return cues
