"""Matching lists of terms on lemmas, compiled once per pipeline.

Terms are phrases ("would be nice", "status update"). Each is lemmatised by
the same pipeline as the transcript and matched with a spaCy PhraseMatcher
on the lemma keys that ``passages`` stores in ``token.norm_``, so
"reports", "Reporting" and "reported" all meet the term "report".
``attr="ORTH"`` matches names exactly as written instead ("Teams" the
product, not "teams").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from research_tool.passages import parse_texts

_SEP = "\x1f"


@dataclass(frozen=True)
class Hit:
    """One term found in a span: its label, the term as given, token range."""

    label: str
    term: str
    start: int  # token offsets in the Doc
    end: int


class TermMatcher:
    """Find labelled terms in spans; ``terms`` maps label -> phrases."""

    def __init__(
        self, nlp: Any, terms: Mapping[str, Sequence[str]], *, attr: str = "NORM"
    ) -> None:
        from spacy.matcher import PhraseMatcher

        self._matcher = PhraseMatcher(nlp.vocab, attr=attr)
        self._strings = nlp.vocab.strings

        pairs = [(label, term) for label, group in terms.items() for term in group]
        docs = parse_texts(nlp, [term for _, term in pairs])
        for (label, term), doc in zip(pairs, docs, strict=True):
            if len(doc):
                self._matcher.add(f"{label}{_SEP}{term}", [doc])

    def __call__(self, span: Any) -> list[Hit]:
        hits = []
        for match_id, start, end in self._matcher(span):
            label, term = self._strings[match_id].split(_SEP, 1)
            hits.append(Hit(label, term, start, end))
        return sorted(hits, key=lambda h: (h.start, h.end, h.label, h.term))


def labels(hits: Iterable[Hit]) -> dict[str, set[str]]:
    """Distinct terms found, by label."""
    found: dict[str, set[str]] = {}
    for hit in hits:
        found.setdefault(hit.label, set()).add(hit.term)
    return found
