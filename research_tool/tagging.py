"""``research tag`` and ``research untag``: quick evidence corrections.

Both check the quote against the snapshot's source transcript (redacted the
way ``process`` and ``verify`` redact it) before writing. A quote that is
not there is refused; when the source transcript is absent the edit goes
ahead with a warning that the quote could not be verified.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from research_tool.errors import SnapshotError, StudyError
from research_tool.model import Snapshot, Stance, Transcript
from research_tool.snapshot_edit import Edit, add_evidence, remove_evidence
from research_tool.snapshot_writer import EvidenceItem


@dataclass(frozen=True)
class Checked:
    """Where a quote was found in the source, if it could be looked for."""

    source: Path | None
    at: float | None
    quote: str  # the quote as found (the researcher's, trimmed of marks)


@dataclass(frozen=True)
class TagResult:
    edit: Edit
    stance: Stance | None
    source: Path | None
    warning: str = ""


def tag(path: Path, hypothesis: int | str, stance: Stance, text: str) -> TagResult:
    """Add ``text`` as evidence (``stance``) for ``hypothesis`` in ``path``."""
    checked = check_quote(path, text)
    item = EvidenceItem(checked.quote, stance, checked.at)
    edit = add_evidence(path, str(hypothesis), item)
    return TagResult(edit, stance, checked.source, _warning(checked))


def untag(path: Path, hypothesis: int | str, text: str) -> TagResult:
    """Remove the evidence quoting ``text`` from ``hypothesis`` in ``path``."""
    checked = check_quote(path, text)
    edit = remove_evidence(path, str(hypothesis), checked.quote)
    return TagResult(edit, None, checked.source, _warning(checked))


def check_quote(path: Path, text: str) -> Checked:
    """Find ``text`` in the snapshot's redacted source transcript.

    Raises SnapshotError naming the closest passage when it is not there.
    """
    from research_tool.quotes import locate
    from research_tool.snapshots import parse_snapshot

    snapshot = parse_snapshot(path)
    words = text.strip().strip('"“”').strip()
    if not words:
        raise SnapshotError(path, 0, 'the quote is empty; pass --quote "exact words"')

    transcript = _redacted_source(snapshot)
    if transcript is None:
        return Checked(None, None, words)
    source, redacted = transcript
    match = locate(words, redacted.text)
    if not match.found:
        hint = f'; closest: "{match.closest}"' if match.closest else ""
        message = f"quote not found in {source.name} (after redaction){hint}"
        raise SnapshotError(path, 0, message)
    return Checked(source, _turn_start(redacted, match.start), words)


def _redacted_source(snapshot: Snapshot) -> tuple[Path, Transcript] | None:
    from research_tool.redaction import read_redacted
    from research_tool.studies import resolve_study, source_transcript_path

    try:
        study = resolve_study(snapshot.path.resolve().parent.parent)
    except StudyError:
        return None
    source = source_transcript_path(study, snapshot)
    if source is None:
        return None
    pid = snapshot.participant_id or "participant"
    redacted = read_redacted(source, study, pid)
    return source, redacted.transcript


def _turn_start(transcript: Transcript, offset: int) -> float | None:
    for turn in transcript.turns:
        if turn.offset <= offset < turn.offset + max(len(turn.text), 1):
            return turn.start
    return None


def _warning(checked: Checked) -> str:
    if checked.source is not None:
        return ""
    return "the source transcript is absent, so the quote could not be verified"
