"""Quotes as a CSV table that opens cleanly in a spreadsheet.

UTF-8 with a byte order mark (so Excel reads the accents right), every field
quoted, CRLF row ends. A cell that starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return is prefixed with an apostrophe, so a spreadsheet
shows it as text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io

from research_tool.export.bundle import StudyBundle
from research_tool.export.records import participant_fields, snapshot_quotes
from research_tool.timecodes import format_timestamp

HEADER = (
    "study",
    "participant",
    "role",
    "company type",
    "date",
    "type",
    "topics",
    "hypothesis",
    "stance",
    "timestamp",
    "quote",
    "snapshot",
    "line",
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: str) -> str:
    """``value``, with an apostrophe in front when a spreadsheet would run it.

    >>> guard_cell("=SUM(A1:A3)")
    "'=SUM(A1:A3)"
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def quote_rows(bundle: StudyBundle) -> list[list[str]]:
    """One row per quote of every snapshot, in snapshot and line order."""
    rows = []
    for snapshot in bundle.snapshots:
        person = participant_fields(snapshot)
        for record in snapshot_quotes(snapshot):
            quote = (
                f"[Observed behavior] {record.quote}"
                if record.observed
                else record.quote
            )
            rows.append(
                [
                    bundle.name,
                    person["participant"],
                    person["role"],
                    person["company_type"],
                    person["date"],
                    record.type,
                    ", ".join(record.topics),
                    "; ".join(record.hypotheses),
                    "; ".join(record.stances),
                    "" if record.at is None else format_timestamp(record.at),
                    quote,
                    bundle.relative(snapshot.path),
                    str(record.line),
                ]
            )
    return rows


def write_csv(bundle: StudyBundle) -> tuple[bytes, int]:
    """The CSV file's bytes and the number of quote rows."""
    rows = quote_rows(bundle)
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow(HEADER)
    writer.writerows([guard_cell(cell) for cell in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8"), len(rows)
