"""Redacting a study's transcript the one way every command shares.

``process``, ``verify`` and ``export`` all call ``redact_for_study``, so a
quote taken from a redacted transcript reads the same when it is checked
or exported later.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from research_tool.model import ScheduleRow, Transcript
from research_tool.redaction.core import Redacted, redact
from research_tool.roster import load_roster, roster_path

if TYPE_CHECKING:
    from research_tool.studies import Study

T = TypeVar("T")
DEFAULT_PARTICIPANT = "participant"
_PARTICIPANT_ID = re.compile(r"^[A-Za-z]+-?\d+$")
_NOT_A_NAME = re.compile(r"^(?:tbd|tba|n/?a|none|-+|—|\?+|p\d+|user-\d+)$", re.I)


def redact_for_study(
    transcript: Transcript,
    study: Study,
    participant_id: str,
    *,
    pipeline: object | None = None,
    known_names: Sequence[str] | None = None,
) -> Redacted:
    """Redact with the study's roster, its plan's Schedule names and the speakers.

    ``known_names`` are the plan's Schedule names when the caller has the
    plan parsed already (``schedule_names(plan.schedule)``).
    """
    roster = _cached(roster_path(study), load_roster)
    names = (
        known_names
        if known_names is not None
        else _cached(study.plan_path, _plan_names)
    )
    return redact(
        transcript,
        participant_id=participant_id,
        roster=roster,
        known_names=names,
        pipeline=pipeline,
    )


def read_redacted(
    path: Path,
    study: Study,
    participant_id: str,
    *,
    guide: Sequence[str] | None = None,
    known_names: Sequence[str] | None = None,
    pipeline: object | None = None,
) -> Redacted:
    """Read a study's transcript as ``process`` reads it, then redact it.

    Speaker roles depend on the plan's discussion guide, and pseudonyms on the
    roles, so every command reads with the same guide questions (the plan's,
    unless ``guide`` is given) and gets the same redacted text. ``guide`` and
    ``known_names`` save reading the plan again when the caller has it.
    """
    from research_tool.transcripts import read_transcript

    questions = guide if guide is not None else _cached(study.plan_path, _plan_guide)
    transcript = read_transcript(path, guide_questions=questions)
    return redact_for_study(
        transcript, study, participant_id, pipeline=pipeline, known_names=known_names
    )


def _plan_guide(path: Path) -> list[str]:
    from research_tool.plans import guide_questions, parse_plan

    return guide_questions(parse_plan(path))


_CACHE: dict[tuple[Path, int, int, str], Any] = {}


def _cached(path: Path, load: Callable[[Path], T]) -> T:
    """``load(path)``, reused while the file is unchanged (verify reads many)."""
    try:
        stat = path.stat()
        key = (path.resolve(), stat.st_mtime_ns, stat.st_size, load.__name__)
    except OSError:
        return load(path)
    if key not in _CACHE:
        if len(_CACHE) > 32:
            _CACHE.clear()
        _CACHE[key] = load(path)
    return cast(T, _CACHE[key])


def _plan_names(path: Path) -> list[str]:
    from research_tool.plans import parse_plan

    return schedule_names(parse_plan(path).schedule)


def schedule_names(rows: Iterable[ScheduleRow]) -> list[str]:
    """Participant names from Schedule cells: ``Krista (SAM - ...)`` -> Krista."""
    names = []
    for row in rows:
        name = re.sub(r"\s*[(\[].*$", "", row.participant).strip().strip("*_")
        if name and not _NOT_A_NAME.match(name) and name[0].isupper():
            names.append(name)
    return names


def redact_file(
    path: Path,
    *,
    participant_id: str | None = None,
    study: Path | None = None,
    pipeline: object | None = None,
) -> Redacted:
    """Read and redact one transcript file, inside its study when it has one.

    The study is ``study`` or, when the file sits in a study's
    ``transcripts/`` folder, that study. The participant ID is the one given,
    else the one of the snapshot citing this file, else the participant's
    roster pseudonym when it is an ID (``user-005``), else ``participant``.
    """
    from research_tool.transcripts import read_transcript

    found = _study_of(path, study)
    if found is None:
        from research_tool.redaction.core import redact as plain

        transcript = read_transcript(path)
        return plain(
            transcript,
            participant_id=participant_id or DEFAULT_PARTICIPANT,
            pipeline=pipeline,
        )

    _cached(roster_path(found), load_roster)  # a broken roster is named first
    guide = _cached(found.plan_path, _plan_guide)
    transcript = read_transcript(path, guide_questions=guide)
    pid = (
        participant_id
        or _participant_of(path, found)
        or _participant_in_roster(transcript, found)
        or DEFAULT_PARTICIPANT
    )
    return redact_for_study(transcript, found, pid, pipeline=pipeline)


def _participant_in_roster(transcript: Transcript, study: Study) -> str | None:
    """The roster's ID (``user-005``) for the transcript's participant, if any."""
    roster = load_roster(roster_path(study))
    labels = {t.speaker for t in transcript.turns if t.role == "participant"}
    entries = [roster.find_person(label) for label in labels]
    ids = {e.pseudonym for e in entries if e and _PARTICIPANT_ID.match(e.pseudonym)}
    return ids.pop() if len(ids) == 1 else None


def _study_of(path: Path, study: Path | None) -> Study | None:
    from research_tool.studies import resolve_study

    if study is not None:
        return resolve_study(study)
    if path.resolve().parent.name != "transcripts":
        return None
    try:
        return resolve_study(path.resolve().parent.parent)
    except Exception:  # not a study folder after all: redact without one
        return None


def _participant_of(path: Path, study: Study) -> str | None:
    """The participant ID of the snapshot whose source is ``path``."""
    from research_tool.errors import ResearchError
    from research_tool.snapshots import parse_snapshot
    from research_tool.studies import snapshot_files, source_transcript_path

    for file in snapshot_files(study):
        try:
            snapshot = parse_snapshot(file)
        except ResearchError:
            continue
        source = source_transcript_path(study, snapshot)
        if source is not None and source.resolve() == path.resolve():
            return snapshot.participant_id or None
    return None


def default_pipeline(model: str | None = None) -> object | None:
    """The trained pipeline ``process`` would use, or None (no spaCy import).

    ``model`` names one as ``process --model`` does; without it the default
    model is used when installed. Redaction needs a pipeline only for its
    entities, so without a trained model spaCy is not loaded at all.
    """
    import importlib.util

    from research_tool.nlp import DEFAULT_MODEL, load_pipeline

    if model is None and importlib.util.find_spec(DEFAULT_MODEL) is None:
        return None
    pipeline = load_pipeline(model)
    return pipeline if pipeline.trained else None
