"""Quotes for each hypothesis, new hypotheses, and each participant's stance.

``Quoter`` turns a snapshot's evidence, insights and opportunities into
traced quotes, applying the caller's ``exclude`` rule and the verification
states in one place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from research_tool.model import Evidence, Insight, Opportunity, Snapshot
from research_tool.report.quotes import (
    Exclude,
    Quote,
    make_quote,
    one_line,
    strongest_first,
)
from research_tool.report.sections import HypothesisQuotes, NewHypothesis, Verdict
from research_tool.report.words import words

STATUS_STANCE = {"SUPPORTED": "supports", "CHALLENGED": "challenges", "MIXED": "mixed"}


class Quoter:
    """Makes traced quotes from one study's snapshots."""

    def __init__(
        self,
        study_root: Path,
        states: Mapping[tuple[str, int], str],
        exclude: Exclude | None,
    ) -> None:
        self.study_root = study_root
        self.states = states
        self.exclude = exclude
        self._made: dict[tuple[Path, Evidence], Quote | None] = {}

    def kept(self, snapshot: Snapshot, evidence: Evidence) -> bool:
        """True when the evidence has words and ``exclude`` keeps it."""
        if not evidence.quote.strip():
            return False
        return self.exclude is None or not self.exclude(snapshot, evidence)

    def evidence(self, snapshot: Snapshot, evidence: Evidence) -> Quote | None:
        key = (snapshot.path, evidence)
        if key not in self._made:
            self._made[key] = (
                make_quote(
                    self.study_root,
                    snapshot,
                    evidence.quote,
                    evidence.at,
                    evidence.line,
                    self.states,
                )
                if self.kept(snapshot, evidence)
                else None
            )
        return self._made[key]

    def insight(self, snapshot: Snapshot, insight: Insight) -> Quote | None:
        if insight.observed:
            return None
        return self.evidence(
            snapshot, Evidence(insight.quote, None, insight.at, insight.line)
        )

    def opportunity(self, snapshot: Snapshot, opportunity: Opportunity) -> Quote | None:
        """The opportunity's quote, traced to the insight that holds it if any."""
        text = one_line(opportunity.quote).strip('"“” ')
        if not text or text in {"—", "-"}:
            return None
        for insight in snapshot.insights:
            if one_line(insight.quote) == text:
                return self.insight(snapshot, insight)
        return self.evidence(snapshot, Evidence(text, None, None, opportunity.line))

    def stance(self, snapshot: Snapshot, number: str) -> str:
        """supports, challenges, mixed or none: this snapshot on one hypothesis.

        As the roll-up counts it: the row's status, recomputed from the kept
        evidence when ``exclude`` left some of it out.
        """
        for entry in snapshot.hypotheses:
            if entry.number.strip() != number:
                continue
            status = STATUS_STANCE.get(entry.status.strip().upper(), "none")
            kept = [e for e in entry.evidence if self.kept(snapshot, e)]
            if len(kept) == len([e for e in entry.evidence if e.quote.strip()]):
                return status
            stances = {e.stance for e in kept if e.stance}
            return (
                "mixed" if len(stances) == 2 else (stances.pop() if stances else "none")
            )
        return "none"


def hypothesis_quotes(
    snapshots: Sequence[Snapshot], verdicts: Sequence[Verdict], quoter: Quoter
) -> list[HypothesisQuotes]:
    """Each plan hypothesis with its supporting and challenging quotes."""
    result = []
    for verdict in verdicts:
        found: dict[str, dict[tuple[str, str], Quote]] = {
            "supports": {},
            "challenges": {},
        }
        for snapshot in snapshots:
            for entry in snapshot.hypotheses:
                if entry.number.strip() != str(verdict.number):
                    continue
                implied = STATUS_STANCE.get(entry.status.strip().upper())
                for item in entry.evidence:
                    stance = item.stance or implied
                    quote = quoter.evidence(snapshot, item)
                    if quote is not None and stance in found:
                        _keep(found[stance], quote)
        result.append(
            HypothesisQuotes(
                verdict,
                tuple(strongest_first(found["supports"].values())),
                tuple(strongest_first(found["challenges"].values())),
            )
        )
    return result


def _keep(found: dict[tuple[str, str], Quote], quote: Quote) -> None:
    """Keep one quote per (snapshot, words): the table cell and block repeat it."""
    key = (quote.path, quote.text)
    old = found.get(key)
    if old is None or (old.at == "—" and quote.at != "—"):
        found[key] = quote


def new_hypotheses(
    snapshots: Sequence[Snapshot], quoter: Quoter
) -> list[NewHypothesis]:
    """Hypotheses that emerged in interviews, merged when worded the same."""
    groups: dict[
        frozenset[str], tuple[str, set[str], dict[tuple[str, str], Quote]]
    ] = {}
    for snapshot in snapshots:
        for entry in snapshot.hypotheses:
            if not entry.is_new or not entry.hypothesis.strip():
                continue
            text = one_line(entry.hypothesis)
            key = words(text) or frozenset({text})
            group = groups.setdefault(key, (text, set(), {}))
            group[1].add(snapshot.participant_id)
            for item in entry.evidence:
                quote = quoter.evidence(snapshot, item)
                if quote is not None:
                    _keep(group[2], quote)

    result = [
        NewHypothesis(text, tuple(sorted(who)), tuple(strongest_first(quotes.values())))
        for text, who, quotes in groups.values()
    ]
    result.sort(key=lambda n: (-len(n.participants), n.text))
    return result
