"""A snapshot's Hypothesis Tracking table and its evidence blocks.

Evidence for hypothesis N is the ``### Evidence for hypothesis N`` blocks
under the table when there are any, else the row's Evidence cell as one
item whose stance follows the row's status.
"""

from __future__ import annotations

import re
from pathlib import Path

from research_tool.errors import Problem
from research_tool.mdtable import Document
from research_tool.model import SNAPSHOT_STATUSES, Evidence, HypothesisEntry, Stance
from research_tool.quoteblocks import QuoteBlock, block_time, read_blocks, unquote

_STATUS = re.compile(r"^(SUPPORTED|CHALLENGED|MIXED|NEW|NO[ _-]DATA)\b", re.IGNORECASE)
_EVIDENCE_HEADING = re.compile(r"^evidence for hypothesis\s+(\S+)$", re.IGNORECASE)
NO_STATUS_COLUMN = "the Hypothesis Tracking table has no Status column"
_EMPTY_CELL = {"", "-", "—", "–", "n/a", "none", "no data"}
ROW_STANCE: dict[str, Stance] = {"SUPPORTED": "supports", "CHALLENGED": "challenges"}
STANCE_WORDS: dict[str, Stance] = {"supports": "supports", "challenges": "challenges"}


def row_stance(status: str) -> Stance | None:
    """The stance a hand-written Evidence cell takes from its row's status."""
    return ROW_STANCE.get(status)


def read_tracking(
    path: Path, document: Document, problems: list[Problem]
) -> list[HypothesisEntry]:
    section = document.section("Hypothesis Tracking", 2)
    tables = document.tables_in(section) if section else []
    if section is None or not tables:
        return []
    table = tables[0]
    number_col, text_col = table.column("#"), table.column("Hypothesis")
    status_col, evidence_col = table.column("Status"), table.column("Evidence")
    if status_col is None:
        problems.append(Problem(path, table.line, NO_STATUS_COLUMN))
        return []

    blocks = _evidence_blocks(path, document, problems)

    entries = []
    for row in table.rows:
        number = row.get(0 if number_col is None else number_col)
        match = _STATUS.match(row.get(status_col))
        if match is None:
            allowed = ", ".join(SNAPSHOT_STATUSES)
            message = f"unknown status {row.get(status_col)!r}; use one of {allowed}"
            problems.append(Problem(path, row.line, message))
            continue
        status = " ".join(
            match.group(1).upper().replace("_", " ").replace("-", " ").split()
        )
        evidence = blocks.pop(number, None)
        if evidence is None:
            evidence = _cell_evidence(row.get(evidence_col), status, row.line)
        entries.append(
            HypothesisEntry(
                number, row.get(text_col), status, tuple(evidence), row.line
            )
        )

    for number, items in blocks.items():
        message = (
            f"evidence for hypothesis {number} but the table has no row "
            f"{number}; add the row"
        )
        problems.append(
            Problem(path, items[0].line if items else section.line, message)
        )
    return entries


def _evidence_blocks(
    path: Path, document: Document, problems: list[Problem]
) -> dict[str, list[Evidence]]:
    section = document.section("Hypothesis Tracking", 2)
    assert section is not None
    found: dict[str, list[Evidence]] = {}
    for sub in document.subsections(section):
        match = _EVIDENCE_HEADING.match(sub.title)
        if match is None:
            continue
        items = found.setdefault(match.group(1), [])
        for block in read_blocks(document.lines, sub.line + 1, sub.end_line):
            item = _evidence_item(path, block, problems)
            if item is not None:
                items.append(item)
    return found


def _evidence_item(
    path: Path, block: QuoteBlock, problems: list[Problem]
) -> Evidence | None:
    text, line = block.fields.get("stance", ("", block.line))
    stance = STANCE_WORDS.get(text.strip().casefold())
    if stance is None:
        found = f"unknown stance {text.strip()!r}" if text.strip() else "no **Stance:**"
        problems.append(Problem(path, line, f"{found}; use supports or challenges"))
        return None

    why = block.fields.get("why", ("", 0))[0]
    return Evidence(
        block.quote, stance, block_time(path, block, problems), block.line, why
    )


def _cell_evidence(cell: str, status: str, line: int) -> list[Evidence]:
    # A NO DATA row's cell is a note (e.g. "not asked"), not a quote.
    if status == "NO DATA" or cell.strip().casefold() in _EMPTY_CELL:
        return []
    quote, _ = unquote(cell)
    return [Evidence(quote, row_stance(status), None, line)]
