"""WebVTT: Zoom (``Name:`` in the cue), Teams (``<v Name>``), closed captions.

webvtt-py parses the cues; this module finds which speaker each belongs to
and where its text sits in the file.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any

from research_tool.errors import TranscriptFormatError
from research_tool.transcripts.names import UNKNOWN_SPEAKER, split_label
from research_tool.transcripts.timing import Timing, scan_timings
from research_tool.transcripts.turns import Cue, Parsed

log = logging.getLogger(__name__)

# Anchored, and ``[^>]`` cannot run past the first ``>``: linear.
_VOICE = re.compile(r"<v(?:\.[\w-]+)*[ \t]+([^>]+)>")


def read_zoom_vtt(path: Path, text: str) -> Parsed:
    """Zoom cloud recording: ``Priya Shah: text``; unnamed cues continue.

    Zoom names every cue, so a lower-case name (``dana w:``) is a speaker
    too, once it opens two cues or more.
    """
    captions = _captions(path, text)
    opening = Counter(_relaxed_name(c.text) for c, _ in captions)
    names = {name for name, count in opening.items() if name and count >= 2}
    return Parsed(text, [_labelled(c, t, names) for c, t in captions])


def _relaxed_name(text: str) -> str:
    label = split_label(text, relaxed=True)
    return label[0] if label else ""


def read_teams_vtt(path: Path, text: str) -> Parsed:
    """``<v Priya Shah>text</v>`` (closing tag optional); untagged: unknown."""
    cues = [cue for c, t in _captions(path, text) for cue in _voices(c, t)]
    return Parsed(text, cues)


def read_vtt_captions(path: Path, text: str) -> Parsed:
    """Closed captions: times and text, one unknown speaker."""
    cues = [_cue(UNKNOWN_SPEAKER, c, t, 0, 0) for c, t in _captions(path, text)]
    return Parsed(text, cues)


def _captions(path: Path, text: str) -> list[tuple[Any, Timing]]:
    """The captions webvtt-py reads, each paired with its timing line."""
    import webvtt

    if not text.lstrip("\ufeff").startswith("WEBVTT"):
        raise TranscriptFormatError(
            path,
            1,
            "a WebVTT file starts with a `WEBVTT` line; add it or pick "
            "another --format",
        )
    timings = scan_timings(path, text, separator=".")

    try:
        captions = webvtt.from_string(text).captions
    except Exception as exc:  # webvtt-py raises several kinds; none has a line
        raise TranscriptFormatError(path, 1, f"not valid WebVTT: {exc}") from None

    return _pair(captions, timings)


def _pair(captions: list[Any], timings: list[Timing]) -> list[tuple[Any, Timing]]:
    """Match captions to timing lines by start time (webvtt-py skips some)."""
    pairs = []
    position = 0
    for caption in captions:
        start = caption.start_time.in_milliseconds() / 1000
        while position < len(timings) and abs(timings[position].start - start) > 5e-4:
            position += 1
        if position == len(timings):
            log.debug("caption at %s s has no timing line", start)
            break
        pairs.append((caption, timings[position]))
        position += 1
    return pairs


def _labelled(caption: Any, timing: Timing, names: set[str]) -> Cue:
    raw = caption.lines[0] if caption.lines else ""
    relaxed = _relaxed_name(caption.text) in names
    in_raw = split_label(raw, relaxed=relaxed)
    in_text = split_label(caption.text, relaxed=relaxed)
    if in_raw is None or in_text is None:
        return _cue(None, caption, timing, 0, 0)
    return _cue(in_raw[0], caption, timing, in_raw[1], in_text[1])


def _voices(caption: Any, timing: Timing) -> list[Cue]:
    """One cue per ``<v>`` span when a cue holds two speakers' lines."""
    lines: list[str] = caption.lines
    if sum(1 for line in lines if line.startswith("<v")) < 2:
        return [_voiced(caption, timing)]

    cues = []
    offset = timing.payload
    for raw in lines:
        voice = _VOICE.match(raw)
        skip = raw.find(">") + 1 if voice else 0
        rest = raw[skip:]
        cues.append(
            Cue(
                speaker=voice[1].strip() if voice else None,
                text=strip_tags(rest),
                offset=offset + skip + len(rest) - len(rest.lstrip()),
                start=timing.start,
                end=timing.end,
                line=timing.line,
            )
        )
        offset += len(raw) + 1
    return cues


def strip_tags(line: str) -> str:
    """``<i>so</i> we`` -> ``so we``, in one pass (no regex to backtrack)."""
    kept, position = [], 0
    while True:
        opening = line.find("<", position)
        closing = line.find(">", opening + 1) if opening >= 0 else -1
        if closing < 0:
            kept.append(line[position:])
            return "".join(kept)
        kept.append(line[position:opening])
        position = closing + 1


def _voiced(caption: Any, timing: Timing) -> Cue:
    voice = caption.voice
    if voice is None:
        return _cue(UNKNOWN_SPEAKER, caption, timing, 0, 0)
    raw = caption.lines[0]
    return _cue(voice.strip(), caption, timing, raw.find(">") + 1, 0)


def _cue(
    speaker: str | None, caption: Any, timing: Timing, raw_skip: int, text_skip: int
) -> Cue:
    """A cue whose text starts ``raw_skip`` characters into its first line."""
    raw = caption.lines[0] if caption.lines else ""
    rest = raw[raw_skip:]
    return Cue(
        speaker=speaker,
        text=caption.text[text_skip:],
        offset=timing.payload + raw_skip + len(rest) - len(rest.lstrip()),
        start=timing.start,
        end=timing.end,
        line=timing.line,
    )
