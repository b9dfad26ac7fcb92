"""Cues (what readers find) merged into turns (what everyone else uses).

A reader yields cues in file order: a speaker (or None to continue the last
one), a fragment of speech, where it starts in the normalised text, and its
times when the file has them. ``build_turns`` merges consecutive cues of one
speaker, checks that the times can be aligned, and joins the fragments.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from research_tool.errors import TranscriptFormatError
from research_tool.transcripts.names import UNKNOWN_SPEAKER, initials

# A cue may start this much before the previous one (overlapping speech).
_BACKWARDS_TOLERANCE = 1.0


@dataclass(frozen=True)
class Cue:
    speaker: str | None  # None continues the previous speaker
    text: str
    offset: int  # of the fragment's first character in the normalised text
    start: float | None = None
    end: float | None = None
    line: int = 0
    glue: bool = False  # joins the previous fragment without a space


@dataclass(frozen=True)
class Parsed:
    """What a reader returns: the text that offsets point into, and cues."""

    text: str
    cues: list[Cue]


@dataclass
class DraftTurn:
    speaker: str
    start: float | None
    end: float | None
    offset: int
    fragments: list[str] = field(default_factory=list)

    @cached_property
    def text(self) -> str:
        """The fragments joined; read only once the turn is complete."""
        return normalise(" ".join(self.fragments))


def normalise(text: str) -> str:
    """Collapse every run of whitespace to one space."""
    return " ".join(text.split())


def build_turns(path: Path, cues: list[Cue]) -> list[DraftTurn]:
    """Merge consecutive cues of one speaker into turns, checking times."""
    _check_times(path, cues)
    aliases = _initial_aliases(cues)

    turns: list[DraftTurn] = []
    for cue in cues:
        if not cue.text or cue.text.isspace():
            continue
        speaker = cue.speaker if cue.speaker is not None else _last(turns)
        speaker = aliases.get(speaker, speaker)

        if turns and turns[-1].speaker == speaker:
            turn = turns[-1]
            if cue.glue:
                turn.fragments[-1] = turn.fragments[-1].rstrip() + cue.text.lstrip()
            else:
                turn.fragments.append(cue.text)
            turn.end = _later(turn.end, cue.end)
        else:
            turns.append(DraftTurn(speaker, cue.start, cue.end, cue.offset, [cue.text]))

    _fill_ends(turns)
    return turns


def _last(turns: list[DraftTurn]) -> str:
    return turns[-1].speaker if turns else UNKNOWN_SPEAKER


def _later(a: float | None, b: float | None) -> float | None:
    if a is None or b is None:
        return a if b is None else b
    return max(a, b)


def _check_times(path: Path, cues: list[Cue]) -> None:
    last_start, last_line = 0.0, 0
    for cue in cues:
        if cue.start is None:
            continue
        if cue.end is not None and cue.end < cue.start:
            raise TranscriptFormatError(
                path,
                cue.line,
                f"this cue ends ({cue.end:g} s) before it starts ({cue.start:g} s); "
                "correct its end time",
            )

        if cue.start < last_start - _BACKWARDS_TOLERANCE:
            raise TranscriptFormatError(
                path,
                cue.line,
                f"time {cue.start:g} s comes before the previous time "
                f"{last_start:g} s (line {last_line}), so the timecodes cannot be "
                "aligned; put the cues in time order or remove the stray timecode",
            )
        last_start, last_line = cue.start, cue.line


def _initial_aliases(cues: list[Cue]) -> dict[str, str]:
    """``DB`` -> ``Devin Becker`` when a file switches to initials."""
    names = list(dict.fromkeys(c.speaker for c in cues if c.speaker))
    full = [n for n in names if len(n.split()) > 1]

    aliases: dict[str, str] = {}
    for name in names:
        if not (name.isupper() and name.isalpha() and 2 <= len(name) <= 4):
            continue
        matches = [f for f in full if initials(f) == name]
        if len(matches) == 1:
            aliases[name] = matches[0]
    return aliases


def _fill_ends(turns: list[DraftTurn]) -> None:
    """Where a file gives only start times, a turn ends when the next starts."""
    if not turns or any(t.start is None for t in turns):
        return
    if any(t.end is not None for t in turns):
        return
    for turn, following in itertools.pairwise(turns):
        turn.end = following.start
