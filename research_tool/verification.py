"""What checking a study's quotes found, and what status and report make of it.

``research_tool.verify`` produces a Verification; the helpers here turn it
into the per-evidence states, the ``exclude`` predicate a roll-up takes, and
the sentence a command prints about evidence left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from research_tool.model import Evidence, Snapshot

State = Literal["verified", "failed", "unverifiable"]
Kind = Literal["insight", "evidence", "opportunity", "report"]


@dataclass(frozen=True)
class QuoteCheck:
    """One quote and what checking it found."""

    path: Path  # the snapshot or report holding the quote
    line: int
    quote: str
    state: State
    source: Path | None
    closest: str | None = None
    kind: Kind = "insight"

    def message(self) -> str:
        """``FILE:LINE: quote not found in SOURCE`` and the closest passage."""
        if self.state == "unverifiable":
            return f"{self.path}:{self.line}: source transcript not found; unverifiable"
        text = f"{self.path}:{self.line}: quote not found in {self.source}"
        if self.closest:
            text += f'\n  closest: "{self.closest}"'
        return text


@dataclass
class Verification:
    items: list[QuoteCheck] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # sources that failed

    def count(self, state: State) -> int:
        return sum(1 for item in self.items if item.state == state)

    @property
    def verified(self) -> int:
        return self.count("verified")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def unverifiable(self) -> int:
        return self.count("unverifiable")

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def summary(self) -> str:
        return (
            f"{len(self.items)} quotes: {self.verified} verified, "
            f"{self.failed} failed, {self.unverifiable} unverifiable "
            "(source transcript absent)"
        )


def evidence_checks(verification: Verification) -> dict[tuple[Path, int], State]:
    """``(snapshot path, evidence line) -> state`` for every evidence quote.

    A line holding several quotes takes the worst state: failed, then
    unverifiable, then verified.
    """
    states: dict[tuple[Path, int], State] = {}
    for item in verification.items:
        if item.kind == "evidence":
            key = (item.path, item.line)
            previous = states.get(key, "verified")
            states[key] = max(previous, item.state, key=_SEVERITY.index)
    return states


_SEVERITY: list[State] = ["verified", "unverifiable", "failed"]


def evidence_note(verification: Verification, *, allow_unverified: bool = False) -> str:
    """What ``status`` and ``report`` tell people about unchecked evidence.

    For example ``"1 evidence item left out: its quote is not in the
    transcript (--allow-unverified counts it); 2 unverifiable: source
    transcript absent"``; empty when every evidence quote verified.
    """
    states = list(evidence_checks(verification).values())
    failed, absent = states.count("failed"), states.count("unverifiable")
    notes = []
    if failed and allow_unverified:
        notes.append(
            f"{_items(failed)} counted although the quote is not in the transcript"
        )
    elif failed:
        notes.append(
            f"{_items(failed)} left out: the quote is not in the transcript "
            "(--allow-unverified counts it)"
        )
    if absent:
        notes.append(f"{absent} unverifiable: source transcript absent")
    notes += [f"cannot read {problem}" for problem in verification.unreadable]
    return "; ".join(notes)


def _items(count: int) -> str:
    return f"{count} evidence item" + ("" if count == 1 else "s")


def exclude_failed(
    verification: Verification, *, allow_unverified: bool = False
) -> Callable[[Snapshot, Evidence], bool]:
    """A rollup ``exclude`` predicate: True for evidence whose quote failed.

    Unverifiable evidence (source absent) is kept and counted apart by the
    caller; ``allow_unverified=True`` keeps failed evidence too.
    """
    states = evidence_checks(verification)

    def exclude(snapshot: Snapshot, evidence: Evidence) -> bool:
        if allow_unverified:
            return False
        return states.get((snapshot.path, evidence.line)) == "failed"

    return exclude
