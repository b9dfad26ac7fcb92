"""Finding every interview snapshot under a root folder, with its study.

This runs before every search, so it works on plain strings: a Path per
file costs more than the walk itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# Folders never worth walking into (hidden ones are skipped too).
SKIP = {"node_modules", "__pycache__", "site-packages", "venv"}
# Folders whose interviews may belong to several plans (docs/research layouts).
SHARED_NAMES = {"research", "user-research"}


@dataclass(frozen=True)
class Found:
    """A snapshot file, its path relative to the root, and its study's name."""

    location: str  # as the operating system takes it
    relative: str  # from the root, with forward slashes
    study: str
    shared: bool = False  # in docs/research, where several plans share a folder

    @property
    def path(self) -> Path:
        return Path(self.location)


def find_snapshots(root: Path) -> list[Found]:
    """Every ``interviews/*.md`` under ``root``, in path order."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP)
        if os.path.basename(folder) != "interviews":
            continue

        study = study_name(Path(folder).parent, root)
        shared = Path(folder).parent.name in SHARED_NAMES
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if relative == "." else f"{relative}/"
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                location = os.path.join(folder, name)
                found.append(Found(location, prefix + name, study, shared))
    return found


def study_name(folder: Path, root: Path) -> str:
    """A study's name: its folder's name, or the project's for ``docs/research``.

    In a ``docs/research`` layout each snapshot's ``research_plan`` names its
    study when it has one; this is the name for the rest.

    >>> study_name(Path("/w/acme/docs/research"), Path("/w"))
    'acme'
    """
    folder = folder.resolve() if folder in (root, root.parent) else folder
    if folder.name in SHARED_NAMES and folder.parent.name == "docs":
        return folder.parent.parent.resolve().name
    return folder.name
