"""Which English words can be nouns, for topic tags without a tagger.

With the blank pipeline there is no part-of-speech tagger, so a topic tag
keeps only words that can be nouns: "sheet" and "handover", not "suppose"
or "honest". ``data/not_nouns.txt`` (made by
``scripts/make_word_classes.py`` from spacy-lookups-data's lemma index)
lists the common words that index knows only as verbs, adjectives or
adverbs; any other word, "OneDrive" and "waitlist" included, may be a noun.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _not_nouns() -> frozenset[str]:
    text = resources.files("research_tool").joinpath("data/not_nouns.txt")
    lines = text.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def can_be_noun(word: str) -> bool:
    """False only for a common word that is never a noun."""
    return word.lower() not in _not_nouns()
