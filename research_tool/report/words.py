"""Plain word overlap: the only text matching the findings use.

Words are lowercased, stripped of common English words and of a few
endings, so "signals" meets "signal" and "assessed" meets "assess". No
model, no randomness: the same text always gives the same words.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z][a-z0-9']*")
_ENDINGS = ("ing", "ed", "ly", "es", "s")

_STOPWORDS = """
    a about across after all also an and any are as at be because been before
    but by can could did do does doing each for from get had has have how i if
    in into is it its just like more most much my no not of on one or other our
    out over own same so some such than that the their them then there these
    they this those through to too under up use used very was way we were what
    when where whether which while who why will with without would you your
    actually today need needs users user
"""
STOPWORDS = frozenset(_STOPWORDS.split())


def stem(word: str) -> str:
    """Drop one common ending when enough of the word is left."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def words(text: str) -> frozenset[str]:
    """The content words of ``text``, stemmed."""
    found = _WORD.findall(text.lower().replace("-", " "))
    return frozenset(
        stem(w.strip("'")) for w in found if w not in STOPWORDS and len(w) > 2
    )


def distinctive(texts: list[str]) -> list[frozenset[str]]:
    """Each text's words minus those it shares with another text of the list."""
    sets = [words(text) for text in texts]
    counts: dict[str, int] = {}
    for found in sets:
        for word in found:
            counts[word] = counts.get(word, 0) + 1
    return [frozenset(w for w in found if counts[w] == 1) for found in sets]


def similarity(left: frozenset[str], right: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (0 when both are empty)."""
    union = left | right
    return len(left & right) / len(union) if union else 0.0
