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
from dataclasses import dataclass, replace
from typing import Any

from research_tool.cues import Hit, TermMatcher
from research_tool.lexicon import GENERIC, NEGATIVE_SENSE
from research_tool.model import Stance
from research_tool.passages import Passage, parse_texts
from research_tool.stance import StanceReader

MIN_SCORE = 2.0
MAX_PER_HYPOTHESIS = 8
PER_TURN = 2
CLAUSE_BREAKS = {"but", "although", "though", "while", "whereas", "yet"}
SHORT_STATEMENT = 3  # a hypothesis of fewer content words needs less than MIN_SCORE
RARE = 20  # a term said in 1 sentence of RARE or fewer keeps its full weight
ASKED = 1.0  # weight of the question's matched terms
NEAR = 0.25  # weight of the neighbouring sentences' matched terms
ON_TOPIC = 2  # the first sentences of an answer get the question's full weight
DRIFT = 0.5  # the question's weight for later sentences of the answer
CONCEPTS = 2  # distinct hypothesis words a lone-word match needs
PHRASE = 2.0  # ... unless a question about the hypothesis backs it
LONE = 1.0  # ... or that one word weighs this much
CONCEPT = 0.0  # bonus per distinct word matched, when ranking
KEEP = 0.0  # the least score an item needs to be kept
CUE_PHRASE = 2.0  # a codebook phrase weighs as a hypothesis phrase
CUE_WORD = 0.75  # a codebook word alone needs a second word to count
RUN = 2  # at most this many sentences quoted together
CONTINUES = {"so", "and", "which", "because", "that", "it", "but"}


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
    negative: frozenset[str]  # terms worded near an absence ("invisible to SAMs")
    need: float = 2.0  # the score a sentence needs; lower for very short statements


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

    def find(
        self, passages: Sequence[Passage], questions: Mapping[int, Any] | None = None
    ) -> dict[int, list[Found]]:
        """The evidence per hypothesis number, in spoken order.

        ``questions`` maps a participant turn's index to the interviewer's
        question just before it (a spaCy span): an answer to a question
        about a hypothesis needs fewer of its words to count.
        """
        hits = [self._matcher(p.span) for p in passages]
        rarity = _rarity(hits, len(passages))
        asked = {turn: self._matcher(span) for turn, span in (questions or {}).items()}

        found: dict[int, list[Found]] = {}
        for terms in self.terms:
            label = str(terms.number)
            own = [
                _weigh(terms, [h for h in ph if h.label == label], rarity)
                for ph in hits
            ]
            items = []
            for i, passage in enumerate(passages):
                question = [
                    h for h in asked.get(passage.turn.index, []) if h.label == label
                ]
                item = self._judge(terms, passages, own, i, question)
                if item is not None:
                    items.append(item)
            found[terms.number] = _strongest(items, passages)
        return found

    def _judge(
        self,
        terms: Terms,
        passages: Sequence[Passage],
        own: list[tuple[float, list[str], list[Hit]]],
        i: int,
        question: list[Hit],
    ) -> Found | None:
        score, matched, hits = own[i]
        if not matched:
            return None

        passage = passages[i]
        asked = _distinct(question)
        topical = min(sum(terms.weights[t] for t in asked), 3.0)
        context = ASKED * topical * _answer_weight(passages, i)
        context += NEAR * min(_neighbours(passages, own, i), 2.0)
        concepts = _concepts(matched)
        if score + context < terms.need or (
            concepts < CONCEPTS and score < LONE and topical < PHRASE
        ):
            return None

        run = _run(passages, i)
        hits = [h for p in run for h in own[p.index][2]]
        negative = all(h.term in terms.negative for h in hits)
        stance = self._stance.stance(_joined(run).span, hits, negative=negative)
        why = tuple(matched) + tuple(
            f"asked about {t}" for t in asked if t not in matched
        )
        total = round(score + context + CONCEPT * concepts, 3)
        return Found(terms.number, passage, stance, total, why)


def _weigh(
    terms: Terms, hits: list[Hit], rarity: dict[str, float]
) -> tuple[float, list[str], list[Hit]]:
    matched = _distinct(hits)
    score = sum(terms.weights[t] * rarity.get(t, 1.0) for t in matched)
    return score, matched, hits


def _concepts(matched: Sequence[str]) -> int:
    """Distinct words the matched terms cover: "status update" and "update" are 2."""
    return len({word for term in matched for word in term.lower().split()})


def _answer_weight(passages: Sequence[Passage], i: int) -> float:
    """An answer's first sentences answer the question; later ones drift."""
    first = i
    while first > 0 and passages[first - 1].turn is passages[i].turn:
        first -= 1
    return 1.0 if i - first < ON_TOPIC else DRIFT


def _neighbours(
    passages: Sequence[Passage], own: list[tuple[float, list[str], list[Hit]]], i: int
) -> float:
    """The match score of the sentences on either side, in the same turn."""
    total = 0.0
    for j in (i - 1, i + 1):
        if 0 <= j < len(passages) and passages[j].turn is passages[i].turn:
            total += own[j][0]
    return total


def _strongest(items: list[Found], passages: Sequence[Passage]) -> list[Found]:
    """The best items: PER_TURN a turn, MAX_PER_HYPOTHESIS in all, in order.

    A kept sentence is quoted with the next one when that one carries the
    thought on ("So ...", "And ..."), on the same line of the same turn.
    """
    ranked = sorted(items, key=lambda f: (-f.score, f.passage.index))
    per_turn: dict[int, int] = {}
    taken: set[int] = set()
    kept: list[Found] = []
    for item in ranked:
        turn = item.passage.turn.index
        if item.passage.index in taken or per_turn.get(turn, 0) >= PER_TURN:
            continue
        if len(kept) >= MAX_PER_HYPOTHESIS or item.score < KEEP:
            break
        run = _run(passages, item.passage.index)
        taken.update(p.index for p in run)
        per_turn[turn] = per_turn.get(turn, 0) + 1
        kept.append(replace(item, passage=_joined(run)))
    return sorted(kept, key=lambda f: f.passage.index)


def _run(passages: Sequence[Passage], i: int) -> list[Passage]:
    """Passage ``i`` and the sentences that continue it, up to RUN in all."""
    run = [passages[i]]
    for j in range(i + 1, min(i + RUN, len(passages))):
        last, following = run[-1], passages[j]
        between = last.turn.text[last.end : following.start]
        first_word = following.span[0].norm_ if len(following.span) else ""
        if (
            following.turn is not last.turn
            or "\n" in between
            or first_word not in CONTINUES
        ):
            break
        run.append(following)
    return run


def _joined(run: list[Passage]) -> Passage:
    first, last = run[0], run[-1]
    if len(run) == 1:
        return first
    span = first.span.doc[first.span.start : last.span.end]
    return Passage(first.index, first.turn, first.start, last.end, span)


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
            weight = CUE_PHRASE if len(cue.split()) > 1 else CUE_WORD
            weights[cue] = max(weight, weights.get(cue, 0.0))
        need = min(MIN_SCORE, max(1.0, len(set(words)) / SHORT_STATEMENT))
        found.append(Terms(number, weights, _negative_terms(doc, weights), need))
    return found


def _negative_terms(doc: Any, weights: Mapping[str, float]) -> frozenset[str]:
    """Terms in a clause of the hypothesis that states an absence.

    "Ticket gaps are invisible to SAMs until the customer escalates" is one
    clause about something missing, so all its terms are; in "usage predicts
    churn, but SAMs lack a way to monitor it" only the second clause is.
    """
    clauses: list[set[str]] = [set()]
    for token in doc:
        if token.is_punct or token.norm_ in CLAUSE_BREAKS:
            clauses.append(set())
        else:
            clauses[-1].add(token.norm_)

    near: set[str] = set()
    for clause in clauses:
        if clause & set(NEGATIVE_SENSE):
            near |= clause
    return frozenset(
        term for term in weights if all(word in near for word in term.split())
    )


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
    kept: list[str] = []
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
        term: min(1.0, math.log(count / n) / math.log(RARE))
        for term, n in spread.items()
    }
