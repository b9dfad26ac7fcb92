"""Where a study's files are, and loading all of them at once.

A study is a plan plus the folders beside it. Two layouts are read:

- a study folder: ``PLAN.md`` with ``interviews/``, ``transcripts/`` and
  ``reports/`` next to it;
- ``docs/research/{plans,interviews,transcripts}`` (or ``docs/user-research``),
  where several plans share one ``interviews/`` folder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from research_tool.errors import Problem, ProblemsError, ResearchError, StudyError
from research_tool.model import Plan, Snapshot, plan_slug
from research_tool.plans import parse_plan
from research_tool.snapshots import parse_snapshot, plan_problems
from research_tool.yamlblock import load
from research_tool.yamledit import key_line

log = logging.getLogger(__name__)

SHARED_LAYOUTS = ("docs/research", "docs/user-research")
NOT_TRANSCRIPTS = {
    "roster.yaml",
    "roster.yml",
    "codebook.yaml",
    "codebook.yml",
    ".gitignore",
}
AD_HOC = {"", "ad-hoc", "adhoc", "none"}


class AmbiguousStudy(StudyError):
    """Several plans fit; ``candidates`` lists them."""

    def __init__(self, folder: Path, candidates: list[Path]) -> None:
        names = ", ".join(p.name for p in candidates)
        super().__init__(
            folder, 0, f"several plans ({names}); pass the plan file itself"
        )
        self.candidates = candidates


@dataclass(frozen=True)
class Study:
    root: Path
    plan_path: Path
    interviews_dir: Path
    transcripts_dir: Path
    reports_dir: Path


@dataclass
class LoadedStudy:
    study: Study
    plan: Plan
    snapshots: list[Snapshot]


def resolve_study(path: Path) -> Study:
    """The study that ``path`` (a study folder, layout root or plan file) names.

    A snapshot in an ``interviews/`` folder names the study around it.
    """
    if path.is_file() and path.parent.name == "interviews":
        return resolve_study(path.parent.parent)
    if path.is_file():
        return _study_for_plan(path)
    if not path.is_dir():
        raise StudyError(path, 0, "no such file or folder")

    for layout in SHARED_LAYOUTS:
        if (path / layout / "plans").is_dir():
            return _study_for_plan(_one_plan(path / layout / "plans", _plans_in))
    if (path / "plans").is_dir() and (path / "interviews").is_dir():
        return _study_for_plan(_one_plan(path / "plans", _plans_in))
    if path.name == "plans" and (path.parent / "interviews").is_dir():
        return _study_for_plan(_one_plan(path, _plans_in))
    return _study_for_plan(_one_plan(path, _plan_candidates))


def candidate_plans(path: Path) -> list[Path]:
    """Every plan ``path`` could mean (all of them in a shared layout)."""
    try:
        return [resolve_study(path).plan_path]
    except AmbiguousStudy as exc:
        return exc.candidates


def load_study(path: Path) -> LoadedStudy:
    """Parse the plan and every snapshot linked to it; one error for all problems."""
    study = resolve_study(path)
    plan = parse_plan(study.plan_path)

    problems: list[Problem] = []
    snapshots, parsed = [], []
    for file in snapshot_files(study):
        try:
            snapshot = parse_snapshot(file)
        except ResearchError as exc:
            if _names_plan(file, plan, study):
                problems += (
                    exc.problems if isinstance(exc, ProblemsError) else [exc.problem]
                )
            continue
        parsed.append(snapshot)
        if links_to(snapshot.path, snapshot.frontmatter, plan, study):
            problems += plan_problems(snapshot, plan)
            snapshots.append(snapshot)

    problems += link_problems(study, plan, parsed)
    if problems:
        raise ProblemsError(problems)
    snapshots.sort(key=lambda s: (s.date, s.participant_id, s.path.name))
    return LoadedStudy(study, plan, snapshots)


def link_problems(study: Study, plan: Plan, parsed: list[Snapshot]) -> list[Problem]:
    """Snapshots citing a plan that is not there, and participant IDs used twice."""
    problems = []
    first: dict[str, Snapshot] = {}
    for snapshot in parsed:
        if not links_to(snapshot.path, snapshot.frontmatter, plan, study):
            if not _plan_exists(snapshot, study):
                named = snapshot.frontmatter.get("research_plan")
                message = (
                    f"research_plan {named!r} names no plan of this study "
                    f"({plan.slug}); fix the name, or write ad-hoc"
                )
                problems.append(Problem(snapshot.path, _key_line(snapshot), message))
            continue
        seen = first.setdefault(snapshot.participant_id, snapshot)
        if seen is not snapshot:
            message = (
                f"participant_id {snapshot.participant_id} is also the ID in "
                f"{seen.path.name}; give each interview its own ID"
            )
            problems.append(Problem(snapshot.path, _key_line(snapshot, "id"), message))
    return problems


def _plan_exists(snapshot: Snapshot, study: Study) -> bool:
    named = str(snapshot.frontmatter.get("research_plan") or "").strip()
    plans = study.plan_path.parent.glob("*.md")
    if any(named in (plan_slug(p), p.stem, p.name) for p in plans):
        return True
    bases = (snapshot.path.parent, study.root, Path.cwd())
    return any((base / named).is_file() for base in bases)


def _key_line(snapshot: Snapshot, key: str = "plan") -> int:
    wanted = "participant_id" if key == "id" else "research_plan"
    return key_line(snapshot.text, wanted) or 1


def snapshot_files(study: Study) -> list[Path]:
    """The Markdown files of the interviews folder, in name order."""
    if not study.interviews_dir.is_dir():
        return []
    return sorted(
        p
        for p in study.interviews_dir.glob("*.md")
        if p.is_file() and not p.name.startswith(".") and p.name.lower() != "readme.md"
    )


def links_to(path: Path, frontmatter: dict[str, Any], plan: Plan, study: Study) -> bool:
    """Whether a snapshot belongs to ``plan`` (by ``research_plan`` or folder)."""
    named = str(frontmatter.get("research_plan") or "").strip()
    if named.casefold() in AD_HOC:
        return True
    if named in (plan.slug, plan.path.stem, plan.path.name):
        return True
    for base in (path.parent, study.root, Path.cwd()):
        if (base / named).resolve() == plan.path.resolve():
            return True
    log.debug("%s names plan %r, not %s; skipped", path, named, plan.slug)
    return False


def _names_plan(path: Path, plan: Plan, study: Study) -> bool:
    # A broken snapshot counts against this plan unless it plainly names another.
    try:
        frontmatter, _, problems = load(path, path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError):
        return True
    return bool(problems) or links_to(path, frontmatter, plan, study)


def transcript_files(study: Study) -> list[Path]:
    """Transcript-like files of the transcripts folder, in name order."""
    if not study.transcripts_dir.is_dir():
        return []
    return sorted(
        p
        for p in study.transcripts_dir.iterdir()
        if p.is_file()
        and not p.name.startswith(".")
        and p.name.lower() not in NOT_TRANSCRIPTS
    )


def source_transcript_path(study: Study, snapshot: Snapshot) -> Path | None:
    """The file ``source_transcript`` names, looked for in the usual places."""
    named = str(snapshot.frontmatter.get("source_transcript") or "").strip()
    if not named:
        return None
    for base in (study.transcripts_dir, study.root, snapshot.path.parent):
        candidate = base / named
        if candidate.is_file():
            return candidate
    return None


def _study_for_plan(plan: Path) -> Study:
    folder = plan.parent
    root = folder.parent if folder.name == "plans" else folder
    return Study(
        root, plan, root / "interviews", root / "transcripts", root / "reports"
    )


def _plans_in(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.glob("*.md") if p.is_file() and p.name.lower() != "readme.md"
    )


def _plan_candidates(folder: Path) -> list[Path]:
    markdown = sorted(p for p in folder.glob("*.md") if p.is_file())
    named = [p for p in markdown if "plan" in p.name.lower()]
    return named or markdown


def _one_plan(folder: Path, finder: Callable[[Path], list[Path]]) -> Path:
    candidates = finder(folder)
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        message = (
            "no study plan here; expected PLAN.md with interviews/ and transcripts/ "
            "beside it, or docs/research/plans/"
        )
        raise StudyError(folder, 0, message)
    raise AmbiguousStudy(folder, candidates)
