"""Write research_tool/data/not_nouns.txt from spacy-lookups-data.

With the blank pipeline there is no tagger, so a topic tag keeps only words
that can be nouns. spaCy's lemma index lists the base forms the rule
lemmatizer knows per part of speech; loading all of it takes about 0.1 s
and 13 MB. Only the words it knows but never as a noun ("suppose",
"honest", "really") are needed, and only those common enough to come up in
speech, so they are kept here in a small list. Run again only when the
cut-off changes:

    .venv/bin/python scripts/make_word_classes.py
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import spacy_lookups_data

CUTOFF = -14.0  # log probability: rarer words are left out (taken as nouns)
DATA = Path(spacy_lookups_data.__file__).parent / "data"
OUT = Path(__file__).resolve().parent.parent / "research_tool/data/not_nouns.txt"


def main() -> None:
    with gzip.open(DATA / "en_lemma_index.json.gz", "rt", encoding="utf-8") as f:
        index: dict[str, list[str]] = json.load(f)
    with gzip.open(DATA / "en_lexeme_prob.json.gz", "rt", encoding="utf-8") as f:
        probs: dict[str, float] = json.load(f)
    nouns = set(index["noun"])
    others = {word for kind, words in index.items() if kind != "noun" for word in words}
    words = sorted(
        word
        for word in others - nouns
        if word.isalpha() and word.isascii() and probs.get(word, -20.0) > CUTOFF
    )
    header = "# words spacy-lookups-data's lemma index knows, never as a noun\n"
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
