"""Which reader fits a file: by its content, the most specific shape first.

Every reader shares one signature (``TextReader``) and is registered here in
order of specificity: a WebVTT header beats everything; SRT timing lines
beat speaker labels; Meet timecodes beat plain ``Name: text``; plain text is
the last resort.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from research_tool.transcripts import (
    csv_reader,
    markdown_reader,
    meet,
    otter,
    plain,
    rev,
    srt_reader,
    vtt,
    zoom_captions,
)
from research_tool.transcripts.headed import MAX_HEADER, HeaderParser
from research_tool.transcripts.names import split_label
from research_tool.transcripts.turns import Parsed

TextReader = Callable[[Path, str], Parsed]
Kind = Literal["text", "docx", "pdf"]
_HEAD = 65536
_HEAD_LINES = 2000


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    kind: Kind
    read: TextReader | None  # None: the PDF's inner shape is detected


REGISTRY: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "teams-vtt",
            "WebVTT with <v Name> voice tags (Teams)",
            "text",
            vtt.read_teams_vtt,
        ),
        Format(
            "zoom-vtt",
            "WebVTT with `Name:` in each cue (Zoom)",
            "text",
            vtt.read_zoom_vtt,
        ),
        Format(
            "vtt-captions",
            "WebVTT without speakers (closed captions)",
            "text",
            vtt.read_vtt_captions,
        ),
        Format(
            "srt",
            "SubRip; `Name:` where the speaker changes",
            "text",
            srt_reader.read_srt,
        ),
        Format(
            "csv",
            "CSV with speaker, text and optional time columns",
            "text",
            csv_reader.read_csv,
        ),
        Format(
            "zoom-captions-txt",
            "Zoom saved captions: `[Name] 14:02:33`",
            "text",
            zoom_captions.read_zoom_captions,
        ),
        Format(
            "rev-txt", "Rev text: `Speaker 1 (00:00):` then text", "text", rev.read_rev
        ),
        Format(
            "otter-txt",
            "Otter text: `Name  0:01` then the paragraph",
            "text",
            otter.read_otter,
        ),
        Format(
            "meet-txt",
            "Google Meet text: timecode lines, `Name: text`",
            "text",
            meet.read_meet,
        ),
        Format(
            "markdown",
            "Markdown: `**Name:** text`",
            "text",
            markdown_reader.read_markdown,
        ),
        Format(
            "plain-txt",
            "plain text: `Name: text`, `[12:34]` markers",
            "text",
            plain.read_plain,
        ),
        Format(
            "teams-docx",
            "Word: `Name   0:04` paragraph then text (Teams)",
            "docx",
            otter.read_otter,
        ),
        Format(
            "rev-docx",
            "Word: `Speaker 1 (00:00):` then text (Rev)",
            "docx",
            rev.read_rev,
        ),
        Format("meet-docx", "Word: Google Meet transcript", "docx", meet.read_meet),
        Format("plain-docx", "Word: `Name: text` paragraphs", "docx", plain.read_plain),
        Format("pdf", "PDF text of an exported transcript", "pdf", None),
    )
}

# Shapes a Word or PDF file's text is tried against, most specific first.
_INNER = ("rev", "otter", "meet", "markdown", "plain")
_DOCX_NAMES = {
    "rev": "rev-docx",
    "otter": "teams-docx",
    "meet": "meet-docx",
    "plain": "plain-docx",
    "markdown": "plain-docx",
}
_TEXT_NAMES = {
    "rev": "rev-txt",
    "otter": "otter-txt",
    "meet": "meet-txt",
    "plain": "plain-txt",
    "markdown": "markdown",
}


def detect_text(text: str) -> str | None:
    """The name of the text format that fits ``text``, or None."""
    head = text[:_HEAD]
    if head.startswith("WEBVTT"):
        return _vtt_flavour(head)

    lines = head.split("\n", _HEAD_LINES)[:_HEAD_LINES]
    if _is_srt(lines):
        return "srt"
    if csv_reader.header_columns(lines[0]) is not None:
        return "csv"
    if _headers(lines, zoom_captions.parse_header):
        return "zoom-captions-txt"
    shape = inner_shape(lines)
    return _TEXT_NAMES[shape] if shape else None


def detect_inner(text: str, kind: Kind) -> str | None:
    """The shape inside a Word file's text: a registered format name."""
    shape = inner_shape(text[:_HEAD].split("\n", _HEAD_LINES)[:_HEAD_LINES])
    if shape is None:
        return None
    return _DOCX_NAMES[shape] if kind == "docx" else _TEXT_NAMES[shape]


def inner_shape(lines: list[str]) -> str | None:
    checks: dict[str, Callable[[list[str]], bool]] = {
        "rev": lambda ls: _headers(ls, rev.parse_header),
        "otter": lambda ls: _headers(ls, otter.parse_header),
        "meet": lambda ls: meet.looks_like_meet("\n".join(ls)),
        "markdown": lambda ls: any(markdown_reader.bold_label(x) for x in ls),
        "plain": lambda ls: any(split_label(x.strip()) for x in ls),
    }
    return next((name for name in _INNER if checks[name](lines)), None)


def _headers(lines: list[str], parse: HeaderParser) -> bool:
    """At least two header lines (one will do in a very short file)."""
    found = sum(1 for x in lines if len(x) <= MAX_HEADER and parse(x.strip()))
    filled = sum(1 for x in lines if x.strip())
    return found >= 2 or (found == 1 and filled <= 4)


def _is_srt(lines: list[str]) -> bool:
    return any(
        "-->" in x and len(x) < 100 and x.count(",") == 2 and x.strip()[:1].isdigit()
        for x in lines
    )


def _vtt_flavour(head: str) -> str:
    lines = head.split("\n")
    payloads = [lines[i + 1] for i, x in enumerate(lines[:-1]) if "-->" in x]
    if any(p.lstrip().startswith("<v") for p in payloads):
        return "teams-vtt"

    # Zoom names every cue; a name may be lower case, but then it recurs.
    names = Counter(_relaxed(p) for p in payloads)
    names.pop("", None)
    labelled = sum(1 for p in payloads if split_label(p) or names[_relaxed(p)] >= 2)
    return "zoom-vtt" if payloads and labelled * 2 >= len(payloads) else "vtt-captions"


def _relaxed(payload: str) -> str:
    label = split_label(payload, relaxed=True)
    return label[0] if label else ""
