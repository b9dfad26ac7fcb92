"""Which English words can be nouns, from spacy-lookups-data's lemma index.

The index lists the base forms the rule lemmatizer knows for each part of
speech (about 57,000 nouns, 8,700 verbs, 21,000 adjectives, 3,800
adverbs). With the blank pipeline there is no tagger, so a topic tag uses
it to keep "sheet" and "handover" and drop "suppose" and "honest". A word
the index does not know ("OneDrive", "waitlist") may be a noun.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

INDEX = "data/en_lemma_index.json.gz"


@lru_cache(maxsize=1)
def _classes() -> tuple[frozenset[str], frozenset[str]]:
    """(nouns, every word of any class), read once (about 15 ms)."""
    data = resources.files("spacy_lookups_data").joinpath(INDEX).read_bytes()
    index: dict[str, list[str]] = json.loads(gzip.decompress(data))
    nouns = frozenset(index.get("noun", ()))
    known = frozenset(word for words in index.values() for word in words)
    return nouns, known


def can_be_noun(word: str) -> bool:
    """True for a noun's base form, and for a word the index does not know."""
    nouns, known = _classes()
    word = word.lower()
    return word in nouns or word not in known
