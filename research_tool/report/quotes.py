"""Quotes as the findings show them: words, who said them, and where to check.

Every quote carries its trace (participant, role, time in the recording,
snapshot file and line), so a reader can follow any claim back to the
interview. Strength is a fixed ordering, never a judgement call.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from research_tool.model import Evidence, Snapshot
from research_tool.quotes import escape_html
from research_tool.timecodes import format_timestamp

NO_TIME = "—"
_SPACE = re.compile(r"\s+")
_ROLE_ASIDE = re.compile(r"\s*\(([^()]*)\)")

# (snapshot path relative to the study, 1-based line) -> verification state
States = Mapping[tuple[str, int], str]

# Decides which quotes to leave out (for example the ones that failed to verify).
Exclude = Callable[[Snapshot, Evidence], bool]


@dataclass(frozen=True)
class Quote:
    """One quote with its trace; ``state`` is verified, failed, unverifiable or ''."""

    text: str
    participant: str
    role: str
    at: str
    path: str
    line: int
    state: str = ""

    @property
    def trace(self) -> str:
        """``user-001 (Role), 00:12:31 · interviews/FILE.md:40``."""
        return f"{self.participant} ({self.role}), {self.at} · {self.path}:{self.line}"

    @property
    def markdown(self) -> str:
        """The quote line of findings.md, in the shape ``research verify`` reads.

        Words and role are HTML-escaped (``escape_html``); verify unescapes
        the words.
        """
        role = escape_html(self.role)
        trace = f"{self.participant} ({role}), {self.at} · {self.path}:{self.line}"
        return f'> "{escape_html(self.text)}" — {trace}'


def one_line(text: str) -> str:
    """Collapse every run of whitespace (newlines included) to one space."""
    return _SPACE.sub(" ", text).strip()


def relative_path(study_root: Path, snapshot: Snapshot) -> str:
    """The snapshot's path from the study folder, with forward slashes."""
    try:
        return snapshot.path.relative_to(study_root).as_posix()
    except ValueError:
        return f"interviews/{snapshot.path.name}"


def make_quote(
    study_root: Path,
    snapshot: Snapshot,
    text: str,
    at: float | None,
    line: int,
    states: States,
) -> Quote:
    path = relative_path(study_root, snapshot)
    role = _ROLE_ASIDE.sub(
        r", \1", one_line(str(snapshot.frontmatter.get("role") or ""))
    )
    return Quote(
        text=one_line(text),
        participant=snapshot.participant_id or "unknown",
        role=role.replace("(", "").replace(")", "") or "role unknown",
        at=NO_TIME if at is None else format_timestamp(at),
        path=path,
        line=line,
        state=states.get((path, line), ""),
    )


def _strength(quote: Quote) -> tuple[int, int, int, str, str, int]:
    return (
        quote.at == NO_TIME,
        quote.state != "verified",
        -len(quote.text),
        quote.participant,
        quote.path,
        quote.line,
    )


def strongest_first(quotes: Iterable[Quote]) -> list[Quote]:
    """Order quotes from strongest to weakest, one per participant per round.

    A quote is stronger when it has a time in the recording, has been
    verified, and is longer. Each participant's best quote comes before
    anyone's second, so the first quotes show breadth.
    """
    rank: dict[str, int] = {}
    ranked: list[tuple[int, tuple[int, int, int, str, str, int], Quote]] = []
    for quote in sorted(set(quotes), key=_strength):
        round_ = rank.get(quote.participant, 0)
        rank[quote.participant] = round_ + 1
        ranked.append((round_, _strength(quote), quote))

    ranked.sort(key=lambda item: (item[0], item[1]))
    return [quote for _, _, quote in ranked]
