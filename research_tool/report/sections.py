"""The plain data each section of the findings document is rendered from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from research_tool.report.charts import Chart
from research_tool.report.opportunities import MergedOpportunity
from research_tool.report.quotes import Quote
from research_tool.report.themes import Recurring, Theme


@dataclass(frozen=True)
class VerificationSummary:
    """The outcome of ``research verify`` as the report needs it.

    ``states`` maps (snapshot path relative to the study, line) to
    verified, failed or unverifiable, so each quote can show its state.
    """

    verified: int
    failed: int
    unverifiable: int
    states: Mapping[tuple[str, int], str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.verified + self.failed + self.unverifiable


@dataclass(frozen=True)
class Method:
    interviews: int
    first_date: str
    last_date: str
    roles: tuple[tuple[str, int], ...]
    company_types: tuple[tuple[str, int], ...]
    sample_planned: int | None


@dataclass(frozen=True)
class Verdict:
    """A plan hypothesis with its roll-up status and participant counts."""

    number: int
    text: str
    status: str
    supports: int
    challenges: int
    mixed: int
    no_data: int

    @property
    def label(self) -> str:
        return f"H{self.number}"

    @property
    def has_evidence(self) -> bool:
        return self.supports + self.challenges + self.mixed > 0


@dataclass(frozen=True)
class HypothesisQuotes:
    verdict: Verdict
    supporting: tuple[Quote, ...]
    challenging: tuple[Quote, ...]


@dataclass(frozen=True)
class NewHypothesis:
    text: str
    participants: tuple[str, ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Question:
    """One of the plan's three most important things to learn."""

    number: int
    text: str
    hypotheses: tuple[HypothesisQuotes, ...]
    themes: tuple[Theme, ...]

    @property
    def open(self) -> bool:
        answered = any(h.verdict.has_evidence for h in self.hypotheses)
        return not answered and not self.themes

    @property
    def quotes(self) -> tuple[Quote, ...]:
        """The strongest quote of each matched theme, each quote once."""
        seen: dict[tuple[str, int], Quote] = {}
        for theme in self.themes:
            fresh = [q for q in theme.quotes if (q.path, q.line) not in seen]
            if fresh:
                seen[(fresh[0].path, fresh[0].line)] = fresh[0]
        return tuple(seen.values())


@dataclass(frozen=True)
class ParticipantSummary:
    participant: str
    role: str
    company_type: str
    date: str
    path: str
    summary: str
    topics: tuple[str, ...]
    quotes: int


@dataclass(frozen=True)
class Appendix:
    suggested: int  # evidence items that carry a "- **Why:**" line
    by_hand: int  # evidence items without one
    insights: int
    checklist_done: int
    checklist_total: int
    verification: VerificationSummary | None
    excluded: int


@dataclass(frozen=True)
class Findings:
    title: str
    outcome: str
    date: str | None
    method: Method
    questions: tuple[Question, ...]
    hypotheses: tuple[HypothesisQuotes, ...]
    new_hypotheses: tuple[NewHypothesis, ...]
    themes: tuple[Theme, ...]
    recurring: tuple[Recurring, ...]
    opportunities: tuple[MergedOpportunity, ...]
    matrix: Chart
    saturation: Chart
    participants: tuple[ParticipantSummary, ...]
    appendix: Appendix

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        return tuple(h.verdict for h in self.hypotheses)

    def counts(self) -> dict[str, int]:
        """Headline numbers, for ``--json``."""
        quotes = sum(len(h.supporting) + len(h.challenging) for h in self.hypotheses)
        return {
            "interviews": self.method.interviews,
            "hypotheses": len(self.hypotheses),
            "hypothesis_quotes": quotes,
            "new_hypotheses": len(self.new_hypotheses),
            "themes": len(self.themes),
            "opportunities": len(self.opportunities),
        }
