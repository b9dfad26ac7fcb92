"""``research validate``: check every plan, snapshot and codebook of a study."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from research_tool.codebook import FILE_NAME, check_hypotheses, load_codebook
from research_tool.errors import Problem, ProblemsError, ResearchError, StudyError
from research_tool.model import Plan, Snapshot
from research_tool.plans import parse_plan
from research_tool.snapshots import parse_snapshot, plan_problems
from research_tool.studies import (
    Study,
    candidate_plans,
    link_problems,
    links_to,
    resolve_study,
    snapshot_files,
)

T = TypeVar("T")


@dataclass
class Validation:
    plans: list[Path] = field(default_factory=list)
    snapshots: list[Path] = field(default_factory=list)
    codebooks: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_study(path: Path) -> Validation:
    """Parse every plan and snapshot ``path`` names; gather every problem."""
    plan_paths = candidate_plans(path)
    if not plan_paths:
        resolve_study(path)  # raises the StudyError that says why
        raise StudyError(path, 0, "no study plan found")
    result = Validation(plans=plan_paths)

    plans: list[tuple[Plan, Study]] = []
    for plan_path in plan_paths:
        plan = _parse(parse_plan, plan_path, result.problems)
        if plan is not None:
            plans.append((plan, resolve_study(plan_path)))

    studies = {resolve_study(p).interviews_dir: resolve_study(p) for p in plan_paths}
    for study in studies.values():
        if (study.root / FILE_NAME).is_file():
            result.codebooks.append(study.root / FILE_NAME)
            result.problems += _codebook_problems(study, plans)
        files = snapshot_files(study)
        result.snapshots += files
        parsed = []
        for file in files:
            snapshot = _parse(parse_snapshot, file, result.problems)
            if snapshot is not None:
                parsed.append(snapshot)
                result.problems += _against_plans(snapshot, plans)
        for plan, plan_study in plans:
            if plan_study.interviews_dir == study.interviews_dir:
                new = link_problems(plan_study, plan, parsed)
                result.problems += [p for p in new if p not in result.problems]
    return result


def _codebook_problems(study: Study, plans: list[tuple[Plan, Study]]) -> list[Problem]:
    """The study's codebook.yaml, if any, parsed and checked against its plans."""
    try:
        codebook = load_codebook(study.root)
        for plan, plan_study in plans:
            if plan_study.root == study.root:
                check_hypotheses(codebook, {h.number for h in plan.hypotheses})
    except ResearchError as exc:
        return [exc.problem]
    return []


def _against_plans(
    snapshot: Snapshot, plans: list[tuple[Plan, Study]]
) -> list[Problem]:
    problems: list[Problem] = []
    for plan, study in plans:
        if links_to(snapshot.path, snapshot.frontmatter, plan, study):
            problems += [p for p in plan_problems(snapshot, plan) if p not in problems]
    return problems


def _parse(
    parser: Callable[[Path], T], path: Path, problems: list[Problem]
) -> T | None:
    try:
        return parser(path)
    except ProblemsError as exc:
        problems += exc.problems
    except ResearchError as exc:
        problems.append(exc.problem)
    return None
