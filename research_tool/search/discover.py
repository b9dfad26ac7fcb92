"""Finding every interview snapshot under a root folder, with its study."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

# Folders never worth walking into.
SKIP = {"node_modules", "__pycache__", "site-packages", "venv"}


@dataclass(frozen=True)
class Found:
    """A snapshot file, its path relative to the root, and its study's name."""

    path: Path
    relative: str
    study: str


def find_snapshots(root: Path) -> list[Found]:
    """Every ``interviews/*.md`` under ``root`` (hidden folders skipped), sorted."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP)
        here = Path(folder)
        if here.name != "interviews":
            continue
        study = study_name(here.parent, root)
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                path = here / name
                found.append(Found(path, path.relative_to(root).as_posix(), study))
    return found


def study_name(folder: Path, root: Path) -> str:
    """A study's name: its folder's name, or the project's for ``docs/research``.

    >>> study_name(Path("/w/acme/docs/research"), Path("/w"))
    'acme'
    """
    folder = folder.resolve() if folder == root else folder
    if folder.name == "research" and folder.parent.name == "docs":
        return folder.parent.parent.resolve().name
    return folder.name
