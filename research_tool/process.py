"""``research process``: a transcript becomes an interview snapshot.

read -> redact -> analyse -> render -> write. The snapshot goes to
``interviews/YYYY-MM-DD-participant-NNN.md`` with the next free participant
number; an existing snapshot of the same transcript is replaced only with
``force`` (a backup is kept). Nothing is written when anything fails.
"""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from research_tool.errors import ResearchError, StudyError, WriteRefused
from research_tool.fileio import atomic_write, backup_path, ensure_writable
from research_tool.model import Plan, Snapshot
from research_tool.studies import Study, resolve_study, snapshot_files, transcript_files

log = logging.getLogger(__name__)

_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_NUMBER = re.compile(r"(?:participant|user)-(\d+)")
Progress = Callable[[list[Path]], Iterable[Path]]


@dataclass(frozen=True)
class Options:
    """What the researcher told ``process`` beyond the transcript."""

    participant_id: str | None = None
    role: str = ""
    company_type: str = ""
    focus: str = ""
    date: str | None = None
    model: str | None = None
    blank: bool = False  # force the rule-only pipeline
    force: bool = False


@dataclass
class Result:
    """What processing one transcript wrote and found."""

    transcript: Path
    snapshot: Path
    participant_id: str
    pipeline: str
    insights: dict[str, int]
    evidence: dict[int, dict[str, int]]
    statuses: dict[int, str]
    surprises: list[str]
    follow_ups: list[dict[str, Any]] = field(default_factory=list)
    backup: Path | None = None
    redactions: dict[str, int] = field(default_factory=dict)
    codebook: Path | None = None  # the study's codebook.yaml, when it has one


@dataclass
class StudyState:
    """The study and what its snapshots already say, read once."""

    study: Study
    plan: Plan
    snapshots: list[Snapshot]

    def processed(self) -> dict[str, Snapshot]:
        """Snapshots by the transcript file name they cite."""
        found = {}
        for snapshot in self.snapshots:
            named = str(snapshot.frontmatter.get("source_transcript") or "").strip()
            if named:
                found[Path(named).name] = snapshot
        return found

    def next_number(self) -> int:
        numbers = [0]
        for snapshot in self.snapshots:
            for text in (snapshot.path.stem, snapshot.participant_id):
                match = _NUMBER.search(text)
                if match:
                    numbers.append(int(match.group(1)))
        return max(numbers) + 1

    def tags(self) -> list[str]:
        found: set[str] = set()
        for snapshot in self.snapshots:
            found.update(str(t) for t in snapshot.frontmatter.get("tags") or [])
            found.update(t for i in snapshot.insights for t in i.topics)
        return sorted(t for t in found if t)


def study_of(path: Path) -> Study:
    """The study a transcript file or study folder belongs to."""
    if path.is_file():
        folder = (
            path.parent.parent if path.parent.name == "transcripts" else path.parent
        )
        try:
            return resolve_study(folder)
        except StudyError:
            raise StudyError(
                path, 0, "is not in a study's transcripts/ folder; move it there"
            ) from None
    return resolve_study(path)


def read_state(study: Study) -> StudyState:
    """The plan and every snapshot that parses (broken ones are skipped)."""
    from research_tool.plans import parse_plan
    from research_tool.snapshots import parse_snapshot

    snapshots = []
    for file in snapshot_files(study):
        try:
            snapshots.append(parse_snapshot(file))
        except ResearchError as exc:
            log.debug("skipping %s: %s", file, exc)
    return StudyState(study, parse_plan(study.plan_path), snapshots)


def unprocessed(state: StudyState) -> list[Path]:
    """Transcripts no snapshot names in ``source_transcript``."""
    done = state.processed()
    return [p for p in transcript_files(state.study) if p.name not in done]


def process_transcript(path: Path, options: Options | None = None) -> Result:
    """Process one transcript file of a study; see the module docstring."""
    options = options or Options()
    state = read_state(study_of(path))
    return next(iter(_run(state, [path], options)))


def process_study(
    path: Path, options: Options | None = None, *, progress: Progress | None = None
) -> list[Result]:
    """Process every transcript of the study that has no snapshot yet."""
    options = options or Options()
    state = read_state(study_of(path))
    todo = unprocessed(state)
    shown = progress(todo) if progress is not None else todo
    return list(_run(state, list(shown), options, batch=True))


def _run(
    state: StudyState, paths: list[Path], options: Options, *, batch: bool = False
) -> Iterator[Result]:
    from research_tool.interview import Interview

    interview = Interview(state, options)
    for path in paths:
        yield interview.process(
            path, participant_id=None if batch else options.participant_id
        )


def target_path(state: StudyState, path: Path, options: Options, number: int) -> Path:
    """Where the snapshot of ``path`` goes, refusing to overwrite without force."""
    day = options.date or _file_date(path)
    existing = state.processed().get(path.name)
    target = (
        existing.path
        if existing is not None
        else state.study.interviews_dir / f"{day}-participant-{number:03d}.md"
    )
    if target.exists() and not options.force:
        raise WriteRefused(
            target,
            0,
            f"already holds the snapshot of {path.name}; pass --force to replace it "
            "(the old file is kept as a backup)",
        )
    state.study.interviews_dir.mkdir(parents=True, exist_ok=True)
    ensure_writable(target)
    return target


def write_snapshot(target: Path, text: str, *, force: bool) -> Path | None:
    """Write atomically; with ``force``, keep the old file and return its backup."""
    backup = backup_path(target) if force and target.exists() else None
    atomic_write(target, text, backup=backup is not None)
    return backup


def _file_date(path: Path) -> str:
    match = _DATE.search(path.name)
    if match:
        return match.group(1)
    return datetime.date.fromtimestamp(path.stat().st_mtime).isoformat()
