"""People and organisations found by a trained spaCy pipeline's NER.

Found names are added to the name table under ``[person-N]`` or ``[org-N]``
(numbered in order of first mention, so stable within a transcript); the
name pass then replaces every mention, including first and last names
alone. Without a trained pipeline this pass does nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from research_tool.redaction.names import NameTable, name_tokens
from research_tool.redaction.words import is_never_alone

log = logging.getLogger(__name__)

LABELS = {"PERSON": "person", "ORG": "organisation"}
_PREFIX = {"person": "person", "organisation": "org"}
_EDGE = re.compile(r"^(?:the\s+)|'s$|’s$", re.IGNORECASE)


def discover(
    texts: Sequence[str], pipeline: Any, table: NameTable
) -> list[tuple[str, str, str]]:
    """Add the people and organisations the pipeline finds to ``table``.

    Returns ``(kind, name, pseudonym)`` for each new name, in order of first
    mention. The names are for the study roster only: never print them.
    """
    if pipeline is None or not getattr(pipeline, "trained", False):
        return []

    nlp = pipeline.nlp
    pieces = (piece for text in texts for piece in _pieces(text, nlp.max_length))
    found: list[tuple[str, str, str]] = []
    for doc in nlp.pipe(pieces):
        for ent in doc.ents:
            kind = LABELS.get(ent.label_)
            name = _EDGE.sub("", ent.text.strip())
            if kind is None or not _plausible(name) or table.covers(name):
                continue

            pseudonym = table.next_pseudonym(_PREFIX[kind])
            if kind == "person":
                table.add_person(name, pseudonym, kind)
            else:
                table.add_organisation(name, pseudonym)
            found.append((kind, name, pseudonym))

    log.debug("entity pass found %d new names", len(found))
    return found


def _pieces(text: str, limit: int) -> list[str]:
    """``text`` cut at line breaks, else spaces, into parts spaCy will take.

    A pipeline refuses a text longer than ``nlp.max_length`` (a million
    characters by default), which one unbroken plain-text turn can reach.
    """
    pieces = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        if cut <= 0:
            cut = text.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text]


def _plausible(name: str) -> bool:
    """A capitalised name that is not a product, a month or a placeholder."""
    if not name or "[" in name or "]" in name or not name[0].isupper():
        return False
    words = name.split()
    if all(is_never_alone(word) for word in words):
        return False
    return bool(name_tokens(name)) or len(words) > 1
