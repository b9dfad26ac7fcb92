"""Parsing changed snapshots into quote records, in parallel when there are many.

Parsing dominates building the index (a few milliseconds per snapshot), so
a first build of a large collection spreads it over the machine's cores.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from research_tool.errors import ResearchError
from research_tool.export.records import (
    QuoteRecord,
    participant_fields,
    snapshot_quotes,
)
from research_tool.model import plan_slug

log = logging.getLogger(__name__)

AD_HOC = {"", "ad-hoc", "adhoc", "none"}

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN = 64


@dataclass(frozen=True)
class Parsed:
    """A snapshot's participant fields and quotes, or why it could not be read."""

    person: dict[str, str]
    records: list[QuoteRecord]
    error: str | None = None
    plan: str = ""  # the slug of the plan its ``research_plan`` names, if any


def parse_one(path: Path) -> Parsed:
    from research_tool.snapshots import parse_snapshot

    try:
        snapshot = parse_snapshot(path)
    except ResearchError as exc:
        log.debug("skipping %s: %s", path, exc)
        return Parsed({}, [], str(exc))
    named = str(snapshot.frontmatter.get("research_plan") or "").strip()
    plan = plan_slug(Path(named)) if named.casefold() not in AD_HOC else ""
    return Parsed(participant_fields(snapshot), snapshot_quotes(snapshot), plan=plan)


def parse_all(paths: list[Path]) -> list[Parsed]:
    """``parse_one`` of each path, in order."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_MIN or workers < 2:
        return [parse_one(path) for path in paths]

    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunk = max(1, len(paths) // (workers * 4))
            return list(pool.map(parse_one, paths, chunksize=chunk))
    except (OSError, RuntimeError) as exc:  # no processes here: do it in one
        log.debug("parsing in one process: %s", exc)
        return [parse_one(path) for path in paths]
