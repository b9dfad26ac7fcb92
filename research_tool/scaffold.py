"""``research init``: a new study folder with a plan to fill in.

The plan is rendered from ``templates/plan.md.j2`` and checked with the
plan parser before anything is written, so a study is created whole or
not at all.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from research_tool.errors import PlanError, WriteRefused
from research_tool.fileio import atomic_write
from research_tool.mdtable import escape_cell
from research_tool.plans import parse_plan_text
from research_tool.roster import ensure_gitignore
from research_tool.templating import environment

log = logging.getLogger(__name__)

TEMPLATE = "plan.md.j2"
DEFAULT_SAMPLE_SIZE = 6
DEFAULT_OUTCOME = (
    "[The decision this research will inform, e.g. which step to fix first]"
)
PLACEHOLDER_HYPOTHESIS = (
    "[Who] [does what you could see or count, e.g. exports data to a spreadsheet] "
    "at least [N] times a week because [why]"
)
BACKSLASH_PIPE = (
    "a table cell cannot hold a backslash before '|'; write it without the backslash"
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class NewStudy:
    """What ``init_study`` created."""

    root: Path
    plan: Path
    created: list[Path] = field(default_factory=list)


def init_study(
    root: Path,
    *,
    title: str,
    hypotheses: list[str] | tuple[str, ...] = (),
    outcome: str = "",
    sample_size: int = DEFAULT_SAMPLE_SIZE,
    date: dt.date | None = None,
) -> NewStudy:
    """Create ``root`` with a plan, ``interviews/``, ``reports/``, ``transcripts/``.

    Refuses (WriteRefused, nothing written) when ``root`` exists and is not
    empty. The same arguments and ``date`` give the same files.

    >>> init_study(Path("studies/onboarding"), title="Onboarding")  # doctest: +SKIP
    """
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        message = "already exists and is not empty; choose a new folder for the study"
        raise WriteRefused(root, 0, message)
    slug = study_slug(root)
    day = date or dt.date.today()
    plan_path = root / f"{day.isoformat()}-{slug}-research-plan.md"
    for number, hypothesis in enumerate(hypotheses, start=1):
        if "\\|" in hypothesis:
            raise PlanError(plan_path, 0, f"hypothesis {number}: {BACKSLASH_PIPE}")

    text = render_plan(
        root,
        title=title,
        hypotheses=list(hypotheses) or [PLACEHOLDER_HYPOTHESIS],
        outcome=outcome or DEFAULT_OUTCOME,
        sample_size=sample_size,
        date=day,
    )
    parse_plan_text(plan_path, text, "")  # a broken template fails before writing

    root.mkdir(parents=True, exist_ok=True)
    atomic_write(plan_path, text)
    created = [plan_path]
    for name in ("interviews", "reports"):
        keep = root / name / ".gitkeep"
        keep.parent.mkdir()
        atomic_write(keep, "")
        created.append(keep)
    ensure_gitignore(root / "transcripts")
    created.append(root / "transcripts" / ".gitignore")
    log.debug("created study %s", root)
    return NewStudy(root, plan_path, created)


def render_plan(
    root: Path,
    *,
    title: str,
    hypotheses: list[str],
    outcome: str,
    sample_size: int,
    date: dt.date,
) -> str:
    """The plan's text from ``plan.md.j2`` (a study's own template first)."""
    env = environment(root)
    env.filters.update(yaml=_yaml, cell=_cell, line=_line)
    text = env.get_template(TEMPLATE).render(
        title=_line(title),
        hypotheses=[_line(h) for h in hypotheses],
        outcome=_line(outcome),
        sample_size=sample_size,
        date=date.isoformat(),
    )
    return text.rstrip("\n") + "\n"


def study_slug(root: Path) -> str:
    """The folder's name, lower case with dashes: "Onboarding 2026" gives
    "onboarding-2026"."""
    slug = _NOT_SLUG.sub("-", root.resolve().name.casefold()).strip("-")
    if not slug:
        message = "needs a name with letters or digits, e.g. studies/onboarding"
        raise WriteRefused(root, 0, message)
    return slug


def _line(text: object) -> str:
    return " ".join(str(text).split())


def _yaml(value: object) -> str:
    return json.dumps(_line(value), ensure_ascii=False)


def _cell(text: object) -> str:
    return escape_cell(_line(text))
