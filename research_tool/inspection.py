"""``research inspect``: a plan or snapshot as plain, JSON-ready data.

The shape is a contract other tools read (see docs/study-model.md); ``at``
is seconds or None, ``line`` is 1-based, dates are ISO strings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from research_tool.errors import ProblemsError
from research_tool.fileio import read_text
from research_tool.model import Plan, Snapshot
from research_tool.plans import parse_plan_text
from research_tool.snapshots import parse_snapshot_text
from research_tool.timecodes import format_timestamp
from research_tool.yamlblock import jsonable, load

SNAPSHOT_KEYS = ("participant_id", "research_plan", "source_transcript")


def inspect_file(path: Path) -> dict[str, Any]:
    """Parse ``path`` as a snapshot (it has a participant_id) or else a plan."""
    source = read_text(path)
    frontmatter, _, problems = load(path, source.text)
    if problems:
        raise ProblemsError(problems)

    if any(key in frontmatter for key in SNAPSHOT_KEYS):
        return snapshot_data(parse_snapshot_text(path, source.text, source.digest))
    return plan_data(parse_plan_text(path, source.text, source.digest))


def snapshot_data(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "kind": "snapshot",
        "file": str(snapshot.path),
        "frontmatter": jsonable(snapshot.frontmatter),
        "insights": [
            {
                "quote": i.quote,
                "type": i.type,
                "topics": list(i.topics),
                "context": i.context,
                "at": i.at,
                "line": i.line,
            }
            for i in snapshot.insights
        ],
        "hypotheses": [
            {
                "number": h.number,
                "hypothesis": h.hypothesis,
                "status": h.status,
                "evidence": [
                    {"quote": e.quote, "stance": e.stance, "at": e.at, "line": e.line}
                    for e in h.evidence
                ],
            }
            for h in snapshot.hypotheses
        ],
        "opportunities": [
            {"opportunity": o.opportunity, "strength": o.strength, "quote": o.quote}
            for o in snapshot.opportunities
        ],
    }


def plan_data(plan: Plan) -> dict[str, Any]:
    return {
        "kind": "plan",
        "file": str(plan.path),
        "frontmatter": jsonable(plan.frontmatter),
        "hypotheses": [
            {"number": h.number, "text": h.text, "status": h.status, "line": h.line}
            for h in plan.hypotheses
        ],
        "schedule": [
            {
                "participant": r.participant,
                "date": r.date,
                "status": r.status,
                "line": r.line,
            }
            for r in plan.schedule
        ],
    }


def describe(data: dict[str, Any]) -> str:
    """The inspected data as short readable text."""
    lines = [f"{data['kind']}: {data['file']}"]
    for key, value in data["frontmatter"].items():
        shown = ", ".join(map(str, value)) if isinstance(value, list) else value
        lines.append(f"  {key}: {shown}")
    if data["kind"] == "plan":
        lines.append("Hypotheses:")
        lines += [
            f"  {h['number']}. [{h['status']}] {h['text']}" for h in data["hypotheses"]
        ]
        lines.append("Schedule:")
        lines += [
            f"  {r['participant']} | {r['date']} | {r['status']}"
            for r in data["schedule"]
        ]
        return "\n".join(lines)

    lines.append("Insights:")
    for insight in data["insights"]:
        at = f" @{format_timestamp(insight['at'])}" if insight["at"] is not None else ""
        lines.append(
            f'  [{insight["type"]}] "{insight["quote"]}"{at} (line {insight["line"]})'
        )
    lines.append("Hypotheses:")
    for entry in data["hypotheses"]:
        lines.append(f"  {entry['number']}. {entry['status']}: {entry['hypothesis']}")
        for item in entry["evidence"]:
            lines.append(
                f'     {item["stance"] or "-"}: "{item["quote"]}" (line {item["line"]})'
            )
    lines.append("Opportunities:")
    lines += [f"  [{o['strength']}] {o['opportunity']}" for o in data["opportunities"]]
    return "\n".join(lines)
