"""One record per quote of a snapshot: its insight tags and its evidence links.

A quote can be an insight (with a type and topics), evidence for one or more
hypotheses (with a stance), or both. Every exporter and the search index
start from these records, so they agree on what a quote is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from research_tool.model import Snapshot

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Link:
    """A quote cited as evidence for a hypothesis."""

    hypothesis: str  # "1", "N1", ...
    stance: str  # "supports", "challenges" or "" when not given


@dataclass(frozen=True)
class QuoteRecord:
    quote: str
    line: int  # 1-based line of the quote in the snapshot
    at: float | None
    type: str = ""  # empty for a quote that is only evidence
    topics: tuple[str, ...] = ()
    context: str = ""
    observed: bool = False
    links: tuple[Link, ...] = field(default_factory=tuple)

    @property
    def hypotheses(self) -> tuple[str, ...]:
        return tuple(link.hypothesis for link in self.links)

    @property
    def stances(self) -> tuple[str, ...]:
        return tuple(link.stance for link in self.links)


def quote_key(quote: str) -> str:
    """A quote with its whitespace collapsed, for matching insight to evidence."""
    return _SPACE.sub(" ", quote).strip()


def snapshot_quotes(snapshot: Snapshot) -> list[QuoteRecord]:
    """Every distinct quote of ``snapshot``, in the order of its lines."""
    records: dict[str, QuoteRecord] = {}
    for insight in snapshot.insights:
        key = quote_key(insight.quote)
        if key in records:
            continue
        records[key] = QuoteRecord(
            quote=insight.quote,
            line=insight.line,
            at=insight.at,
            type=insight.type,
            topics=tuple(insight.topics),
            context=insight.context,
            observed=insight.observed,
        )

    for entry in snapshot.hypotheses:
        if entry.status == "NO DATA":
            continue  # its Evidence cell says why there is none, not a quote
        for evidence in entry.evidence:
            key = quote_key(evidence.quote)
            link = Link(entry.number, evidence.stance or "")
            known = records.get(key)
            if known is None:
                records[key] = QuoteRecord(
                    evidence.quote, evidence.line, evidence.at, links=(link,)
                )
            elif link not in known.links:
                at = known.at if known.at is not None else evidence.at
                records[key] = replace(known, at=at, links=(*known.links, link))

    return sorted(records.values(), key=lambda record: record.line)


def hypothesis_label(number: str) -> str:
    """``"1"`` gives ``"H1"``; a new hypothesis keeps its own name (``"N1"``)."""
    return f"H{number}" if number.isdigit() else number


def participant_fields(snapshot: Snapshot) -> dict[str, str]:
    """The participant's ID, role, company type and date, as text."""
    front = snapshot.frontmatter
    return {
        "participant": snapshot.participant_id,
        "role": _text(front.get("role")),
        "company_type": _text(front.get("company_type")),
        "date": snapshot.date,
    }


def _text(value: object) -> str:
    return "" if value is None else str(value)
