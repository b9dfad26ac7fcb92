"""The extractive sections of a snapshot: Summary, Experience Map,
Opportunities and Behavioral Observations.

Everything here is picked from what the participant said (whole sentences)
or counted from it (tools, frequency words, feelings); nothing is
paraphrased except the fixed frame "Users need a way to ...".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from research_tool.cues import Hit, TermMatcher
from research_tool.insights import Candidate
from research_tool.lexicon import (
    EMOTION,
    FREQUENCY,
    NEGATIVE_EMOTION,
    OUTCOME,
    PAST_TIME,
    TOOLS,
    TRIGGER,
)
from research_tool.passages import Passage

SUMMARY_MIN, SUMMARY_MAX = 3, 5
_NEED_CLAUSE = re.compile(
    r"\b(?:need|needs|needed|want|wanted|wish (?:i|we) could|would love to|"
    r"would like to|be able to|have to|has to)\s+(?:to\s+)?(?P<clause>[^.;!?]+)",
    re.IGNORECASE,
)
_PRONOUNS = {
    "i": "they",
    "my": "their",
    "me": "them",
    "we": "they",
    "our": "their",
    "us": "them",
    "myself": "themselves",
    "i'm": "they're",
    "i've": "they've",
}
_PAST_TYPES = ("behavior", "workaround", "pain-point")


@dataclass(frozen=True)
class Step:
    """A row of the Experience Map table."""

    step: str
    what: str  # the participant's sentence
    feeling: str
    tools: str


@dataclass(frozen=True)
class OpportunityDraft:
    text: str  # "Users need a way to ..."
    strength: str  # Strong, Medium or Weak
    quote: str


@dataclass
class Observations:
    tools: list[str] = field(default_factory=list)
    frequency: list[str] = field(default_factory=list)
    emotions: list[str] = field(default_factory=list)
    workarounds: list[str] = field(default_factory=list)


Found = dict[str, list[str]]  # label -> words, for one passage


class Signals:
    """Tools, frequency, feelings, triggers, outcomes; compiled once."""

    def __init__(self, nlp: Any) -> None:
        names = [t for t in TOOLS if t[0].isupper()]
        self._names = TermMatcher(nlp, {"tool": names}, attr="ORTH")
        self._matcher = TermMatcher(
            nlp,
            {
                "tool": [t for t in TOOLS if t not in names],
                "frequency": FREQUENCY,
                "emotion": EMOTION,
                "negative": NEGATIVE_EMOTION,
                "trigger": TRIGGER,
                "outcome": OUTCOME,
                "past": PAST_TIME,
            },
        )

    def read(self, passages: Sequence[Passage]) -> list[Found]:
        """What each passage holds, by label, in passage order."""
        return [self._read(p) for p in passages]

    def _read(self, passage: Passage) -> Found:
        found: Found = {}
        for hit in self._names(passage.span) + self._matcher(passage.span):
            word = hit.term if hit.label == "tool" else _said(passage, hit)
            words = found.setdefault(hit.label, [])
            if word not in words:
                words.append(word)
        return found


def summary(candidates: Sequence[Candidate], found: Sequence[Found]) -> list[str]:
    """Three to five sentences of what the participant did, in spoken order."""
    ranked = sorted(
        (c for c in candidates if c.typing.type in _PAST_TYPES),
        key=lambda c: (-_past(c.passage, found), -c.typing.score, c.passage.index),
    )
    chosen = ranked[:SUMMARY_MAX]
    if len(chosen) < SUMMARY_MIN:
        rest = [c for c in candidates if c not in chosen]
        chosen += rest[: SUMMARY_MIN - len(chosen)]
    return [c.quote for c in sorted(chosen, key=lambda c: c.passage.index)]


def experience_map(
    passages: Sequence[Passage], candidates: Sequence[Candidate], found: Sequence[Found]
) -> list[Step]:
    """Trigger, context, actions, obstacles, workarounds, outcome, as found."""
    first: dict[str, Passage] = {}
    for candidate in sorted(candidates, key=lambda c: c.passage.index):
        first.setdefault(candidate.typing.type, candidate.passage)
    # Prefer sentences already chosen as insights; else any sentence.
    chosen = [c.passage for c in sorted(candidates, key=lambda c: c.passage.index)]
    trigger = _with(chosen, found, "trigger") or _with(passages, found, "trigger")
    outcome = _with(chosen[::-1], found, "outcome") or _with(
        passages[::-1], found, "outcome"
    )

    picks = [
        ("Trigger", trigger),
        ("Context", first.get("motivation") or first.get("need")),
        ("Actions", first.get("behavior")),
        ("Obstacles", first.get("pain-point")),
        ("Workarounds", first.get("workaround")),
        ("Outcome", outcome),
    ]
    steps = []
    used: set[int] = set()
    for name, passage in picks:
        if passage is not None and passage.index not in used:
            used.add(passage.index)
            words = found[passage.index]
            feeling = ", ".join(words.get("emotion", []))
            tools = ", ".join(words.get("tool", []))
            steps.append(Step(name, passage.text, feeling, tools))
    return steps


def opportunities(
    candidates: Sequence[Candidate], topic_of: Any
) -> list[OpportunityDraft]:
    """One need per topic that pains, needs or desires point at."""
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.typing.type in ("pain-point", "need", "desire", "workaround"):
            topics = topic_of(candidate) or ("this",)
            groups.setdefault(topics[0], []).append(candidate)

    drafts = []
    for topic, group in groups.items():
        ranked = sorted(group, key=lambda c: (-c.typing.score, c.passage.index))
        strength = (
            "Strong" if len(group) >= 3 else "Medium" if len(group) == 2 else "Weak"
        )
        # Only what they need or wish for states a need ("I have to rebuild
        # the deck" is a complaint, not a need to rebuild it).
        stated = [
            (c, _need_clause(c.quote) if c.typing.type in ("need", "desire") else "")
            for c in ranked
        ]
        best, clause = next(((c, n) for c, n in stated if n), (ranked[0], ""))
        need = clause or f"deal with {topic.replace('-', ' ')} with less effort"
        drafts.append(
            OpportunityDraft(f"Users need a way to {need}", strength, best.quote)
        )
    order = {"Strong": 0, "Medium": 1, "Weak": 2}
    return sorted(drafts, key=lambda d: order[d.strength])[:5]


def observations(
    candidates: Sequence[Candidate], found: Sequence[Found]
) -> Observations:
    """Tools, frequency words, feelings and workaround patterns, as said."""
    tools: Counter[str] = Counter()
    frequency: Counter[str] = Counter()
    emotions: Counter[str] = Counter()
    for words in found:
        tools.update(words.get("tool", []))
        frequency.update(w.lower() for w in words.get("frequency", []))
        emotions.update(w.lower() for w in words.get("emotion", []))

    workarounds = [c.quote for c in candidates if c.typing.type == "workaround"]
    return Observations(
        tools=[f"{t} ({n})" for t, n in tools.most_common(10)],
        frequency=[f"{t} ({n})" for t, n in frequency.most_common(8)],
        emotions=[f"{t} ({n})" for t, n in emotions.most_common(8)],
        workarounds=workarounds[:3],
    )


def _said(passage: Passage, hit: Hit) -> str:
    return str(passage.span.doc[hit.start : hit.end].text)


def _with(
    passages: Sequence[Passage], found: Sequence[Found], label: str
) -> Passage | None:
    return next((p for p in passages if label in found[p.index]), None)


def _past(passage: Passage, found: Sequence[Found]) -> int:
    past_verbs = sum(1 for t in passage.span if t.text.lower().endswith("ed"))
    return len(found[passage.index].get("past", [])) + min(past_verbs, 2)


def _need_clause(quote: str) -> str:
    """What the participant needs, from "I need to ...", in the third person."""
    match = _NEED_CLAUSE.search(quote)
    if match is None:
        return ""
    words = match.group("clause").strip(" ,").split()
    if len(words) < 3:
        return ""
    return " ".join(_PRONOUNS.get(w.lower(), w) for w in words[:16])
