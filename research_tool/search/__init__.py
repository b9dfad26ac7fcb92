"""Search quotes and insights across every study under a folder.

``search`` refreshes the index at ``<root>/.research/index.sqlite`` from the
snapshot files (only what changed), then runs one ranked FTS5 query.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from research_tool.errors import FileReadError
from research_tool.search.index import RefreshStats, refresh
from research_tool.search.query import Filters, Hit, run_query
from research_tool.search.schema import SearchError, index_path, open_index

BUSY = (
    "the search index could not be used ({}); run the search again, or delete "
    "the .research folder to rebuild it"
)

__all__ = ["Filters", "Hit", "SearchError", "SearchResult", "index_path", "search"]


@dataclass
class SearchResult:
    hits: list[Hit]
    warnings: list[str] = field(default_factory=list)
    stats: RefreshStats = field(default_factory=RefreshStats)

    def as_data(self) -> dict[str, Any]:
        return {
            "hits": [
                {**asdict(hit), "where": hit.where, "hypotheses": _links(hit)}
                for hit in self.hits
            ],
            "warnings": self.warnings,
        }


def search(
    query: str,
    *,
    root: Path,
    filters: Filters | None = None,
    limit: int = 20,
) -> SearchResult:
    """The quotes under ``root`` that best match ``query``, best first.

    Snapshots that fail to parse are left out; their ``FILE:LINE`` errors
    come back in ``warnings``.
    """
    if not root.is_dir():
        raise FileReadError(
            root, 0, "is not a folder; give the folder to search with --root"
        )

    try:
        connection = open_index(root)
        try:
            stats = refresh(connection, root)
            hits = run_query(connection, query, filters or Filters(), limit)
        finally:
            connection.close()
    except sqlite3.OperationalError as exc:
        raise SearchError(index_path(root), 0, BUSY.format(exc)) from None
    return SearchResult(hits, stats.warnings, stats)


def _links(hit: Hit) -> list[dict[str, str]]:
    return [{"number": number, "stance": stance} for number, stance in hit.hypotheses]
