"""Plain typed data that plans, snapshots and transcripts parse into.

These are the shapes every other module passes around. Parsers live in
``plans``, ``snapshots`` and ``transcripts``; nothing here reads a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

# The closed vocabularies of the snapshot format.
INSIGHT_TYPES = ("pain-point", "need", "desire", "behavior", "workaround", "motivation")
SNAPSHOT_STATUSES = ("SUPPORTED", "CHALLENGED", "MIXED", "NEW", "NO DATA")
PLAN_STATUSES = ("UNTESTED", "SUPPORTED", "CHALLENGED", "MIXED")
STANCES = ("supports", "challenges")
STRENGTHS = ("Strong", "Medium", "Weak")

Stance = Literal["supports", "challenges"]


# --- Plans ---------------------------------------------------------------

_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_PLAN_SUFFIX = re.compile(r"-research-plan$|-plan$")


def plan_slug(path: Path) -> str:
    """A plan's name as snapshots cite it in ``research_plan``.

    ``2026-02-11-account-management-effectiveness-research-plan.md`` gives
    ``account-management-effectiveness``.
    """
    stem = _DATE_PREFIX.sub("", path.stem)
    return _PLAN_SUFFIX.sub("", stem)


@dataclass(frozen=True)
class PlanHypothesis:
    """A row of the plan's Hypotheses table."""

    number: int
    text: str
    status: str  # the Status cell as written, e.g. "UNTESTED" or "SUPPORTED (2 of 2)"
    line: int


@dataclass(frozen=True)
class ScheduleRow:
    """A row of the plan's Schedule table."""

    number: str
    participant: str
    date: str
    status: str
    line: int


@dataclass(frozen=True)
class Section:
    """A heading and the 1-based, inclusive line range of its body."""

    level: int
    title: str
    line: int
    end_line: int


@dataclass
class Plan:
    path: Path
    text: str
    digest: str
    frontmatter: dict[str, Any]
    hypotheses: list[PlanHypothesis]
    schedule: list[ScheduleRow]
    sections: list[Section] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return plan_slug(self.path)


# --- Snapshots -----------------------------------------------------------


@dataclass(frozen=True)
class Insight:
    quote: str
    type: str
    topics: tuple[str, ...]
    context: str
    at: float | None
    line: int
    observed: bool = False  # written "> [Observed behavior] ..."


@dataclass(frozen=True)
class Evidence:
    quote: str
    stance: Stance | None
    at: float | None
    line: int
    why: str = ""  # the terms that made the tool suggest it, when it did


@dataclass(frozen=True)
class HypothesisEntry:
    """A row of a snapshot's Hypothesis Tracking table, with its evidence."""

    number: str  # "1", "2", ... for plan hypotheses; "N1", "NEW-1" for new ones
    hypothesis: str
    status: str  # SUPPORTED, CHALLENGED, MIXED, NEW or NO DATA
    evidence: tuple[Evidence, ...]
    line: int

    @property
    def is_new(self) -> bool:
        return self.status == "NEW" or not self.number.isdigit()


@dataclass(frozen=True)
class Opportunity:
    opportunity: str
    strength: str
    quote: str
    line: int


@dataclass
class Snapshot:
    path: Path
    text: str
    digest: str
    frontmatter: dict[str, Any]
    insights: list[Insight]
    hypotheses: list[HypothesisEntry]
    opportunities: list[Opportunity]
    sections: dict[str, str]  # free-text sections by title: Summary, ...

    @property
    def participant_id(self) -> str:
        return str(self.frontmatter.get("participant_id") or "")

    @property
    def date(self) -> str:
        return str(self.frontmatter.get("date") or "")


# --- Transcripts ---------------------------------------------------------

Role = Literal["interviewer", "participant", "other", "unknown"]


@dataclass(frozen=True)
class Turn:
    """Consecutive speech of one speaker, with times in seconds when known."""

    index: int
    speaker: str
    role: Role
    start: float | None
    end: float | None
    text: str
    offset: int  # character offset of ``text`` in Transcript.text


@dataclass
class Transcript:
    source: Path
    format: str  # reader name, e.g. "zoom-vtt", "otter-txt"
    encoding: str
    encoding_guessed: bool
    text: str  # the normalised text that turn offsets point into
    turns: list[Turn]

    @property
    def duration_seconds(self) -> float | None:
        ends = [t.end for t in self.turns if t.end is not None]
        return max(ends) if ends else None
