"""What ``research status`` prints: a readable summary, or a JSON-ready dict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from research_tool.rollup import RULE, status_cell
from research_tool.status import StatusUpdate


def as_dict(update: StatusUpdate) -> dict[str, Any]:
    """The update as plain data (the ``--json`` output)."""
    root = update.loaded.study.root
    return {
        "plan": str(update.path),
        "changed": update.changed,
        "written": update.written,
        "rule": RULE,
        "interviews": update.rollup.interviews,
        "hypotheses": [
            {
                "number": h.number,
                "text": h.text,
                "status": h.status,
                "cell": status_cell(h),
                "supports": h.supports,
                "challenges": h.challenges,
                "mixed": h.mixed,
                "no_data": h.no_data,
            }
            for h in update.rollup.hypotheses
        ],
        "new_hypotheses": [
            {
                "participant_id": snapshot.participant_id,
                "snapshot": _relative(snapshot.path, root),
                "number": entry.number,
                "hypothesis": entry.hypothesis,
                "line": entry.line,
            }
            for snapshot, entry in update.rollup.new_hypotheses
        ],
        "transcripts": update.transcripts,
        "unprocessed": [_relative(p, root) for p in update.unprocessed],
        "snapshots": len(update.loaded.snapshots),
        "follow_ups": [f.__dict__ for f in update.follow_ups],
        "changes": list(update.changes),
        "evidence_note": update.evidence_note,
    }


def summary(update: StatusUpdate) -> str:
    """The readable summary printed after a run."""
    lines = ["Hypotheses:"]
    for h in update.rollup.hypotheses:
        counts = (
            f"{h.supports} for, {h.challenges} against, {h.mixed} mixed, "
            f"{h.no_data} no data"
        )
        lines.append(f"  {h.number}. {status_cell(h)}  [{counts}]")
        lines.append(f"     {h.text}")
    lines.append(f"Rule: {RULE}")

    lines.append(
        f"{update.transcripts} transcripts ({len(update.unprocessed)} unprocessed), "
        f"{len(update.loaded.snapshots)} snapshots"
    )
    if update.evidence_note:
        lines.append(f"Evidence: {update.evidence_note}")
    root = update.loaded.study.root
    if update.rollup.new_hypotheses:
        lines.append("New hypotheses (not added to the plan):")
        for snapshot, entry in update.rollup.new_hypotheses:
            where = f"{_relative(snapshot.path, root)}:{entry.line}"
            who = f"{entry.number} ({snapshot.participant_id})"
            lines.append(f"  {who} {entry.hypothesis}  {where}")
    if update.follow_ups:
        lines.append("Follow-ups (no evidence yet):")
        for follow in update.follow_ups:
            lines.append(f"  {follow.number}. {follow.hypothesis}")
            if follow.probe:
                lines.append(
                    f'     ask: "{follow.probe}" (plan line {follow.probe_line})'
                )
    return "\n".join(lines)


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
