"""Transcripts of every shape a researcher brings, read into speaker turns.

>>> from pathlib import Path
>>> t = read_transcript_bytes(Path("x.txt"), b"Dana: Why?\\nKrista: Because.\\n")
>>> [(turn.speaker, turn.role, turn.offset) for turn in t.turns]
[('Dana', 'interviewer', 6), ('Krista', 'participant', 19)]
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from research_tool.errors import FileReadError, TranscriptFormatError
from research_tool.model import Transcript, Turn
from research_tool.transcripts.detect import REGISTRY, Format, detect_inner, detect_text
from research_tool.transcripts.docx_reader import ZIP_MAGIC, docx_text, glue_hard_wraps
from research_tool.transcripts.encoding import decode
from research_tool.transcripts.lines import first_long_line
from research_tool.transcripts.pdf import PDF_MAGIC, pdf_text
from research_tool.transcripts.roles import assign_roles
from research_tool.transcripts.turns import Parsed, build_turns

__all__ = [
    "FORMATS",
    "TranscriptFormatError",
    "read_transcript",
    "read_transcript_bytes",
]

log = logging.getLogger(__name__)

# About 15,000 words: no line of a real transcript comes near it.
MAX_LINE = 100_000

FORMATS: dict[str, str] = {name: f.description for name, f in REGISTRY.items()}


def read_transcript(
    path: Path,
    *,
    format: str | None = None,
    guide_questions: Sequence[str] = (),
    interviewer: str | None = None,
) -> Transcript:
    """Read a transcript file into speaker turns with roles.

    The shape is detected from the content unless ``format`` (a key of
    ``FORMATS``) forces a reader. ``guide_questions`` (the plan's discussion
    guide) and ``interviewer`` (a full or first name) help tell the
    interviewer from the participants. Raises TranscriptFormatError naming
    the line and the fix when the file cannot be read into turns.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileReadError(path, 1, "file not found") from None
    except IsADirectoryError:
        raise FileReadError(
            path, 1, "is a folder, expected a transcript file"
        ) from None
    except OSError as exc:
        raise FileReadError(path, 1, f"cannot read: {exc.strerror}") from None
    return read_transcript_bytes(
        path,
        data,
        format=format,
        guide_questions=guide_questions,
        interviewer=interviewer,
    )


def read_transcript_bytes(
    path: Path,
    data: bytes,
    *,
    format: str | None = None,
    guide_questions: Sequence[str] = (),
    interviewer: str | None = None,
) -> Transcript:
    """``read_transcript`` for bytes already in memory (``path`` names them)."""
    if not data.strip():
        raise TranscriptFormatError(path, 1, "is empty; export the transcript again")

    chosen, parsed, encoding, guessed = _parse(path, data, format)
    drafts = build_turns(path, parsed.cues)
    if not drafts:
        raise TranscriptFormatError(path, 1, f"holds no speech (read as {chosen.name})")
    log.debug("%s: read as %s, %d turns", path, chosen.name, len(drafts))

    roles = assign_roles(drafts, guide_questions, interviewer)
    turns = [
        Turn(
            index=i,
            speaker=d.speaker,
            role=roles[d.speaker],
            start=d.start,
            end=d.end,
            text=d.text,
            offset=d.offset,
        )
        for i, d in enumerate(drafts)
    ]
    return Transcript(
        source=path,
        format=chosen.name,
        encoding=encoding,
        encoding_guessed=guessed,
        text=parsed.text,
        turns=turns,
    )


def _parse(
    path: Path, data: bytes, format: str | None
) -> tuple[Format, Parsed, str, bool]:
    forced = _forced(path, format)
    kind = forced.kind if forced else _container(path, data)

    if kind == "docx":
        return _parse_extracted(path, docx_text(path, data), forced, "docx")
    if kind == "pdf":
        return _parse_extracted(path, pdf_text(path, data), forced, "pdf")

    decoded = decode(path, data)
    if not decoded.text.strip():
        raise TranscriptFormatError(path, 1, "is empty; export the transcript again")
    _refuse_lost_line_breaks(path, decoded.text)
    chosen = forced or _detected(path, detect_text(decoded.text))
    assert chosen.read is not None
    return chosen, chosen.read(path, decoded.text), decoded.encoding, decoded.guessed


def _parse_extracted(
    path: Path, text: str, forced: Format | None, kind: str
) -> tuple[Format, Parsed, str, bool]:
    if not text.strip():
        raise TranscriptFormatError(path, 1, f"this {kind} file holds no text")
    _refuse_lost_line_breaks(path, text)

    inner = forced if forced and forced.read else None
    inner = inner or _detected(
        path, detect_inner(text, "docx" if kind == "docx" else "text")
    )
    assert inner.read is not None
    parsed = inner.read(path, text)
    if kind == "docx":
        return inner, glue_hard_wraps(parsed), "docx", False
    return REGISTRY["pdf"], parsed, "pdf", False


def _refuse_lost_line_breaks(path: Path, text: str) -> None:
    """A line longer than any one speaker's turn means lost line breaks."""
    long = first_long_line(text, MAX_LINE)
    if long is not None:
        line, length = long
        raise TranscriptFormatError(
            path,
            line,
            f"this line is {length:,} characters long, more than a whole "
            "interview without a break; the line breaks were lost on export: "
            "export the transcript again",
        )


def _container(path: Path, data: bytes) -> str:
    if data.startswith(ZIP_MAGIC):
        return "docx"
    if data.startswith(PDF_MAGIC):
        return "pdf"
    if path.suffix.lower() == ".docx":
        docx_text(path, data)  # raises: a .docx that is not a zip
    if path.suffix.lower() == ".pdf":
        pdf_text(path, data)  # raises: a .pdf without a PDF header
    return "text"


def _forced(path: Path, format: str | None) -> Format | None:
    if format is None:
        return None
    if format not in REGISTRY:
        raise TranscriptFormatError(
            path, 1, f"unknown format `{format}`; choose one of {', '.join(REGISTRY)}"
        )
    return REGISTRY[format]


def _detected(path: Path, name: str | None) -> Format:
    if name is None:
        raise TranscriptFormatError(
            path,
            1,
            "no transcript shape recognised (speaker labels, timecodes or "
            "cues); if you know the shape, pass --format NAME, one of: "
            + ", ".join(REGISTRY),
        )
    return REGISTRY[name]
