"""Google Meet (text, or a Word file's text): attendees, timecodes, speech.

The file opens with a title and an attendee list, then a ``Transcript``
heading; a timecode-only line (``00:05:00``) comes every few minutes, and
speech is ``Priya Shah: ...``. A Gemini "notes" part (Summary, Details,
Suggested next steps) may sit in the same file: it is not speech, so those
lines are masked out before the speech is read.
"""

from __future__ import annotations

import re
from pathlib import Path

from research_tool.transcripts.labelled import read_labelled
from research_tool.transcripts.lines import iter_lines
from research_tool.transcripts.names import split_label
from research_tool.transcripts.turns import Parsed

TIMECODE_LINE = re.compile(r"\d{2}:\d{2}:\d{2}")
_HEADING = re.compile(r"[^\w]*(?P<word>[A-Za-z][A-Za-z ]{0,40}?)[\s:]*")
_TRANSCRIPT = "transcript"
_NOTES = frozenset(
    {
        "notes",
        "summary",
        "details",
        "suggested next steps",
        "next steps",
        "action items",
        "attendees",
    }
)
# Closing lines of a Meet transcript: not speech.
_ENDED = (
    "meeting ended after",
    "transcription ended after",
    "this editable transcript was computer generated",
)


def heading(line: str) -> str | None:
    """The lower-cased word(s) of a short heading line (emoji dropped)."""
    if len(line) > 60:
        return None
    match = _HEADING.fullmatch(line.strip())
    return match["word"].lower() if match else None


def read_meet(path: Path, text: str) -> Parsed:
    masked = _mask_notes(text)
    cues = read_labelled(path, masked, split_label, "Google Meet `Name: text`")
    return Parsed(text, cues)


def _mask_notes(text: str) -> str:
    """Blank every line that is not speech, keeping offsets unchanged."""
    lines = list(iter_lines(text))
    has_heading = any(heading(line.text) == _TRANSCRIPT for line in lines)
    speech = not has_heading

    kept: list[str] = []
    for line in lines:
        word = heading(line.text)
        if word == _TRANSCRIPT:
            speech, keep = True, False
        elif word in _NOTES or line.text.strip().lower().startswith(_ENDED):
            speech, keep = False, False
        elif TIMECODE_LINE.fullmatch(line.text.strip()):
            speech = speech or not has_heading
            keep = speech
        else:
            keep = speech
        kept.append(line.text if keep else " " * len(line.text))
    return "\n".join(kept)


def looks_like_meet(text: str) -> bool:
    lines = [line.strip() for line in text.split("\n")[:2000]]
    timecodes = sum(1 for line in lines if TIMECODE_LINE.fullmatch(line))
    labels = sum(1 for line in lines if split_label(line))
    words = {heading(line) for line in lines if len(line) <= 60}
    if timecodes and labels:
        return True
    return _TRANSCRIPT in words and "attendees" in words and labels > 0
