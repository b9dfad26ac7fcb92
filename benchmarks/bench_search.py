"""Search over 1,000 synthetic snapshots: index build, query latency, refresh, size.

Targets: the index builds in seconds, a search after the first takes tens
of milliseconds, and a refresh with nothing changed costs only the stat
calls. Also times one CLI search in a fresh process.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks._util import Row, median_command_seconds, research_command
from benchmarks.synthetic import make_study
from research_tool.search import Filters, index_path, search
from research_tool.search.index import refresh
from research_tool.search.query import run_query
from research_tool.search.schema import open_index

SNAPSHOTS = 1000
QUERIES = (
    "weekly report",
    "export*",
    '"status deck"',
    "renewal",
    "salesforce notes",
    "escalat*",
    "spreadsheet tracker",
    "usage drop",
    "nobody tells me",
    "dashboards",
)


def benchmarks() -> list[Row]:
    workdir = Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        make_study(workdir, SNAPSHOTS)
        return _measure(workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _measure(root: Path) -> list[Row]:
    group = f"search ({SNAPSHOTS} snapshots)"

    start = time.perf_counter()
    first = search("weekly", root=root)
    build = time.perf_counter() - start
    rows = [
        Row(
            group,
            "index build + first search",
            build,
            note=f"{first.stats.indexed} files",
        )
    ]

    latencies = []
    for _ in range(5):
        for query in QUERIES:
            start = time.perf_counter()
            search(query, root=root, filters=Filters(), limit=20)
            latencies.append(time.perf_counter() - start)
    rows.append(
        Row(
            group,
            "search (refresh + query)",
            statistics.median(latencies) * 1000,
            "ms",
            note=f"median of {len(latencies)}",
        )
    )

    connection = open_index(root)
    rows.append(
        Row(group, "refresh, nothing changed", _ms(refresh, connection, root), "ms")
    )
    query_ms = statistics.median(
        _ms(run_query, connection, query, Filters(), 20) for query in QUERIES
    )
    rows.append(Row(group, "query alone (no refresh)", query_ms, "ms"))
    connection.close()

    size = index_path(root).stat().st_size / 1_000_000
    rows.append(Row(group, "index size on disk", size, "MB"))

    command = research_command("search", "weekly report", "--root", str(root))
    rows.append(
        Row(group, "research search (new process)", median_command_seconds(command))
    )
    return rows


def _ms(function: Callable[..., object], *args: object) -> float:
    """The median time of five calls, in milliseconds."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000
