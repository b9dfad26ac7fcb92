"""Themes: topic tags ranked by how many participants raised them.

A participant raises a topic when their snapshot lists it in ``tags`` or
tags one of their insights with it. Ranking counts people, not mentions,
so one talkative participant cannot make a theme.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from research_tool.model import Insight, Snapshot
from research_tool.report.quotes import Quote, strongest_first

RECURRING_TYPES = (
    ("pain-point", "Pain points"),
    ("need", "Needs"),
    ("workaround", "Workarounds"),
)
QUOTES_PER_THEME = 3

# Turns a snapshot's insight into a quote (or None when it is left out).
QuoteOf = Callable[[Snapshot, Insight], Quote | None]


@dataclass(frozen=True)
class Theme:
    topic: str
    participants: tuple[str, ...]
    mentions: int
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Recurring:
    """Insights of one type on one topic, raised by two or more participants."""

    type: str
    title: str
    topic: str
    participants: tuple[str, ...]
    quotes: tuple[Quote, ...]


def snapshot_topics(snapshot: Snapshot) -> set[str]:
    tags = snapshot.frontmatter.get("tags") or []
    found = {str(tag) for tag in tags} if isinstance(tags, list) else set()
    for insight in snapshot.insights:
        found.update(insight.topics)
    return {topic.strip() for topic in found if topic.strip()}


def rank_themes(snapshots: Sequence[Snapshot], quote_of: QuoteOf) -> list[Theme]:
    """Topics by number of participants, then mentions, then name."""
    people: dict[str, set[str]] = {}
    mentions: dict[str, int] = {}
    quotes: dict[str, list[Quote]] = {}
    for snapshot in snapshots:
        for topic in snapshot_topics(snapshot):
            people.setdefault(topic, set()).add(snapshot.participant_id)
        for insight in snapshot.insights:
            quote = quote_of(snapshot, insight)
            for topic in insight.topics:
                mentions[topic] = mentions.get(topic, 0) + 1
                if quote is not None:
                    quotes.setdefault(topic, []).append(quote)

    themes = [
        Theme(
            topic=topic,
            participants=tuple(sorted(who)),
            mentions=mentions.get(topic, 0),
            quotes=tuple(strongest_first(quotes.get(topic, []))[:QUOTES_PER_THEME]),
        )
        for topic, who in people.items()
    ]
    themes.sort(key=lambda t: (-len(t.participants), -t.mentions, t.topic))
    return themes


def recurring(snapshots: Sequence[Snapshot], quote_of: QuoteOf) -> list[Recurring]:
    """Pain points, needs and workarounds whose topic two or more people share."""
    found: dict[tuple[str, str], list[Quote]] = {}
    for snapshot in snapshots:
        for insight in snapshot.insights:
            quote = quote_of(snapshot, insight)
            if quote is None:
                continue
            for topic in insight.topics:
                found.setdefault((insight.type, topic), []).append(quote)

    result: list[Recurring] = []
    for kind, title in RECURRING_TYPES:
        for (found_kind, topic), quotes in found.items():
            who = tuple(sorted({q.participant for q in quotes}))
            if found_kind != kind or len(who) < 2:
                continue
            best = tuple(strongest_first(quotes)[:QUOTES_PER_THEME])
            result.append(Recurring(kind, title, topic, who, best))

    result.sort(key=lambda r: (_type_rank(r.type), -len(r.participants), r.topic))
    return result


def _type_rank(kind: str) -> int:
    return [k for k, _ in RECURRING_TYPES].index(kind)
