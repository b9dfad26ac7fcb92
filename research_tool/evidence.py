"""Evidence for plan hypotheses: what an answer is about, then a stance.

Each hypothesis is reduced to its content lemmas, its two- and three-word
phrases, the everyday words of the concept families those belong to
(``concepts``), and the cue terms a study's codebook adds; all are matched
on lemmas by one PhraseMatcher built once. A common word weighs less than a
rare one ("time" less than "churn").

A researcher reads an answer as a whole: when a participant talks about a
hypothesis for a while, the sentences around the matched words are
evidence too ("Two, two and a half hours." after a question about time
spent on reports). So each participant turn gets a topic score per
hypothesis, from its sentences' matches and the interviewer's question
before it. In a turn about the hypothesis, its sentences of some substance
are evidence, the best matched first; elsewhere only a sentence whose own
words match strongly is. Its stance is ``challenges`` when contradiction
cues, or negation close before a matched term of a positively worded
hypothesis, say the opposite; else ``supports``. On the words of a
practice the hypothesis denies ("no routine inspections"), it is the
other way round: describing the practice challenges. Every item keeps the terms
that matched and what the answer was about, so the researcher sees why.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from research_tool.concepts import families_of, family_words, related_terms
from research_tool.cues import Hit, TermMatcher
from research_tool.lexicon import GENERIC, NEGATIVE_SENSE
from research_tool.model import Stance
from research_tool.passages import Passage, parse_texts, word_count
from research_tool.stance import StanceReader
from research_tool.wordfreq import specificity

TURN_NEED = 6.0  # topic score that makes a whole answer about a hypothesis
TURN_FLOOR = 2.0  # ... and the least it can be lowered to
RELATIVE = 0.8  # share of the interview's best answer's score that is enough
SHARE = 0.5  # an answer is about the hypotheses scoring this share of its best
STRONG = 2.5  # score a sentence needs on its own words, outside such an answer
SENTENCE_CAP = 3.0  # most one sentence adds to its turn's topic score
QUESTION_CAP = 3.0  # most the interviewer's question adds
MIN_WORDS = 6  # words a context-only sentence needs to say something
CARRY = 0.5  # share of an answer's topic a content-free follow-up keeps
NEIGHBOURS = 0.4  # share of the answers before and after added to an answer's
PER_TURN = 6  # items per hypothesis from one answer
MAX_PER_HYPOTHESIS = 10  # the strongest items kept, so a snapshot stays reviewable
WORDS_PER_ITEM = 400  # ... or one per this many words the participant said
TIME_FRAMES = frozenset({"at", "during", "per", "each", "every", "throughout", "by"})
FRAME_WORDS = 3  # words after such a preposition that can name the time
DENIALS = frozenset({"no", "not", "n't", "never", "without", "lack", "lacks"})
DENIED = 2  # content words after a denial that name what is denied
CLAUSE_BREAKS = {"but", "although", "though", "while", "whereas", "yet"}
RARE = 20  # a term said in 1 sentence of RARE or fewer keeps its full weight
FULL = 6.0  # a statement whose three best terms weigh this scores in full
PHRASE = 2.0  # a two-word phrase of the hypothesis; a three-word one weighs 3
CUE_PHRASE = 1.0  # a codebook phrase, half a hypothesis phrase of its own
CUE_WORD = 0.75  # a codebook word, below a hypothesis word of its own
COMMON = 0.3  # the weight left to the commonest words ("time", "know")
RELATED = 0.6  # a family word the hypothesis does not say, against its own words
TOPIC_WORDS = 3  # terms named in an item's "answer about" note
RUN = 2  # at most this many sentences quoted together
CONTINUES = frozenset({"so", "and", "which", "because", "that", "it", "but"})
TURNS = frozenset({"but", "though", "however", "yet"})  # ... and turn it round


@dataclass(frozen=True)
class Found:
    """A passage suggested as evidence for one hypothesis."""

    hypothesis: int
    passage: Passage
    stance: Stance
    score: float
    matched: tuple[str, ...]
    about: tuple[str, ...] = ()  # what the whole answer matched, when that counted

    @property
    def why(self) -> str:
        parts = []
        if self.matched:
            parts.append("matched: " + ", ".join(self.matched))
        if self.about:
            parts.append("in an answer about: " + ", ".join(self.about))
        return "; ".join(parts)


@dataclass(frozen=True)
class Terms:
    """What one hypothesis is matched on, with a weight per term."""

    number: int
    weights: dict[str, float]
    negative: frozenset[str]  # terms worded near an absence ("invisible to SAMs")
    family: Mapping[str, str] = field(default_factory=dict)  # term -> concept family
    scale: float = 1.0  # below 1 for a statement too short to score as high
    denied: frozenset[str] = frozenset()  # what the hypothesis says is not done


@dataclass(frozen=True)
class _Topic:
    """How much one participant turn is about one hypothesis, and through what."""

    score: float
    terms: tuple[str, ...]


Scored = tuple[float, list[str], list[Hit]]  # a sentence's score, terms and hits


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
        question just before it (a spaCy span): it counts towards what the
        answer is about.
        """
        hits = [self._matcher(p.span) for p in passages]
        rarity = _rarity(hits, len(passages))
        asked = {turn: self._matcher(span) for turn, span in (questions or {}).items()}

        follow_ups = {p.turn.index for p in passages if not asked.get(p.turn.index)}
        scored: dict[int, tuple[list[Scored], dict[int, _Topic]]] = {}
        for terms in self.terms:
            label = str(terms.number)
            own = [
                _weigh(terms, [h for h in ph if h.label == label], rarity)
                for ph in hits
            ]
            question = {
                turn: [h for h in q if h.label == label] for turn, q in asked.items()
            }
            scored[terms.number] = (
                own,
                _topics(terms, passages, own, question, follow_ups),
            )
        best = _best_topics([topics for _, topics in scored.values()])
        limit = _limit(passages)

        found: dict[int, list[Found]] = {}
        for terms in self.terms:
            own, topics = scored[terms.number]
            need = _turn_need(topics, terms.scale)
            answers = {
                turn
                for turn, topic in topics.items()
                if topic.score >= need and topic.score >= SHARE * best[turn]
            }
            items = [
                item
                for i in range(len(passages))
                if (item := self._judge(terms, passages, own, i, topics, answers))
                is not None
            ]
            found[terms.number] = _strongest(items, passages, limit)
        return found

    def _judge(
        self,
        terms: Terms,
        passages: Sequence[Passage],
        own: list[Scored],
        i: int,
        topics: Mapping[int, _Topic],
        answers: set[int],
    ) -> Found | None:
        """Passage ``i`` as evidence, if its words or its answer are enough."""
        score, matched, hits = own[i]
        passage = passages[i]
        topic = topics[passage.turn.index]
        in_answer = (
            passage.turn.index in answers and word_count(passage.span) >= MIN_WORDS
        )
        strong = score >= STRONG * terms.scale
        if not in_answer and not strong:
            return None

        negative = bool(hits) and all(h.term in terms.negative for h in hits)
        read = _joined(_run(passages, i, TURNS)).span
        denied = [h for h in hits if h.term in terms.denied]
        if denied:
            stance = self._stance.denied_stance(read, denied)
        else:
            stance = self._stance.stance(read, hits, negative=negative)
        about = topic.terms if in_answer and not strong else ()
        rank = round(score + 0.1 * topic.score, 3)
        return Found(terms.number, passage, stance, rank, tuple(matched), about)


def _weigh(terms: Terms, hits: list[Hit], rarity: dict[str, float]) -> Scored:
    matched = _distinct(hits)
    score = sum(terms.weights[t] * rarity.get(t, 1.0) for t in matched)
    return score, matched, hits


def _topics(
    terms: Terms,
    passages: Sequence[Passage],
    own: list[Scored],
    question: Mapping[int, list[Hit]],
    follow_ups: set[int],
) -> dict[int, _Topic]:
    """Each participant turn's topic score for one hypothesis.

    The sentences' own scores, each capped so that one long sentence cannot
    carry a turn, plus the matched terms of the question before it. After a
    question that names no hypothesis ("What happened next?"), part of the
    previous answer's topic carries on.
    """
    score: dict[int, float] = {}
    weights: dict[int, dict[str, float]] = {}
    for i, passage in enumerate(passages):
        turn = passage.turn.index
        score[turn] = score.get(turn, 0.0) + min(own[i][0], SENTENCE_CAP)
        for term in own[i][1]:
            said = weights.setdefault(turn, {})
            said[term] = said.get(term, 0.0) + terms.weights[term]

    topics: dict[int, _Topic] = {}
    previous = _Topic(0.0, ())
    for turn, total in score.items():
        asked = _distinct(question.get(turn, []))
        total += min(sum(terms.weights[t] for t in asked), QUESTION_CAP)
        if turn in follow_ups:
            total += CARRY * previous.score
        said = weights.get(turn, {})
        for term in asked:
            said[term] = said.get(term, 0.0) + terms.weights[term]
        named = sorted(said, key=lambda t: (-said[t], t))[:TOPIC_WORDS]
        topics[turn] = previous = _Topic(total, tuple(named))
    return _smoothed(topics)


def _smoothed(topics: dict[int, _Topic]) -> dict[int, _Topic]:
    """Add a share of the neighbouring answers' scores: topics come in runs."""
    turns = list(topics)
    smoothed = {}
    for k, turn in enumerate(turns):
        around = [topics[turns[j]].score for j in (k - 1, k + 1) if 0 <= j < len(turns)]
        score = topics[turn].score + NEIGHBOURS * sum(around)
        smoothed[turn] = _Topic(score, topics[turn].terms)
    return smoothed


def _best_topics(per_hypothesis: Sequence[Mapping[int, _Topic]]) -> dict[int, float]:
    """Each turn's highest topic score over all hypotheses."""
    best: dict[int, float] = {}
    for topics in per_hypothesis:
        for turn, topic in topics.items():
            best[turn] = max(best.get(turn, 0.0), topic.score)
    return best


def _turn_need(topics: Mapping[int, _Topic], scale: float) -> float:
    """The topic score that makes an answer about the hypothesis, in this interview.

    TURN_NEED, or less when even the answers most about the hypothesis
    score lower: its words may simply be rarer in speech than another's.
    """
    top = max((t.score for t in topics.values()), default=0.0)
    return scale * max(TURN_FLOOR, min(TURN_NEED, RELATIVE * top))


def _limit(passages: Sequence[Passage]) -> int:
    """How many items a hypothesis keeps: more in a longer interview."""
    words = sum(word_count(p.span) for p in passages)
    return max(MAX_PER_HYPOTHESIS, round(words / WORDS_PER_ITEM))


def _strongest(
    items: list[Found], passages: Sequence[Passage], limit: int
) -> list[Found]:
    """The best items: PER_TURN a turn, ``limit`` in all, in spoken order.

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
        if len(kept) >= limit:
            break
        run = _run(passages, item.passage.index)
        run = run[: next((k for k, p in enumerate(run) if p.index in taken), len(run))]
        taken.update(p.index for p in run)
        per_turn[turn] = per_turn.get(turn, 0) + 1
        kept.append(replace(item, passage=_joined(run)))
    return sorted(kept, key=lambda f: f.passage.index)


def _run(
    passages: Sequence[Passage], i: int, continues: frozenset[str] = CONTINUES
) -> list[Passage]:
    """Passage ``i`` and the sentences that continue it, up to RUN in all."""
    run = [passages[i]]
    for j in range(i + 1, min(i + RUN, len(passages))):
        last, following = run[-1], passages[j]
        between = last.turn.text[last.end : following.start]
        first_word = following.span[0].norm_ if len(following.span) else ""
        if (
            following.turn is not last.turn
            or following.span.doc is not last.span.doc  # a long turn parsed in pieces
            or "\n" in between
            or first_word not in continues
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
    families = family_words(nlp)
    words_per_doc = [_content_words(doc) for doc in docs]
    phrases_per_doc = [_phrases(doc) + _compounds(doc) for doc in docs]
    spread: dict[str, int] = {}
    for terms in [*words_per_doc, *phrases_per_doc]:
        for term in set(terms):
            spread[term] = spread.get(term, 0) + 1

    def share(term: str) -> float:
        """A term of several hypotheses tells less which one is meant."""
        return 0.5 if spread[term] > 1 and len(hypotheses) > 2 else 1.0

    found = []
    for (number, _), doc, words, own_phrases in zip(
        hypotheses, docs, words_per_doc, phrases_per_doc, strict=True
    ):
        weights: dict[str, float] = {}
        for word in words:
            weights.setdefault(word, share(word) * _commonness(word))
        for phrase in own_phrases:
            longer = len(phrase.replace("-", " ").split()) - 2
            weights.setdefault(phrase, share(phrase) * (PHRASE + longer))
        scale = min(1.0, sum(sorted(weights.values())[-3:]) / FULL)
        phrases = [p for p in weights if " " in p]
        family = families_of(families, list(weights))
        framed = _time_frames(doc)
        related = related_terms(
            families,
            [w for w in words if w not in framed],
            [p for p in phrases if not set(p.split()) & framed],
        )
        for term in related:
            if term not in weights:
                weights[term] = RELATED * _commonness(term)
        for cue in cues.get(number, ()):
            weight = CUE_PHRASE if len(cue.split()) > 1 else CUE_WORD
            weights[cue] = max(weight, weights.get(cue, 0.0))
        family = {**related, **family}
        negative = _negative_terms(doc, weights)
        absent = {family[t] for t in negative if t in family}
        negative |= {t for t in weights if family.get(t) in absent}
        denied = _denied_terms(doc, weights)
        found.append(Terms(number, weights, frozenset(negative), family, scale, denied))
    return found


def _commonness(term: str) -> float:
    """A single common word weighs little alone; a phrase or rare word in full."""
    if " " in term:
        return 1.0
    return COMMON + (1 - COMMON) * specificity(term)


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


def _time_frames(doc: Any) -> set[str]:
    """Words that only frame a claim in time: "at tax time", "during the year".

    They say when, not what the hypothesis is about, so their concept
    family (hours, minutes, "all morning") is not brought in.
    """
    framed: set[str] = set()
    for k, token in enumerate(doc):
        if token.norm_ in TIME_FRAMES:
            framed |= {t.norm_ for t in doc[k + 1 : k + 1 + FRAME_WORDS]}
    return framed


def _denied_terms(doc: Any, weights: Mapping[str, float]) -> frozenset[str]:
    """What the hypothesis says people do not do, or do not do it by.

    In "they do no routine inspections", "rather than by comparing quotes"
    and "do not track spending", the words right after the denial name the
    practice denied: a participant who describes doing it challenges the
    hypothesis, one who says they do not supports it. The run of up to
    DENIED content words after "no", "not", "never", "without", "lack",
    "rather than" or "instead of" is taken, within its clause, less any
    word the hypothesis also uses outside a denial ("rather than
    quantitative data because quantitative data is fragmented").
    """
    denied: set[str] = set()
    elsewhere: set[str] = set()
    run: list[str] | None = None
    for k, token in enumerate(doc):
        if _denies(doc, k):
            run = []
            continue
        content = token.is_alpha and not token.is_stop and token.norm_ not in GENERIC
        if run is not None and (
            token.is_punct or token.norm_ in CLAUSE_BREAKS or len(run) >= DENIED
        ):
            run = None
        if run is not None and content:
            run.append(token.norm_)
            denied.add(token.norm_)
        elif run:
            run = None
        elif content:
            elsewhere.add(token.norm_)
    denied -= elsewhere
    return frozenset(term for term in weights if denied and set(term.split()) <= denied)


def _denies(doc: Any, k: int) -> bool:
    """Token ``k`` is a denial: "no", "not", "lack", "rather than", ..."""
    token = doc[k]
    if token.norm_ in DENIALS:
        return True
    before = doc[k - 1].norm_ if k else ""
    return (before, token.norm_) in (("rather", "than"), ("instead", "of"))


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


def _compounds(doc: Any) -> list[str]:
    """Hyphenated words ("no-shows", "month-end"), with and without the hyphen."""
    found = []
    for token in doc[1:-1]:
        left, right = doc[token.i - 1], doc[token.i + 1]
        joined = not left.whitespace_ and not token.whitespace_
        if token.text == "-" and joined and left.is_alpha and right.is_alpha:
            found += [f"{left.norm_}-{right.norm_}", f"{left.norm_} {right.norm_}"]
    return found


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
