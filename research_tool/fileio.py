"""Reading researchers' files strictly, and writing ours atomically.

Every write goes to a temporary file in the same folder and is renamed over
the target, so an interrupted run leaves the old file whole. A write can be
made conditional on the file still holding what we read (``expected``), so a
researcher's edit made while the tool ran is never overwritten.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from research_tool.errors import FileReadError, WriteRefused

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TextFile:
    """A text file as read: its decoded text and the hash of its raw bytes."""

    path: Path
    text: str
    digest: str


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


TOOL_FOLDER = ".research"  # what the tool can rebuild: search index, quote checks


def tool_folder(root: Path) -> Path:
    """``root/.research``, made if needed, with a ``.gitignore`` keeping it out of git.

    Raises OSError when it cannot be made; callers decide whether that matters.
    """
    folder = root / TOOL_FOLDER
    folder.mkdir(exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n", encoding="utf-8")
    return folder


def read_text(path: Path) -> TextFile:
    """Read a UTF-8 file exactly as it is (no newline translation).

    Raises FileReadError naming the line of the first byte that is not UTF-8.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileReadError(path, 0, "file not found") from None
    except IsADirectoryError:
        raise FileReadError(path, 0, "is a folder, expected a file") from None
    except OSError as exc:
        raise FileReadError(path, 0, f"cannot read: {exc.strerror}") from None

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileReadError(
            path,
            line,
            f"byte 0x{raw[exc.start]:02x} is not UTF-8; "
            "save the file as UTF-8 and run the command again",
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise FileReadError(path, line, "holds binary data (NUL bytes), not text")

    return TextFile(path=path, text=text.removeprefix("\ufeff"), digest=digest(raw))


def atomic_write(
    path: Path,
    text: str,
    *,
    expected: str | None = None,
    backup: bool = False,
) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    ``expected`` is the digest of the bytes the caller read; when the file on
    disk no longer matches, the write is refused. ``backup`` keeps the old
    file as ``NAME.bak`` (numbered when one exists) before replacing it.
    """
    data = text.encode("utf-8")
    if expected is not None:
        _refuse_if_changed(path, expected)

    if backup and path.exists():
        shutil.copy2(path, backup_path(path))

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        else:  # mkstemp makes 0600; a new file gets the usual mode instead
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:  # disk full, permissions: the old file is untouched
        Path(tmp).unlink(missing_ok=True)
        message = f"could not be written ({exc.strerror or exc}); the file is unchanged"
        raise WriteRefused(path, 0, message) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    log.debug("wrote %s (%d bytes)", path, len(data))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def backup_path(path: Path) -> Path:
    """The first free ``NAME.bak``, ``NAME.bak.1``, ... beside ``path``."""
    candidate = path.with_name(path.name + ".bak")
    number = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak.{number}")
        number += 1
    return candidate


def ensure_writable(path: Path) -> None:
    """Fail before any work when ``path`` (or its folder) cannot be written."""
    target = path if path.exists() else path.parent
    if not os.access(target, os.W_OK):
        raise WriteRefused(path, 0, "is not writable; check its permissions")


def _refuse_if_changed(path: Path, expected: str) -> None:
    try:
        current = digest(path.read_bytes())
    except FileNotFoundError:
        raise WriteRefused(path, 0, "was deleted while the tool ran") from None
    if current != expected:
        raise WriteRefused(
            path,
            0,
            "changed on disk while the tool ran; nothing was written. "
            "Run the command again to include the new edits",
        )
