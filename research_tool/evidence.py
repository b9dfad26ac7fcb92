"""Evidence for plan hypotheses: matched terms, then a stance.

Each hypothesis is reduced to its content lemmas and its two- and
three-word phrases, plus the cue terms a study's codebook adds; all are
matched on lemmas by one PhraseMatcher built once. A participant sentence
whose matched terms weigh enough becomes evidence. Its stance is
``challenges`` when contradiction cues, or negation close before a matched
term of a positively worded hypothesis, say the opposite; else ``supports``.
Every item keeps the terms that matched, so the researcher sees why.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from research_tool.cues import Hit, TermMatcher
from research_tool.lexicon import GENERIC, NEGATIVE_SENSE
from research_tool.model import Stance
from research_tool.passages import Passage, parse_texts
from research_tool.stance import StanceReader

MIN_SCORE = 2.0
MAX_PER_HYPOTHESIS = 4


@dataclass(frozen=True)
class Found:
    """A passage suggested as evidence for one hypothesis."""

    hypothesis: int
    passage: Passage
    stance: Stance
    score: float
    matched: tuple[str, ...]

    @property
    def why(self) -> str:
        return "matched: " + ", ".join(self.matched)


@dataclass(frozen=True)
class Terms:
    """What one hypothesis is matched on, with a weight per term."""

    number: int
    weights: dict[str, float]
    negative: bool  # worded as an absence or failure ("invisible", "lack")


class EvidenceFinder:
    """Finds evidence for every hypothesis; build once, reuse per transcript."""

    def __init__(
        self,
        nlp: Any,
        hypotheses: Sequence[tuple[int, str]],
        cues: Mapping[int, Sequence[str]] | None = None,
    ) -> None:
        self.terms = hypothesis_terms(nlp, hypotheses, cues or {})
        self._matcher = TermMatcher(
            nlp, {str(t.number): list(t.weights) for t in self.terms}
        )
        self._stance = StanceReader(nlp)

    def find(self, passages: Sequence[Passage]) -> dict[int, list[Found]]:
        """The evidence per hypothesis number, strongest first."""
        hits = [self._matcher(p.span) for p in passages]
        rarity = _rarity(hits, len(passages))

        found: dict[int, list[Found]] = {t.number: [] for t in self.terms}
        for terms in self.terms:
            for passage, passage_hits in zip(passages, hits, strict=True):
                mine = [h for h in passage_hits if h.label == str(terms.number)]
                item = self._judge(terms, passage, mine, rarity)
                if item is not None:
                    found[terms.number].append(item)

        for number, items in found.items():
            items.sort(key=lambda f: (-f.score, f.passage.index))
            found[number] = sorted(
                items[:MAX_PER_HYPOTHESIS], key=lambda f: f.passage.index
            )
        return found

    def _judge(
        self, terms: Terms, passage: Passage, hits: list[Hit], rarity: dict[str, float]
    ) -> Found | None:
        matched = _distinct(hits)
        if not matched:
            return None
        score = sum(terms.weights[t] * rarity.get(t, 1.0) for t in matched)
        if score < MIN_SCORE or (len(matched) < 2 and terms.weights[matched[0]] < 2):
            return None

        stance = self._stance.stance(passage.span, hits, negative=terms.negative)
        return Found(terms.number, passage, stance, round(score, 3), tuple(matched))


def hypothesis_terms(
    nlp: Any, hypotheses: Sequence[tuple[int, str]], cues: Mapping[int, Sequence[str]]
) -> list[Terms]:
    """Content lemmas and phrases of each hypothesis, weighted."""
    docs = parse_texts(nlp, [text for _, text in hypotheses])
    words_per_doc = [_content_words(doc) for doc in docs]
    spread: dict[str, int] = {}
    for words in words_per_doc:
        for word in set(words):
            spread[word] = spread.get(word, 0) + 1

    found = []
    for (number, _), doc, words in zip(hypotheses, docs, words_per_doc, strict=True):
        weights: dict[str, float] = {}
        for word in words:
            shared = spread[word] > 1 and len(hypotheses) > 2
            weights.setdefault(word, 0.5 if shared else 1.0)
        for phrase in _phrases(doc):
            weights.setdefault(phrase, 2.0)
        for cue in cues.get(number, ()):
            weights[cue] = 2.0
        keys = {t.norm_ for t in doc}
        negative = bool(keys & set(NEGATIVE_SENSE))
        found.append(Terms(number, weights, negative))
    return found


def _content_words(doc: Any) -> list[str]:
    return [
        t.norm_
        for t in doc
        if (t.is_alpha and not t.is_stop and len(t) > 2 and t.norm_ not in GENERIC)
    ]


def _phrases(doc: Any) -> list[str]:
    """Runs of two or three adjacent content words ("status update")."""
    runs: list[list[Any]] = [[]]
    for token in doc:
        if token.is_alpha and not token.is_stop and token.norm_ not in GENERIC:
            runs[-1].append(token)
        else:
            runs.append([])

    phrases = []
    for run in runs:
        for size in (2, 3):
            for i in range(len(run) - size + 1):
                phrases.append(" ".join(t.norm_ for t in run[i : i + size]))
    return phrases


def _distinct(hits: list[Hit]) -> list[str]:
    """Matched terms, keeping only the longest of overlapping matches."""
    ranked = sorted(hits, key=lambda h: (h.start - h.end, h.start))
    taken: set[int] = set()
    kept = []
    for hit in ranked:
        tokens = set(range(hit.start, hit.end))
        if tokens & taken or hit.term in kept:
            continue
        taken |= tokens
        kept.append(hit.term)
    return kept


def _rarity(hits: list[list[Hit]], count: int) -> dict[str, float]:
    """Down-weight terms the participant says in a large share of sentences."""
    spread: dict[str, int] = {}
    for passage_hits in hits:
        for term in {h.term for h in passage_hits}:
            spread[term] = spread.get(term, 0) + 1
    if count < 20:
        return {}
    return {
        term: min(1.0, math.log(count / n) / math.log(20)) for term, n in spread.items()
    }
