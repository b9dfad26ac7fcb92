"""Marking the plan's Schedule rows of completed interviews.

A snapshot matches a row by its participant ID in the Participant cell,
else by an equal Date cell; a snapshot with no row fills the first row whose
Participant is TBD (ID, date, ``Completed``). IDs are matched first for all
snapshots, so a date never takes a row that an ID names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from research_tool.mdtable import Row, Table, replace_cell
from research_tool.model import Snapshot

COMPLETED = "Completed"
_ID_LIKE = re.compile(r"\b[A-Za-z]+-\d+\b")

Matcher = Callable[[Row, Snapshot], bool]


@dataclass(frozen=True)
class ScheduleEdit:
    line: int
    text: str  # the whole new line
    change: str  # what changed, for people


def schedule_edits(
    lines: tuple[str, ...], table: Table, snapshots: list[Snapshot]
) -> tuple[list[ScheduleEdit], list[Snapshot]]:
    """Line edits for the Schedule table, and the snapshots that found no row."""
    columns = [table.column(n) for n in ("Participant", "Date", "Status")]
    participant, date, status = columns
    if participant is None or date is None or status is None:
        return [], list(snapshots)

    rows = list(table.rows)
    taken: dict[int, Snapshot] = {}
    filled: set[int] = set()
    pending = list(snapshots)
    for matches in (_by_id(participant), _by_date(participant, date)):
        for snapshot in list(pending):
            index = _first(rows, taken, partial(_flip, matches, snapshot))
            if index is not None:
                taken[index] = snapshot
                pending.remove(snapshot)
    for snapshot in list(pending):
        index = _first(rows, taken, lambda row: row.get(participant).upper() == "TBD")
        if index is not None:
            taken[index] = snapshot
            filled.add(index)
            pending.remove(snapshot)

    edits = []
    for index, snapshot in sorted(taken.items()):
        row = rows[index]
        new = {status: COMPLETED}
        if index in filled:
            new |= {participant: snapshot.participant_id, date: snapshot.date}
        elif row.get(status).casefold().startswith(COMPLETED.casefold()):
            continue
        edits.append(_edit(lines[row.line - 1], row, new, snapshot))
    return edits, pending


def _by_id(participant: int) -> Matcher:
    def matches(row: Row, snapshot: Snapshot) -> bool:
        pid = snapshot.participant_id
        pattern = rf"(?<![\w-]){re.escape(pid)}(?![\w-])"
        return bool(pid) and re.search(pattern, row.get(participant), re.I) is not None

    return matches


def _by_date(participant: int, date: int) -> Matcher:
    def matches(row: Row, snapshot: Snapshot) -> bool:
        if _ID_LIKE.search(row.get(participant)):
            return False  # the row names another participant's ID
        return bool(snapshot.date) and row.get(date) == snapshot.date

    return matches


def _flip(matches: Matcher, snapshot: Snapshot, row: Row) -> bool:
    return matches(row, snapshot)


def _first(
    rows: list[Row], taken: dict[int, Snapshot], test: Callable[[Row], bool]
) -> int | None:
    return next((i for i, row in enumerate(rows) if i not in taken and test(row)), None)


def _edit(line: str, row: Row, new: dict[int, str], snapshot: Snapshot) -> ScheduleEdit:
    # Right to left, so the spans of cells still to replace stay valid.
    for index in sorted(new, reverse=True):
        if index < len(row.cells):
            line = replace_cell(line, row.cells[index], new[index])
    change = f"schedule row {row.get(0)}: {snapshot.participant_id} {COMPLETED}"
    return ScheduleEdit(row.line, line, change)
