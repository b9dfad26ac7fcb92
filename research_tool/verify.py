"""Every quote of a study checked against its redacted source transcript.

Quotes come from snapshots (insights, hypothesis evidence, opportunities)
and from the findings report (``> "QUOTE" — user-001 ... · SNAPSHOT:LINE``).
Each source transcript is read and redacted once, the way ``process``
redacted it, and each quote is located with ``quotes.locate``. A quote
whose snapshot has no source transcript on disk is *unverifiable*: it is
counted apart, never as verified. Outcomes are remembered in the study's
``.research/`` folder (``research_tool.cache``), keyed by everything the
redacted text depends on, so an unchanged transcript is not read again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from research_tool.cache import Outcome, QuoteCache, SourceInputs, source_key
from research_tool.model import Snapshot
from research_tool.plans import guide_questions
from research_tool.quotes import unescape_html
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
    loaded: LoadedStudy,
    *,
    pipeline: object | None = None,
    lenient: bool = False,
    cache: bool = True,
) -> Verification:
    """Check every quote of every snapshot and of ``reports/findings.md``.

    A source transcript that cannot be read raises its TranscriptFormatError,
    unless ``lenient``: then its quotes are unverifiable and the error is kept
    in ``Verification.unreadable`` (``status`` and ``report`` say so and go on).
    Outcomes are remembered in the study's ``.research/`` folder (see
    ``research_tool.cache``) unless ``cache`` is False or a ``pipeline`` is
    given; the result is the same either way.
    """
    remembered = QuoteCache(loaded.study.root) if cache and pipeline is None else None
    verification = check_quotes(
        loaded, pipeline=pipeline, lenient=lenient, cache=remembered
    )
    if remembered is not None:
        remembered.save()
    return verification


def check_quotes(
    loaded: LoadedStudy,
    *,
    pipeline: object | None = None,
    lenient: bool = False,
    cache: QuoteCache | None = None,
) -> Verification:
    """``verify_study`` with the cache given, leaving saving it to the caller.

    ``status`` saves the cache only once its own write has gone through, so a
    failed run leaves the study folder as it was.
    """
    verification = Verification()
    sources = _Sources(
        loaded,
        pipeline,
        verification.unreadable if lenient else None,
        cache if pipeline is None else None,
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
    """Quote outcomes per (transcript, participant): cached, or read once."""

    def __init__(
        self,
        loaded: LoadedStudy,
        pipeline: object | None,
        unreadable: list[str] | None,
        cache: QuoteCache | None,
    ) -> None:
        self.study = loaded.study
        self.plan = loaded.plan
        self.guide = tuple(guide_questions(loaded.plan))
        self.schedule = tuple(row.participant for row in loaded.plan.schedule)
        self._names: list[str] | None = None  # the Schedule's names, when needed
        self.pipeline = pipeline
        self.unreadable = unreadable  # collect read errors here instead of raising
        self.cache = cache
        self._texts: dict[tuple[Path, str], str | None] = {}
        self._keys: dict[tuple[Path, str], str | None] = {}
        self._sources: dict[Path, Path | None] = {}

    def check(
        self, snapshot: Snapshot, kind: Kind, line: int, quote: str
    ) -> QuoteCheck:
        return self.check_at(snapshot, snapshot.path, kind, line, quote)

    def check_at(
        self, snapshot: Snapshot | None, path: Path, kind: Kind, line: int, quote: str
    ) -> QuoteCheck:
        source = self.source(snapshot) if snapshot is not None else None
        participant = (snapshot.participant_id if snapshot else "") or "participant"
        outcome = self.outcome(source, participant, quote) if source else None
        if source is None or outcome is None:
            return QuoteCheck(path, line, quote, "unverifiable", None, None, kind)

        found, closest = outcome
        state: State = "verified" if found else "failed"
        return QuoteCheck(path, line, quote, state, source, closest, kind)

    def source(self, snapshot: Snapshot) -> Path | None:
        from research_tool.studies import source_transcript_path

        if snapshot.path not in self._sources:
            self._sources[snapshot.path] = source_transcript_path(self.study, snapshot)
        return self._sources[snapshot.path]

    def outcome(self, source: Path, participant: str, quote: str) -> Outcome | None:
        """(found, closest) from the cache, else from the redacted transcript."""
        pair = (source, participant)
        if self.cache is not None and pair not in self._keys:
            self._keys[pair] = self.key(source, participant)
        key = self._keys.get(pair)
        if key is not None and self.cache is not None:
            remembered = self.cache.get(key, quote)
            if remembered is not None:
                return remembered

        text = self.text(source, participant)
        if text is None:
            return None
        from research_tool.quotes import locate

        match = locate(quote, text)
        outcome = (match.found, match.closest)
        key = self._keys.get(pair)  # None when the files changed during the read
        if key is not None and self.cache is not None:
            self.cache.put(key, quote, outcome)
        return outcome

    def key(self, source: Path, participant: str) -> str | None:
        """The cache key of a source's redacted text, from the files as now."""
        from research_tool.roster import roster_path

        inputs = SourceInputs(
            source, participant, self.guide, self.schedule, roster_path(self.study)
        )
        return source_key(inputs)

    def text(self, source: Path, participant: str) -> str | None:
        pair = (source, participant)
        if pair in self._texts:
            return self._texts[pair]

        from research_tool.errors import ResearchError
        from research_tool.redaction import read_redacted, schedule_names

        if self._names is None:
            self._names = schedule_names(self.plan.schedule)
        log.debug("reading and redacting %s", source)
        try:
            redacted = read_redacted(
                source,
                self.study,
                participant,
                guide=self.guide,
                known_names=self._names,
                pipeline=self.pipeline,
            )
        except ResearchError as exc:
            if self.unreadable is None:
                raise
            self.unreadable.append(str(exc))
            self._texts[pair] = None
            return None
        self._texts[pair] = redacted.transcript.text

        # A file changed while it was read: keep its outcomes out of the cache.
        if self.cache is not None and self._keys.get(pair) != self.key(*pair):
            self._keys[pair] = None
        return self._texts[pair]


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
        quote = unescape_html(match.group("quote"))  # written escaped
        checks.append(sources.check_at(snapshot, report, "report", number, quote))
    return checks


def _by_participant(snapshots: dict[Path, Snapshot], pid: str) -> Snapshot | None:
    found = [s for s in snapshots.values() if s.participant_id == pid]
    return found[0] if len(found) == 1 else None


def verify_path(path: Path, *, pipeline: object | None = None) -> Verification:
    """Load the study at ``path`` and verify it."""
    from research_tool.studies import load_study

    return verify_study(load_study(path), pipeline=pipeline)


__all__ = [
    "QuoteCache",
    "QuoteCheck",
    "Verification",
    "check_quotes",
    "evidence_checks",
    "evidence_note",
    "exclude_failed",
    "snapshot_quotes",
    "verify_path",
    "verify_study",
]
