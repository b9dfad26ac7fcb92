from __future__ import annotations

from pathlib import Path

from research_tool.mdtable import parse_markdown
from research_tool.model import Snapshot
from research_tool.schedule import schedule_edits

TABLE = """| # | Participant | Date | Status |
|---|---|---|---|
| 1 | Krista (user-001) | 2026-02-10 | Scheduled |
| 2 | user-004 | 2026-03-01 | Scheduled |
| 3 | Ashley | 2026-03-01 | Completed (notes) |
| 4 | TBD | TBD | Not scheduled |
| 5 | TBD | TBD | Not scheduled |
"""


def _snapshot(pid: str, date: str) -> Snapshot:
    return Snapshot(
        Path(f"{pid}.md"), "", "", {"participant_id": pid, "date": date}, [], [], [], {}
    )


def _apply(text: str, snapshots: list[Snapshot]) -> tuple[str, list[str]]:
    document = parse_markdown(text)
    edits, left = schedule_edits(document.lines, document.tables[0], snapshots)
    lines = text.split("\n")
    for edit in edits:
        lines[edit.line - 1] = edit.text
    return "\n".join(lines), [s.participant_id for s in left]


def test_id_then_date_then_tbd() -> None:
    snapshots = [
        _snapshot("user-001", "2026-02-09"),  # by ID, though the date differs
        _snapshot("user-002", "2026-03-01"),  # by date; row 2 names user-004
        _snapshot("user-003", "2026-03-05"),  # fills the first TBD row
    ]

    text, left = _apply(TABLE, snapshots)
    rows = text.split("\n")[2:7]
    assert rows[0] == "| 1 | Krista (user-001) | 2026-02-10 | Completed |"
    assert rows[1] == "| 2 | user-004 | 2026-03-01 | Scheduled |"
    assert rows[2] == "| 3 | Ashley | 2026-03-01 | Completed (notes) |"
    assert rows[3] == "| 4 | user-003 | 2026-03-05 | Completed |"
    assert rows[4] == "| 5 | TBD | TBD | Not scheduled |"
    assert left == []


def test_second_run_changes_nothing_and_extra_snapshots_are_left() -> None:
    snapshots = [_snapshot(f"user-{n:03d}", f"2026-04-0{n}") for n in range(5, 9)]

    once, left = _apply(TABLE, snapshots)
    twice, left_again = _apply(once, snapshots)
    assert once == twice
    assert left == left_again == ["user-007", "user-008"]
    assert "| 4 | user-005 | 2026-04-05 | Completed |" in once


def test_an_id_is_matched_as_a_whole_word() -> None:
    text, _ = _apply(TABLE, [_snapshot("user-00", "2027-01-01")])

    assert "| 1 | Krista (user-001) | 2026-02-10 | Scheduled |" in text
    assert "| 4 | user-00 | 2027-01-01 | Completed |" in text
