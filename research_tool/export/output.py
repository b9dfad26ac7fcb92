"""Writing an export's bytes atomically, without clobbering other files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from research_tool.errors import WriteRefused


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    An existing file is replaced only when it has the export's own suffix
    (an earlier export); anything else is refused, so ``--out plan.md``
    cannot destroy a plan.
    """
    if path.is_dir():
        raise WriteRefused(path, 0, "is a folder; give a file name with --out")
    if path.exists() and path.suffix.lower() not in _EXPORT_SUFFIXES:
        raise WriteRefused(
            path, 0, "exists and is not an export; choose another --out file"
        )

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private (0600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_EXPORT_SUFFIXES = (".qdpx", ".qdc", ".csv", ".json")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
