"""Word files (Teams, Rev, Google Meet exports), read with python-docx.

The paragraphs' text, one per line, is the transcript text that offsets
point into; the shape inside is then read like a text file. Some exports
hard-wrap paragraphs at a fixed width, even inside a word: a line of exactly
that width followed by a lower-case continuation is joined without a space.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

from research_tool.errors import TranscriptFormatError
from research_tool.transcripts.turns import Cue, Parsed

NOT_A_ZIP = (
    "is not a Word file (a .docx is a zip archive); open it in Word and "
    "save it as .docx, or export the transcript as text"
)
ZIP_MAGIC = b"PK\x03\x04"
_MIN_WRAPPED = 3


def docx_text(path: Path, data: bytes) -> str:
    """The document's paragraphs (and table cells), one per line."""
    if not data.startswith(ZIP_MAGIC) or not zipfile.is_zipfile(io.BytesIO(data)):
        raise TranscriptFormatError(path, 1, NOT_A_ZIP)

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a bad package
        raise TranscriptFormatError(
            path,
            1,
            f"cannot be read as a Word document ({type(exc).__name__}); "
            "open it in Word and save it again as .docx",
        ) from None

    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append("  ".join(cell.text for cell in row.cells))
    text = "\n".join(paragraphs).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x0b", "\n")


def glue_hard_wraps(parsed: Parsed) -> Parsed:
    """Join fragments split mid-word by a fixed-width hard wrap."""
    width = _wrap_width(parsed.text)
    if width is None:
        return parsed

    cues: list[Cue] = []
    for cue in parsed.cues:
        previous = cues[-1] if cues else None
        if (
            previous is not None
            and cue.speaker in (None, previous.speaker)
            and len(previous.text) == width
            and cue.text[:1]
            and (cue.text[0].islower() or cue.text[0] in ".,;:!?")
        ):
            cue = replace(cue, speaker=None, glue=True)
        cues.append(cue)
    return Parsed(parsed.text, cues)


def _wrap_width(text: str) -> int | None:
    lengths = Counter(len(line) for line in text.split("\n") if len(line) >= 40)
    if not lengths:
        return None
    width = max(lengths)
    return width if lengths[width] >= _MIN_WRAPPED else None
