"""Sentence splitting and pattern matching shared by the question rules."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\s+(?:--|—|–)\s+")
_SUBORDINATE = re.compile(
    r"^(?:when|if|after|before|once|while|since|as|from|looking back|thinking "
    r"(?:back|about)|during|in the last|over the last)\b[^,]*,\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z']+")


def sentences(text: str) -> list[str]:
    """The sentences of a prompt (a dash between clauses also splits).

    Curly apostrophes become straight ones, so patterns need only one kind.
    """
    flat = text.replace("’", "'")
    return [part.strip() for part in _SENTENCE_END.split(flat) if part.strip()]


def questions(text: str) -> list[str]:
    """The sentences of a prompt that end in a question mark."""
    return [s for s in sentences(text) if s.endswith("?")]


def main_clause(sentence: str) -> str:
    """The sentence without a leading "When ..., " or "If ..., " clause."""
    return _SUBORDINATE.sub("", sentence, count=1)


def first_match(patterns: Iterable[re.Pattern[str]], text: str) -> str:
    """The text the first matching pattern matched, or an empty string."""
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match.group(0)
    return ""


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes kept (curly ones made straight)."""
    return _WORD.findall(text.casefold().replace("’", "'"))


def shorten(text: str, width: int = 60) -> str:
    """``text`` cut at a word boundary to about ``width`` characters."""
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0] + " ..."


def compile_all(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def one_of(alternatives: str) -> str:
    """A regex group matching any of the space-separated ``alternatives``.

    Write ``\\s+`` for a space inside one alternative.
    """
    return "(?:" + "|".join(alternatives.split()) + ")"
