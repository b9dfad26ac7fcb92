"""How common an English word is, from a small table shipped with the package.

The table (``data/word_logprob.tsv``, made by ``scripts/make_word_frequency.py``)
holds the natural-log probability of the 4,400 or so most common lowercase
words; a word not in it is rarer than all of them.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

RARE = -11.5  # the table's cut-off: every word missing from it is at least this rare


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    text = resources.files("research_tool").joinpath("data/word_logprob.tsv")
    table = {}
    for line in text.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, value = line.split("\t")
            table[word] = float(value)
    return table


def log_probability(word: str) -> float:
    """The word's log probability in English text; ``RARE`` when uncommon."""
    return _table().get(word.lower(), RARE)


def specificity(word: str, *, common: float = -7.5, rare: float = -11.0) -> float:
    """0.0 for the commonest words ("time", "know") up to 1.0 for rare ones."""
    value = log_probability(word)
    return min(1.0, max(0.0, (common - value) / (common - rare)))
