"""Which names stand for whom: speaker labels, the roster, known names.

Two tables, merged into one before use: the transcript's speakers (their
names become the participant ID, ``Interviewer`` or a speaker pseudonym),
whose meaning wins for a spelling both hold, and the study's roster and
known names, built once per roster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from research_tool.model import Turn
from research_tool.redaction.names import NameTable
from research_tool.redaction.words import GENERIC_SPEAKERS
from research_tool.roster import Roster

INTERVIEWER = "Interviewer"
_GENERIC = re.compile(r"^(?:[A-Za-z]+[ -]?\d+|user-\d+|\[[\w-]+\])$")


def speaker_pseudonyms(
    turns: Iterable[Turn], participant_id: str, roster: Roster | None
) -> dict[str, str]:
    """Each speaker label -> the label it is replaced by."""
    labels: dict[str, str] = {}
    others = 0
    for turn in turns:
        label = turn.speaker
        if label in labels or not label:
            continue

        entry = roster.find_person(label) if roster else None
        if turn.role == "participant":
            labels[label] = participant_id
        elif turn.role == "interviewer":
            labels[label] = INTERVIEWER
        elif entry is not None:
            labels[label] = entry.pseudonym
        elif is_generic_speaker(label):
            labels[label] = label
        else:
            others += 1
            labels[label] = f"[speaker-{others}]"
    return labels


def is_generic_speaker(label: str) -> bool:
    """True for labels that name no one: "Speaker 2", "P3", "Unknown speaker"."""
    label = label.strip()
    words = re.findall(r"[^\W\d_]+|\d+", label)
    if words and all(w.casefold() in GENERIC_SPEAKERS or w.isdigit() for w in words):
        return True
    return bool(_GENERIC.match(label))


def speaker_table(speakers: dict[str, str], roster: Roster | None) -> NameTable:
    """Every spelling of each speaker's name -> the speaker's pseudonym."""
    table = NameTable()
    for label, pseudonym in speakers.items():
        for name in _label_names(label):
            kind = _speaker_kind(pseudonym)
            entry = roster.find_person(name) if roster else None
            table.add_person(name, pseudonym, kind)
            if entry is not None:
                table.add_person(entry.name, pseudonym, kind, entry.aliases)
    return table


_BASE: dict[tuple[int, tuple[str, ...]], tuple[Roster | None, int, NameTable]] = {}


def base_table(roster: Roster | None, known_names: Sequence[str]) -> NameTable:
    """The roster and other known names, built and compiled once per roster.

    A study's verify redacts every transcript with the same roster; compiling
    its names once keeps that linear in the number of transcripts.
    """
    key = (id(roster), tuple(known_names))
    size = len(roster.people) + len(roster.organisations) if roster else 0
    cached = _BASE.get(key)
    if cached is not None and cached[0] is roster and cached[1] == size:
        return cached[2]

    table = NameTable()
    if roster is not None:
        for entry in roster.people:
            table.add_person(entry.name, entry.pseudonym, "person", entry.aliases)
        for entry in roster.organisations:
            table.add_organisation(entry.name, entry.pseudonym, entry.aliases)
    for name in map(_strip_role, known_names):
        if name and not table.covers(name):
            table.add_person(name, table.next_pseudonym("person"), "person")

    if len(_BASE) > 16:
        _BASE.clear()
    _BASE[key] = (roster, size, table)
    return table


def _speaker_kind(pseudonym: str) -> str:
    if pseudonym == INTERVIEWER:
        return "interviewer"
    return "person" if pseudonym.startswith("[") else "participant"


def _label_names(label: str) -> list[str]:
    """The names in a label: ``Moderator (Jane Roe)`` -> ``Jane Roe``."""
    parts = [part.strip() for part in re.split(r"[()\[\]]", label)]
    return [part for part in parts if part and not is_generic_speaker(part)]


def _strip_role(label: str) -> str:
    """``Krista (SAM - WellCare)`` -> ``Krista``."""
    return re.sub(r"\s*[(\[].*$", "", label).strip()
