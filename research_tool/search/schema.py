"""The search index's tables, and opening the index safely."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from research_tool.errors import ResearchError
from research_tool.fileio import TOOL_FOLDER, tool_folder

log = logging.getLogger(__name__)

SCHEMA_VERSION = "3"
INDEX_NAME = "index.sqlite"
LOCK_TIMEOUT = 10.0  # seconds to wait while another search updates the index

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    path TEXT PRIMARY KEY,   -- relative to the root, forward slashes
    study TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    indexed_ns INTEGER NOT NULL,
    error TEXT               -- the parse error, when the snapshot is malformed
);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    study TEXT NOT NULL,
    participant TEXT NOT NULL,
    role TEXT NOT NULL,
    line INTEGER NOT NULL,
    at REAL,
    type TEXT NOT NULL,
    topics TEXT NOT NULL,    -- comma-separated, no spaces
    quote TEXT NOT NULL,
    context TEXT NOT NULL,
    observed INTEGER NOT NULL
);
CREATE INDEX quotes_path ON quotes (path);
CREATE TABLE links (
    quote_id INTEGER NOT NULL,
    hypothesis TEXT NOT NULL,
    stance TEXT NOT NULL
);
CREATE INDEX links_quote ON links (quote_id);
-- Two copies of the text: stemmed ("exports" finds "export"), and as written
-- for prefix queries ("slipp*" must find "slipping", which stems to "slip").
-- "tags" holds the insight type and the topics.
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    quote, context, tags, tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE quotes_raw USING fts5 (
    quote, context, tags, tokenize = 'unicode61 remove_diacritics 2'
);
"""

TEXT_TABLES = ("quotes_fts", "quotes_raw")


class SearchError(ResearchError):
    """The search index cannot be used (no FTS5, unwritable folder)."""


def index_path(root: Path) -> Path:
    return root / TOOL_FOLDER / INDEX_NAME


def check_fts5() -> None:
    """Fail clearly when this Python's SQLite was built without FTS5."""
    try:
        connection = sqlite3.connect(":memory:")
        connection.execute("CREATE VIRTUAL TABLE probe USING fts5 (text)")
        connection.close()
    except sqlite3.OperationalError:
        raise SearchError(
            Path(sqlite3.__file__),
            0,
            f"this Python's SQLite {sqlite3.sqlite_version} has no FTS5 full-text "
            "search; install a Python built with a newer SQLite",
        ) from None


def open_index(root: Path) -> sqlite3.Connection:
    """Open (creating or rebuilding when needed) the index under ``root``."""
    check_fts5()
    path = index_path(root)
    try:
        tool_folder(root)
    except OSError as exc:
        raise SearchError(
            path.parent, 0, f"cannot write the index: {exc.strerror}"
        ) from None

    try:
        connection = _connect(path)
    except sqlite3.DatabaseError as exc:
        if _busy(exc):
            raise
        log.debug("index %s unreadable; rebuilding it", path)
        path.unlink(missing_ok=True)
        connection = _connect(path)
    return connection


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=LOCK_TIMEOUT)
    if _version(connection) == SCHEMA_VERSION:
        return connection

    # An older or foreign layout: start afresh, the files hold everything.
    connection.close()
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path, timeout=LOCK_TIMEOUT)
    with connection:
        connection.executescript(SCHEMA)
        connection.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?)",
            (SCHEMA_VERSION,),
        )
    return connection


def _version(connection: sqlite3.Connection) -> str | None:
    """The index's schema version; None when it has none or is no database."""
    try:
        row = connection.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'"
        ).fetchone()
    except sqlite3.DatabaseError as exc:
        if _busy(exc):
            raise  # another search holds it: never delete it from under them
        return None
    return None if row is None else str(row[0])


def _busy(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(exc)
