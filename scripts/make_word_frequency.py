"""Write research_tool/data/word_logprob.tsv from spacy-lookups-data.

The evidence finder weighs a hypothesis word by how common it is in
English: "time" and "know" say little alone, "churn" says a lot. spaCy's
lookups hold a log-probability for a million words, but loading them takes
over a second, so the common words (the only ones whose weight changes)
are kept here in a small table. Run again only when the cut-off changes:

    .venv/bin/python scripts/make_word_frequency.py
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import spacy_lookups_data

CUTOFF = -11.5  # rarer words than this all weigh the same
OUT = Path(__file__).resolve().parent.parent / "research_tool/data/word_logprob.tsv"


def main() -> None:
    data = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(data, "rt", encoding="utf-8") as handle:
        probs: dict[str, float] = json.load(handle)
    rows = sorted(
        (word, value)
        for word, value in probs.items()
        if value > CUTOFF and word.isalpha() and word.isascii() and word.islower()
    )
    lines = [f"{word}\t{value:.2f}" for word, value in rows]
    header = "# word\tlog probability (spacy-lookups-data en_lexeme_prob)\n"
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} words -> {OUT}")


if __name__ == "__main__":
    main()
