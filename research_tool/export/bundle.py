"""A study gathered for export: plan, snapshots and redacted source texts.

The exporters are pure functions of a ``StudyBundle``, so they can be tested
on objects built by hand; ``load_bundle`` is the one place that reads files.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from research_tool.model import Plan, Snapshot

if TYPE_CHECKING:
    from research_tool.studies import LoadedStudy, Study

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceText:
    """A redacted transcript as exported: a pseudonymous name and LF-only text."""

    name: str
    text: str


@dataclass
class StudyBundle:
    name: str
    root: Path
    plan: Plan | None
    snapshots: list[Snapshot]
    sources: dict[Path, SourceText] = field(default_factory=dict)  # by snapshot
    rollup: Any = None
    reports_dir: Path | None = None  # default: ``root / "reports"``

    def relative(self, path: Path) -> str:
        """``path`` relative to the study folder, with forward slashes."""
        return _relative(path, self.root)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so every program counts offsets alike."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def study_name(study: Study, plan: Plan) -> str:
    """The study folder's name; the plan's slug where plans share a folder."""
    if study.plan_path.parent.name == "plans":
        return plan.slug
    return study.root.resolve().name


def load_bundle(
    path: Path, *, pipeline: Any = None, with_sources: bool = True
) -> StudyBundle:
    """Load the study at ``path`` with each snapshot's redacted transcript.

    A snapshot whose transcript is absent simply has no entry in ``sources``.
    """
    from research_tool import studies

    loaded = studies.load_study(path)
    study = loaded.study
    bundle = StudyBundle(
        name=study_name(study, loaded.plan),
        root=study.root,
        reports_dir=study.reports_dir,
        plan=loaded.plan,
        snapshots=sorted(loaded.snapshots, key=lambda snapshot: snapshot.path),
        rollup=_rollup(loaded),
    )

    if with_sources:
        for snapshot in bundle.snapshots:
            source = _source_text(study, snapshot, pipeline)
            if source is not None:
                bundle.sources[snapshot.path] = source
    return bundle


def _source_text(study: Study, snapshot: Snapshot, pipeline: Any) -> SourceText | None:
    from research_tool import redaction, studies

    transcript_path = studies.source_transcript_path(study, snapshot)
    if transcript_path is None or not transcript_path.is_file():
        log.debug("no transcript for %s", snapshot.path)
        return None

    redacted = redaction.read_redacted(
        transcript_path, study, snapshot.participant_id, pipeline=pipeline
    )
    text = normalise_newlines(redacted.transcript.text)
    # Transcript file names often hold a real first name; the snapshot's don't.
    return SourceText(name=f"{snapshot.path.stem} (transcript)", text=text)


def _rollup(loaded: LoadedStudy) -> dict[str, Any] | None:
    """The plan's hypotheses rolled up over the snapshots, as plain data."""
    try:
        from research_tool.rollup import rollup
    except ImportError:
        return None

    result = rollup(loaded.plan, loaded.snapshots)
    root = loaded.study.root
    return {
        "interviews": result.interviews,
        "hypotheses": [
            {
                "number": h.number,
                "text": h.text,
                "status": h.status,
                "supports": h.supports,
                "challenges": h.challenges,
                "mixed": h.mixed,
                "no_data": h.no_data,
            }
            for h in result.hypotheses
        ],
        "new_hypotheses": [
            {
                "snapshot": _relative(snapshot.path, root),
                "number": entry.number,
                "hypothesis": entry.hypothesis,
            }
            for snapshot, entry in result.new_hypotheses
        ],
    }


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name
