"""Every quote of a study checked against its redacted source transcript.

Quotes come from snapshots (insights, hypothesis evidence, opportunities)
and from the findings report (``> "QUOTE" — user-001 ... · SNAPSHOT:LINE``).
Each source transcript is read and redacted once, the way ``process``
redacted it, and each quote is located with ``quotes.locate``. A quote
whose snapshot has no source transcript on disk is *unverifiable*: it is
counted apart, never as verified.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from research_tool.model import Snapshot
from research_tool.plans import guide_questions
from research_tool.quotes import locate
from research_tool.verification import (
    Kind,
    QuoteCheck,
    State,
    Verification,
    evidence_checks,
    evidence_note,
    exclude_failed,
)

if TYPE_CHECKING:
    from research_tool.studies import LoadedStudy, Study

log = logging.getLogger(__name__)

REPORT_NAME = "findings.md"
REPORT_QUOTE = re.compile(
    r'^> "(?P<quote>.*)" — (?P<pid>\S+)(?: \([^)]*\))?, \S+'
    r" · (?P<snapshot>.+):(?P<line>\d+)\s*$"
)
_OPENING_MARKS = ('"', "“", "„", "«")


def verify_study(
    loaded: LoadedStudy, *, pipeline: object | None = None, lenient: bool = False
) -> Verification:
    """Check every quote of every snapshot and of ``reports/findings.md``.

    A source transcript that cannot be read raises its TranscriptFormatError,
    unless ``lenient``: then its quotes are unverifiable and the error is kept
    in ``Verification.unreadable`` (``status`` and ``report`` say so and go on).
    """
    verification = Verification()
    sources = _Sources(
        loaded.study,
        guide_questions(loaded.plan),
        pipeline,
        verification.unreadable if lenient else None,
    )

    for snapshot in loaded.snapshots:
        for kind, line, quote in snapshot_quotes(snapshot):
            verification.items.append(sources.check(snapshot, kind, line, quote))

    report = loaded.study.reports_dir / REPORT_NAME
    if report.is_file():
        by_path = {s.path.resolve(): s for s in loaded.snapshots}
        verification.items += _report_checks(report, loaded.study, by_path, sources)
    return verification


def snapshot_quotes(snapshot: Snapshot) -> Iterator[tuple[Kind, int, str]]:
    """``(kind, line, quote)`` for each quote; observations are skipped.

    Evidence and opportunity cells may describe instead of quote; a quote of
    three words or more inside such a description is checked on its own.
    """
    lines = snapshot.text.splitlines()
    for insight in snapshot.insights:
        if not insight.observed and insight.quote.strip():
            yield "insight", insight.line, insight.quote
    for entry in snapshot.hypotheses:
        for evidence in entry.evidence:
            for quote in _quotes_in(evidence.quote, lines, evidence.line):
                yield "evidence", evidence.line, quote
    for opportunity in snapshot.opportunities:
        for quote in _quotes_in(opportunity.quote, lines, opportunity.line):
            yield "opportunity", opportunity.line, quote


def _quotes_in(text: str, lines: list[str], line: int) -> list[str]:
    """``text`` when it sits in quotation marks on its line, else its inner quotes."""
    if not text.strip() or not 0 < line <= len(lines):
        return []
    if any(mark + text in lines[line - 1] for mark in _OPENING_MARKS):
        return [text]
    inner = [a or b for a, b in _INNER_QUOTE.findall(text)]
    return [quote for quote in inner if len(quote.split()) >= 3]


_INNER_QUOTE = re.compile(r'"([^"]+)"|“([^”]+)”')


class _Sources:
    """Redacted source text per (transcript, participant), read once."""

    def __init__(
        self,
        study: Study,
        guide: list[str],
        pipeline: object | None,
        unreadable: list[str] | None,
    ) -> None:
        self.study = study
        self.guide = guide
        self.pipeline = pipeline
        self.unreadable = unreadable  # collect read errors here instead of raising
        self._texts: dict[tuple[Path, str], str | None] = {}
        self._sources: dict[Path, Path | None] = {}

    def check(
        self, snapshot: Snapshot, kind: Kind, line: int, quote: str
    ) -> QuoteCheck:
        return self.check_at(snapshot, snapshot.path, kind, line, quote)

    def check_at(
        self, snapshot: Snapshot | None, path: Path, kind: Kind, line: int, quote: str
    ) -> QuoteCheck:
        source = self.source(snapshot) if snapshot is not None else None
        text = self.text(source, snapshot) if source is not None else None
        if source is None or text is None:
            return QuoteCheck(path, line, quote, "unverifiable", None, None, kind)

        match = locate(quote, text)
        state: State = "verified" if match.found else "failed"
        return QuoteCheck(path, line, quote, state, source, match.closest, kind)

    def source(self, snapshot: Snapshot) -> Path | None:
        from research_tool.studies import source_transcript_path

        if snapshot.path not in self._sources:
            self._sources[snapshot.path] = source_transcript_path(self.study, snapshot)
        return self._sources[snapshot.path]

    def text(self, source: Path, snapshot: Snapshot | None) -> str | None:
        participant = snapshot.participant_id if snapshot else ""
        key = (source, participant)
        if key not in self._texts:
            from research_tool.errors import ResearchError
            from research_tool.redaction import read_redacted

            log.debug("reading and redacting %s", source)
            try:
                redacted = read_redacted(
                    source,
                    self.study,
                    participant or "participant",
                    guide=self.guide,
                    pipeline=self.pipeline,
                )
            except ResearchError as exc:
                if self.unreadable is None:
                    raise
                self.unreadable.append(str(exc))
                self._texts[key] = None
                return None
            self._texts[key] = redacted.transcript.text
        return self._texts[key]


def _report_checks(
    report: Path, study: Study, snapshots: dict[Path, Snapshot], sources: _Sources
) -> list[QuoteCheck]:
    from research_tool.fileio import read_text

    checks = []
    for number, line in enumerate(read_text(report).text.splitlines(), start=1):
        match = REPORT_QUOTE.match(line)
        if match is None:
            continue
        cited = (study.root / match.group("snapshot")).resolve()
        snapshot = snapshots.get(cited) or _by_participant(
            snapshots, match.group("pid")
        )
        checks.append(
            sources.check_at(snapshot, report, "report", number, match.group("quote"))
        )
    return checks


def _by_participant(snapshots: dict[Path, Snapshot], pid: str) -> Snapshot | None:
    found = [s for s in snapshots.values() if s.participant_id == pid]
    return found[0] if len(found) == 1 else None


def verify_path(path: Path, *, pipeline: object | None = None) -> Verification:
    """Load the study at ``path`` and verify it."""
    from research_tool.studies import load_study

    return verify_study(load_study(path), pipeline=pipeline)


__all__ = [
    "QuoteCheck",
    "Verification",
    "evidence_checks",
    "evidence_note",
    "exclude_failed",
    "snapshot_quotes",
    "verify_path",
    "verify_study",
]
