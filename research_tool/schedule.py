"""Marking the plan's Schedule rows of completed interviews.

A snapshot matches a row by its participant ID in the Participant cell,
else by an equal Date cell; a snapshot with no row fills the first row whose
Participant is TBD (ID, date, ``Completed``). IDs are matched first for all
snapshots, so a date never takes a row that an ID names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from research_tool.mdtable import Row, Table, set_cell, split_cells
from research_tool.model import Snapshot

COMPLETED = "Completed"
_ID_LIKE = re.compile(r"\b[A-Za-z]+-\d+\b")
_WORDS = re.compile(r"[\w-]+")


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
    by_id, by_date, tbd = _indexes(rows, participant, date)
    taken: dict[int, Snapshot] = {}
    filled: set[int] = set()

    # IDs first for every snapshot, then dates, then the TBD rows in order.
    pending = list(snapshots)
    for rows_by_key, key in ((by_id, _id_key), (by_date, _date_key)):
        pending = [
            s
            for s in pending
            if _take(rows_by_key.get(key(s), []) if key(s) else [], taken, s) is None
        ]
    left = []
    for snapshot in pending:
        found = _take(tbd, taken, snapshot)
        if found is None:
            left.append(snapshot)
        else:
            filled.add(found)

    edits = []
    for index, snapshot in sorted(taken.items()):
        row = rows[index]
        new = {status: COMPLETED}
        if index in filled:
            new |= {participant: snapshot.participant_id, date: snapshot.date}
        elif row.get(status).casefold().startswith(COMPLETED.casefold()):
            continue
        edits.append(_edit(lines[row.line - 1], row, new, snapshot))
    return edits, left


def _indexes(
    rows: list[Row], participant: int, date: int
) -> tuple[dict[str, list[int]], dict[str, list[int]], list[int]]:
    """Row numbers by the ID-like words of Participant, by Date, and TBD rows."""
    by_id: dict[str, list[int]] = {}
    by_date: dict[str, list[int]] = {}
    tbd = []
    for index, row in enumerate(rows):
        who = row.get(participant)
        for word in dict.fromkeys(_WORDS.findall(who.casefold())):
            by_id.setdefault(word, []).append(index)
        if who.upper() == "TBD":
            tbd.append(index)
        elif not _ID_LIKE.search(who):  # a row naming an ID is that person's
            by_date.setdefault(row.get(date), []).append(index)
    return by_id, by_date, tbd


def _take(
    candidates: list[int], taken: dict[int, Snapshot], snapshot: Snapshot
) -> int | None:
    """Give ``snapshot`` the first free row among ``candidates``, if any."""
    while candidates and candidates[0] in taken:
        candidates.pop(0)
    if not candidates:
        return None
    index = candidates.pop(0)
    taken[index] = snapshot
    return index


def _id_key(snapshot: Snapshot) -> str:
    return snapshot.participant_id.casefold()


def _date_key(snapshot: Snapshot) -> str:
    return snapshot.date


def _edit(line: str, row: Row, new: dict[int, str], snapshot: Snapshot) -> ScheduleEdit:
    # Right to left, so the spans of cells still to replace stay valid.
    for index in sorted(new, reverse=True):
        line = set_cell(line, split_cells(line), index, new[index])
    change = f"schedule row {row.get(0)}: {snapshot.participant_id} {COMPLETED}"
    return ScheduleEdit(row.line, line, change)
