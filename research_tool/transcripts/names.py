"""Telling a speaker label (``Priya Shah:``) from ordinary text with a colon.

``https:``, ``Note:`` and ``10:30 Meeting:`` look like labels but are not:
a name starts with a letter, its words are capitalised (or are particles such
as "de" or "van"), it has at most five words, the colon is followed by a
space or the line's end, and it is not a word such as "Note" or "Summary".
"""

from __future__ import annotations

import re

UNKNOWN_SPEAKER = "Unknown speaker"

# Bounded and lazy: at most 48 characters are tried before the colon.
_LABEL = re.compile(r"(?P<name>[^\W\d_][\w.'’()/\- ]{0,48}?)[ \t]*:(?=\s|$)")
_PARTICLES = frozenset(
    {"de", "da", "del", "della", "di", "van", "von", "der", "den", "du", "le", "la"}
    | {"bin", "ibn", "al", "el", "dos", "das", "ter"}
)
NOT_SPEAKERS = frozenset(
    {"note", "notes", "nb", "ps", "summary", "agenda", "date", "time", "location"}
    | {"place", "subject", "title", "topic", "meeting", "attendees", "participants"}
    | {"present", "absent", "re", "fwd", "cc", "to", "from", "warning", "important"}
    | {"update", "edit", "source", "link", "url", "http", "https", "mailto", "tl;dr"}
    | {"takeaways", "key takeaways", "action items", "next steps", "details"}
    | {"suggested next steps", "recording", "transcript", "keywords", "speakers"}
    | {"duration", "language", "tags", "example", "examples", "step", "tip"}
    | {"caveat", "disclaimer", "copyright"}
)


def split_label(line: str, *, relaxed: bool = False) -> tuple[str, int] | None:
    """``("Priya Shah", end)`` when ``line`` opens with a speaker label.

    ``end`` is the index just after the colon. Returns None otherwise.
    ``relaxed`` also accepts names in lower case (``dana w:``), for files
    where every cue carries a name.
    """
    match = _LABEL.match(line, 0, 60)
    if match is None or not is_name(match["name"], relaxed=relaxed):
        return None
    return match["name"].strip(), match.end()


def is_name(name: str, *, relaxed: bool = False) -> bool:
    """True when ``name`` reads like a person's name or a role label."""
    name = name.strip()
    words = name.split()
    if not words or len(words) > 5 or len(name) > 48:
        return False
    if name.casefold() in NOT_SPEAKERS:
        return False
    return relaxed or all(not w[0].islower() or w in _PARTICLES for w in words)


def initials(name: str) -> str:
    """``"Devin Becker"`` -> ``"DB"``."""
    return "".join(word[0] for word in name.split() if word[:1].isalpha()).upper()
