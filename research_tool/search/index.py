"""Keeping the search index in step with the snapshot files.

Before every search, ``refresh`` compares each snapshot's size and mtime with
what the ``files`` table recorded; only files that differ are hashed again,
and only files whose SHA-256 changed are parsed and re-indexed. Rows of
deleted files are dropped. The index holds nothing the files do not, so
deleting it loses nothing: the next search rebuilds it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from research_tool.search.discover import Found, find_snapshots
from research_tool.search.parse import Parsed, parse_all
from research_tool.search.schema import TEXT_TABLES

# A file modified this close to when it was indexed may change again within
# one mtime tick; such files are always hashed again ("racy" files, as git
# calls them).
RACY_NS = 2_000_000_000

_INSERT_QUOTE = (
    "INSERT INTO quotes (path, study, participant, role, line, at, type, topics, "
    "quote, context, observed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_TEXT = "INSERT INTO {} (rowid, quote, context, tags) VALUES (?, ?, ?, ?)"

Known = tuple[str, int, int, int, str | None]  # sha256, mtime, size, indexed, error


@dataclass
class RefreshStats:
    indexed: int = 0  # parsed and (re-)indexed
    unchanged: int = 0
    removed: int = 0
    warnings: list[str] = field(default_factory=list)  # "FILE:LINE: message"


@dataclass(frozen=True)
class _Change:
    item: Found
    digest: str
    status: os.stat_result


def refresh(connection: sqlite3.Connection, root: Path) -> RefreshStats:
    """Bring the index up to date with every snapshot under ``root``."""
    stats = RefreshStats()
    known: dict[str, Known] = {
        row[0]: row[1:]
        for row in connection.execute(
            "SELECT path, sha256, mtime_ns, size, indexed_ns, error FROM files"
        )
    }
    found = find_snapshots(root)

    with connection:
        changes, unreadable = _changes(connection, found, known, stats)

    # Parsing may fork worker processes: do it with no transaction open.
    parsed = parse_all([change.item.path for change in changes])

    gone = (set(known) - {item.relative for item in found}) | unreadable
    with connection:
        for change, result in zip(changes, parsed, strict=True):
            _store(connection, change, result, stats)
        for relative in sorted(gone & set(known)):
            _drop(connection, relative)
            connection.execute("DELETE FROM files WHERE path = ?", (relative,))
    stats.removed = len(gone & set(known))
    return stats


def _changes(
    connection: sqlite3.Connection,
    found: list[Found],
    known: dict[str, Known],
    stats: RefreshStats,
) -> tuple[list[_Change], set[str]]:
    """The files whose content changed, and those that cannot be read."""
    changes = []
    unreadable = set()
    for item in found:
        try:
            change = _check(connection, item, known.get(item.relative), stats)
        except OSError as exc:
            stats.warnings.append(f"{item.location}: cannot read: {exc.strerror}")
            unreadable.add(item.relative)
            continue
        if change is not None:
            changes.append(change)
    return changes, unreadable


def _check(
    connection: sqlite3.Connection,
    item: Found,
    known: Known | None,
    stats: RefreshStats,
) -> _Change | None:
    """The file's new digest when its content changed; None when it did not."""
    status = os.stat(item.location)
    if known is not None:
        _, mtime_ns, size, indexed_ns, error = known
        same_stat = (mtime_ns, size) == (status.st_mtime_ns, status.st_size)
        if same_stat and status.st_mtime_ns < indexed_ns - RACY_NS:
            _count_unchanged(stats, error)
            return None

    with open(item.location, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    if known is None or digest != known[0]:
        return _Change(item, digest, status)

    # Same content: remember the new stat, and that it was checked just now.
    connection.execute(
        "UPDATE files SET mtime_ns = ?, size = ?, indexed_ns = ? WHERE path = ?",
        (status.st_mtime_ns, status.st_size, time.time_ns(), item.relative),
    )
    _count_unchanged(stats, known[4])
    return None


def _count_unchanged(stats: RefreshStats, error: str | None) -> None:
    stats.unchanged += 1
    if error:
        stats.warnings.append(error)


def _store(
    connection: sqlite3.Connection, change: _Change, parsed: Parsed, stats: RefreshStats
) -> None:
    """Replace the file's rows with what was parsed, and record its state."""
    item = change.item
    study = parsed.plan if item.shared and parsed.plan else item.study
    _drop(connection, item.relative)
    for record in parsed.records:
        topics = ",".join(record.topics)
        cursor = connection.execute(
            _INSERT_QUOTE,
            (
                item.relative,
                study,
                parsed.person["participant"],
                parsed.person["role"],
                record.line,
                record.at,
                record.type,
                topics,
                record.quote,
                record.context,
                int(record.observed),
            ),
        )
        quote_id = cursor.lastrowid
        tags = " ".join((record.type, *record.topics))
        text = (quote_id, record.quote, record.context, tags)
        for table in TEXT_TABLES:
            connection.execute(_INSERT_TEXT.format(table), text)
        connection.executemany(
            "INSERT INTO links VALUES (?, ?, ?)",
            [(quote_id, link.hypothesis, link.stance) for link in record.links],
        )

    connection.execute(
        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            item.relative,
            item.study,
            change.digest,
            change.status.st_mtime_ns,
            change.status.st_size,
            time.time_ns(),
            parsed.error,
        ),
    )
    stats.indexed += 1
    if parsed.error:
        stats.warnings.append(parsed.error)


def _drop(connection: sqlite3.Connection, relative: str) -> None:
    ids = "SELECT id FROM quotes WHERE path = ?"
    for table in TEXT_TABLES:
        connection.execute(f"DELETE FROM {table} WHERE rowid IN ({ids})", (relative,))
    connection.execute(f"DELETE FROM links WHERE quote_id IN ({ids})", (relative,))
    connection.execute("DELETE FROM quotes WHERE path = ?", (relative,))
