"""The whole study as JSON data, in the shape of docs/study.schema.json.

Paths are relative to the study folder and keys keep a fixed order, so two
exports of one study are identical. Bump ``SCHEMA_VERSION`` when a key
changes meaning or goes away; adding a key does not need a bump.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from research_tool.export.bundle import StudyBundle
from research_tool.export.records import snapshot_quotes
from research_tool.model import Plan, Snapshot
from research_tool.timecodes import format_timestamp

SCHEMA_VERSION = 1


def study_data(bundle: StudyBundle) -> dict[str, Any]:
    """The study as plain data: plan, snapshots, roll-up."""
    return {
        "schema_version": SCHEMA_VERSION,
        "study": bundle.name,
        "plan": _plan(bundle, bundle.plan) if bundle.plan else None,
        "snapshots": [_snapshot(bundle, snapshot) for snapshot in bundle.snapshots],
        "rollup": plain(bundle.rollup),
    }


def write_json(bundle: StudyBundle) -> tuple[bytes, dict[str, int]]:
    """The JSON file's bytes and counts of what it holds."""
    data = study_data(bundle)
    counts = {
        "snapshots": len(data["snapshots"]),
        "quotes": sum(len(s["quotes"]) for s in data["snapshots"]),
    }
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return text.encode("utf-8"), counts


def _plan(bundle: StudyBundle, plan: Plan) -> dict[str, Any]:
    return {
        "path": bundle.relative(plan.path),
        "slug": plan.slug,
        "frontmatter": plain(plan.frontmatter),
        "hypotheses": [
            {"number": h.number, "text": h.text, "status": h.status, "line": h.line}
            for h in plan.hypotheses
        ],
        "schedule": [
            {
                "number": row.number,
                "participant": row.participant,
                "date": row.date,
                "status": row.status,
                "line": row.line,
            }
            for row in plan.schedule
        ],
    }


def _snapshot(bundle: StudyBundle, snapshot: Snapshot) -> dict[str, Any]:
    return {
        "path": bundle.relative(snapshot.path),
        "participant_id": snapshot.participant_id,
        "frontmatter": plain(snapshot.frontmatter),
        "sections": dict(snapshot.sections),
        "insights": [
            {
                "quote": i.quote,
                "type": i.type,
                "topics": list(i.topics),
                "context": i.context,
                "timestamp": _time(i.at),
                "line": i.line,
                "observed": i.observed,
            }
            for i in snapshot.insights
        ],
        "hypotheses": [
            {
                "number": entry.number,
                "hypothesis": entry.hypothesis,
                "status": entry.status,
                "line": entry.line,
                "evidence": [
                    {
                        "quote": e.quote,
                        "stance": e.stance,
                        "timestamp": _time(e.at),
                        "line": e.line,
                        "why": e.why,
                    }
                    for e in entry.evidence
                ],
            }
            for entry in snapshot.hypotheses
        ],
        "opportunities": [
            {
                "opportunity": o.opportunity,
                "strength": o.strength,
                "quote": o.quote,
                "line": o.line,
            }
            for o in snapshot.opportunities
        ],
        "quotes": [
            {
                "quote": r.quote,
                "line": r.line,
                "timestamp": _time(r.at),
                "type": r.type or None,
                "topics": list(r.topics),
                "hypotheses": [
                    {"number": link.hypothesis, "stance": link.stance or None}
                    for link in r.links
                ],
            }
            for r in snapshot_quotes(snapshot)
        ],
    }


def _time(seconds: float | None) -> str | None:
    return None if seconds is None else format_timestamp(seconds)


def plain(value: Any) -> Any:
    """``value`` with dates as ISO text and tuples as lists, for JSON."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        items = [plain(item) for item in value]
        return sorted(items, key=str) if isinstance(value, set) else items
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
