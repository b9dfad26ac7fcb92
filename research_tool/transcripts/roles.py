"""Who is the interviewer: the one who asks, and who follows the guide.

Deterministic: every score is a plain ratio, and ties go to the speaker who
spoke first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from research_tool.model import Role
from research_tool.transcripts.names import UNKNOWN_SPEAKER
from research_tool.transcripts.turns import DraftTurn

_WORD = re.compile(r"[a-z0-9']+")
_STOP = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "could", "did"}
    | {"do", "does", "for", "from", "had", "has", "have", "how", "i", "if", "in"}
    | {"is", "it", "its", "me", "my", "of", "on", "or", "so", "that", "the"}
    | {"their", "them", "then", "there", "these", "they", "this", "to", "was", "we"}
    | {"were", "what", "when", "where", "which", "who", "why", "will", "with"}
    | {"would", "you", "your", "about", "tell", "walk", "through", "describe"}
)
_INTERVIEWER_LABELS = re.compile(
    r"(interviewer|moderator|researcher|facilitator|host|q)\b", re.IGNORECASE
)
_PARTICIPANT_LABELS = re.compile(
    r"(participant|interviewee|respondent|guest|a|p\d+|user-\d+)\b", re.IGNORECASE
)
# A speaker with less than this share of the participant's words is "other".
_MINOR_SHARE = 0.25


@dataclass
class SpeakerStats:
    name: str
    turns: int
    words: int
    questions: float  # share of turns that end with a question
    guide: float  # share of guide questions this speaker asked

    def score(self) -> float:
        return self.questions + 2 * self.guide


def assign_roles(
    turns: Sequence[DraftTurn],
    guide_questions: Sequence[str] = (),
    interviewer: str | None = None,
) -> dict[str, Role]:
    """Map each speaker's name to a role."""
    stats = _stats(turns, guide_questions)
    roles: dict[str, Role] = {}
    for name in stats:
        if name == UNKNOWN_SPEAKER:
            roles[name] = "unknown"

    named = [s for s in stats.values() if s.name not in roles]
    if not named:
        return roles
    if len(named) == 1 and interviewer is None:
        roles[named[0].name] = "unknown"
        return roles

    for name in _interviewers(named, interviewer):
        roles[name] = "interviewer"
    _rest(named, roles)
    return roles


def _interviewers(named: list[SpeakerStats], override: str | None) -> list[str]:
    if override is not None:
        return [s.name for s in named if _matches(s.name, override)]

    by_label = [s.name for s in named if _INTERVIEWER_LABELS.fullmatch(s.name)]
    if by_label:
        return by_label

    candidates = [s for s in named if not _PARTICIPANT_LABELS.fullmatch(s.name)]
    if not candidates:
        return []
    top = max(candidates, key=lambda s: (s.score(), -s.words))
    chosen = [top.name]

    # A second interviewer asks as much, and speaks less than the participant.
    most_words = max(s.words for s in named if s is not top)
    for s in candidates:
        if s is top or s.words >= most_words:
            continue
        if s.questions >= 0.3 and s.score() >= 0.8 * top.score():
            chosen.append(s.name)
    return chosen


def _rest(named: list[SpeakerStats], roles: dict[str, Role]) -> None:
    others = [s for s in named if s.name not in roles]
    if not others:
        return
    lead = max(others, key=lambda s: s.words)
    for s in others:
        share = s.words / lead.words if lead.words else 1.0
        roles[s.name] = "participant" if share >= _MINOR_SHARE else "other"


def _matches(name: str, override: str) -> bool:
    wanted = override.strip().casefold()
    return name.casefold() == wanted or name.split()[0].casefold() == wanted


def _stats(
    turns: Sequence[DraftTurn], guide_questions: Sequence[str]
) -> dict[str, SpeakerStats]:
    guide = [g for g in (_content_words(q) for q in guide_questions) if g]
    texts: dict[str, list[str]] = {}
    for turn in turns:
        texts.setdefault(turn.speaker, []).append(turn.text)

    stats: dict[str, SpeakerStats] = {}
    for name, spoken in texts.items():
        asked = sum(1 for t in spoken if t.rstrip().endswith("?"))
        stats[name] = SpeakerStats(
            name=name,
            turns=len(spoken),
            words=sum(len(t.split()) for t in spoken),
            questions=asked / len(spoken),
            guide=_guide_share(spoken, guide),
        )
    return stats


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def _guide_share(spoken: list[str], guide: list[frozenset[str]]) -> float:
    """The share of guide questions that one of these turns covers."""
    if not guide:
        return 0.0
    said = [_content_words(t) for t in spoken if "?" in t]
    covered = 0
    for question in guide:
        if any(len(question & words) >= 0.5 * len(question) for words in said):
            covered += 1
    return covered / len(guide)
