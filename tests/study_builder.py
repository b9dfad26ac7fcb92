"""Build small studies in a temporary folder from the fixture files."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
PLANS = FIXTURES / "plans"
SNAPSHOTS = FIXTURES / "snapshots"
PLAN_NAME = "2026-03-01-onboarding-friction-research-plan.md"


def make_study(root: Path, plan: Path | None = None, snapshots: bool = True) -> Path:
    """A study folder: the plan, interviews/ (fixture snapshots), transcripts/."""
    root.mkdir(parents=True, exist_ok=True)
    source = plan or PLANS / PLAN_NAME
    shutil.copyfile(source, root / source.name)
    for name in ("interviews", "transcripts", "reports"):
        (root / name).mkdir(exist_ok=True)
    if snapshots:
        for file in sorted(SNAPSHOTS.glob("*.md")):
            shutil.copyfile(file, root / "interviews" / file.name)
    return root


def write(path: Path, text: str) -> Path:
    """Write ``text`` exactly (no newline translation)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path
