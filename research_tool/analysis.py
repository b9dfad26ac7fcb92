"""One transcript analysed: insights, evidence and the extractive sections.

``Analyser`` compiles every matcher once for a plan, a codebook and a
pipeline; ``analyse`` then parses the participant's turns once
(``nlp.pipe``) and runs the taggers over the same passages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from research_tool.codebook import Codebook
from research_tool.evidence import EvidenceFinder, Found
from research_tool.insights import Candidate, InsightTagger
from research_tool.model import PlanHypothesis, Transcript, Turn
from research_tool.passages import Passage, parse_texts, passages
from research_tool.summaries import (
    Observations,
    OpportunityDraft,
    Signals,
    Step,
    experience_map,
    observations,
    opportunities,
    summary,
)
from research_tool.topics import TopicTagger

MAX_TAGS = 6
QUESTION_SENTENCES = 2
QUESTION_CHARS = 250
_CONTEXT_CHARS = 140


@dataclass(frozen=True)
class InsightDraft:
    """A candidate insight with its topics and context, ready to write."""

    candidate: Candidate
    topics: tuple[str, ...]
    context: str

    @property
    def quote(self) -> str:
        return self.candidate.quote

    @property
    def type(self) -> str:
        return self.candidate.typing.type

    @property
    def at(self) -> float | None:
        return self.candidate.passage.at


@dataclass
class Analysis:
    """Everything ``research process`` found in one transcript."""

    pipeline: str
    passages: list[Passage]
    insights: list[InsightDraft]
    evidence: dict[int, list[Found]]
    summary: list[str]
    steps: list[Step]
    opportunities: list[OpportunityDraft]
    observations: Observations
    tags: list[str]


class Analyser:
    """The compiled taggers for one plan, codebook and pipeline."""

    def __init__(
        self,
        pipeline: Any,
        hypotheses: Sequence[PlanHypothesis],
        *,
        codebook: Codebook | None = None,
        existing_tags: Sequence[str] = (),
    ) -> None:
        self.pipeline = pipeline
        self.codebook = codebook or Codebook()
        self.existing_tags = tuple(existing_tags)
        nlp = pipeline.nlp
        self.insights = InsightTagger(nlp)
        self.evidence = EvidenceFinder(
            nlp, [(h.number, h.text) for h in hypotheses], self.codebook.cues
        )
        self.signals = Signals(nlp)

    def analyse(self, transcript: Transcript) -> Analysis:
        nlp = self.pipeline.nlp
        found = passages(transcript, nlp)
        candidates = self.insights.candidates(found)
        topics = TopicTagger(
            nlp, found, existing=self.existing_tags, codebook=self.codebook.topics
        )

        # An insight carries one to three topics; contentless text is not one.
        drafts = [
            InsightDraft(c, tags, _context(transcript, c.passage.turn))
            for c in sorted(candidates, key=lambda c: c.passage.index)
            if (tags := topics.topics(c.passage))
        ]
        by_candidate = {id(d.candidate): d.topics for d in drafts}
        signals = self.signals.read(found)

        return Analysis(
            pipeline=self.pipeline.name,
            passages=found,
            insights=drafts,
            evidence=self.evidence.find(found, questions(transcript, nlp)),
            summary=summary(candidates, signals),
            steps=experience_map(found, candidates, signals),
            opportunities=opportunities(
                candidates, lambda c: by_candidate.get(id(c), ())
            ),
            observations=observations(candidates, signals),
            tags=_frequent_tags(drafts),
        )


def questions(transcript: Transcript, nlp: Any) -> dict[int, Any]:
    """Participant turn index -> the last sentences of the question before it."""
    asked: dict[int, Turn] = {}
    previous: Turn | None = None
    for turn in transcript.turns:
        if turn.role == "interviewer":
            previous = turn
        elif previous is not None and previous.index >= turn.index - 2:
            asked[turn.index] = previous

    # Only a turn's last sentences are the question; parse just its tail.
    unique = {t.index: t.text[-QUESTION_CHARS:] for t in asked.values()}
    docs = dict(zip(unique, parse_texts(nlp, list(unique.values())), strict=True))
    spans = {}
    for index, doc in docs.items():
        sentences = list(doc.sents)[-QUESTION_SENTENCES:]
        spans[index] = (
            doc[sentences[0].start : sentences[-1].end] if sentences else doc[:]
        )
    return {turn: spans[question.index] for turn, question in asked.items()}


def _context(transcript: Transcript, turn: Turn) -> str:
    """The interviewer's question just before ``turn``, shortened."""
    before = [
        t for t in transcript.turns if t.index < turn.index and t.role == "interviewer"
    ]
    if not before or before[-1].index < turn.index - 2:
        return "Said unprompted."
    question = " ".join(before[-1].text.split())
    if len(question) > _CONTEXT_CHARS:
        question = "..." + question[-_CONTEXT_CHARS:].split(" ", 1)[-1]
    return f"In answer to: {question}"


def _frequent_tags(drafts: Sequence[InsightDraft]) -> list[str]:
    counts = Counter(tag for draft in drafts for tag in draft.topics)
    return [tag for tag, _ in counts.most_common(MAX_TAGS)]
