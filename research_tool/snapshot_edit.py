"""Adding and removing hypothesis evidence in an existing snapshot file.

Only the lines that must change are touched: the ``### Evidence for
hypothesis N`` blocks added or removed, and that hypothesis's table row
(its Status and Evidence cells). The write is atomic and refused when the
file changed on disk since it was read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from research_tool.errors import SnapshotError
from research_tool.fileio import TextFile, atomic_write, read_text
from research_tool.mdtable import Document, parse_markdown, replace_cell, split_cells
from research_tool.model import Evidence, HypothesisEntry, Section, Snapshot
from research_tool.quoteblocks import QuoteBlock, read_blocks, unquote
from research_tool.snapshot_writer import (
    NO_EVIDENCE,
    EvidenceItem,
    evidence_block,
    quote,
    status_for,
)
from research_tool.yamlblock import find_block

_HEADING = "evidence for hypothesis "


@dataclass(frozen=True)
class Edit:
    """What an edit changed: the row's status before and after."""

    path: Path
    hypothesis: str
    before: str
    after: str
    evidence: int  # items the hypothesis has now


@dataclass
class _Open:
    """A snapshot read for editing."""

    source: TextFile
    snapshot: Snapshot
    document: Document
    lines: list[str]
    ending: str


def add_evidence(path: Path, number: str, item: EvidenceItem) -> Edit:
    """Add ``item`` as evidence for hypothesis ``number`` and update its row."""
    doc = _open(path)
    entry = _entry(doc, number)
    if any(_same(e.quote, item.quote) for e in entry.evidence):
        message = f"hypothesis {number} already has this quote; untag it first"
        raise SnapshotError(path, entry.line, message)

    # A quote written only in the table cell becomes a block too, so the new
    # block does not hide it (blocks take precedence over the cell).
    has_blocks = bool(_blocks(doc, number))
    current = [_item(e) for e in entry.evidence if e.stance is not None]
    written = [item] if has_blocks else [*current, item]

    new_lines = []
    for added in written:
        block = evidence_block(number, added.quote, added.stance, added.at, added.why)
        new_lines += ["", *block.split("\n")]
    after = _insert_after(doc, number)
    doc.lines[after:after] = [line + doc.ending for line in new_lines]

    items = [*current, item]
    doc.lines[entry.line - 1] = _row(doc, entry, items)
    return _write(doc, entry, items)


def remove_evidence(path: Path, number: str, text: str) -> Edit:
    """Remove the evidence quoting ``text`` from hypothesis ``number``."""
    doc = _open(path)
    entry = _entry(doc, number)
    if not any(_same(e.quote, text) for e in entry.evidence):
        message = f"hypothesis {number} has no evidence quoting that text"
        raise SnapshotError(path, entry.line, message)

    drop: set[int] = set()
    for section, blocks in _blocks(doc, number):
        gone = [b for b in blocks if _same(b.quote, text)]
        if gone and len(gone) == len(blocks):
            drop |= _with_blank_before(doc, section.line, _last_text_line(doc, section))
        for block in gone:
            drop |= _with_blank_before(doc, block.line, _block_end(doc, block))

    left = [_item(e) for e in entry.evidence if not _same(e.quote, text) and e.stance]
    doc.lines[entry.line - 1] = _row(doc, entry, left)
    doc.lines = [line for i, line in enumerate(doc.lines, start=1) if i not in drop]
    return _write(doc, entry, left)


def _open(path: Path) -> _Open:
    from research_tool.snapshots import parse_snapshot_text

    source = read_text(path)
    snapshot = parse_snapshot_text(path, source.text, source.digest)
    block = find_block(source.text)
    document = parse_markdown(source.text, blank_lines=block.end if block else 0)
    lines = source.text.split("\n")
    ending = "\r" if lines[0].endswith("\r") else ""
    return _Open(source, snapshot, document, lines, ending)


def _write(doc: _Open, entry: HypothesisEntry, items: list[EvidenceItem]) -> Edit:
    atomic_write(doc.source.path, "\n".join(doc.lines), expected=doc.source.digest)
    after = status_for([i.stance for i in items])
    return Edit(doc.source.path, entry.number, entry.status, after, len(items))


def _entry(doc: _Open, number: str) -> HypothesisEntry:
    for entry in doc.snapshot.hypotheses:
        if entry.number == number:
            return entry
    message = (
        f"the Hypothesis Tracking table has no row {number}; "
        "add the row (or fix the number) first"
    )
    raise SnapshotError(doc.source.path, 0, message)


def _blocks(doc: _Open, number: str) -> list[tuple[Section, list[QuoteBlock]]]:
    """The evidence subsections for ``number`` with their quote blocks."""
    section = doc.document.section("Hypothesis Tracking", 2)
    if section is None:
        return []
    found = []
    for sub in doc.document.subsections(section):
        if sub.title.casefold() == f"{_HEADING}{number}".casefold():
            blocks = read_blocks(doc.document.lines, sub.line + 1, sub.end_line)
            found.append((sub, blocks))
    return found


def _insert_after(doc: _Open, number: str) -> int:
    """The 0-based index after which new blocks for ``number`` go."""
    section = doc.document.section("Hypothesis Tracking", 2)
    assert section is not None  # the entry was parsed from it
    tables = doc.document.tables_in(section)
    last = max((r.line for r in tables[0].rows), default=tables[0].line + 1)
    for sub in doc.document.subsections(section):
        title = sub.title.casefold()
        if title.startswith(_HEADING) and _order(title) <= _order(_HEADING + number):
            last = _last_text_line(doc, sub)
    return last


def _order(title: str) -> tuple[int, str]:
    key = title[len(_HEADING) :].strip()
    return (int(key), "") if key.isdigit() else (10**6, key)


def _row(doc: _Open, entry: HypothesisEntry, items: list[EvidenceItem]) -> str:
    line = doc.lines[entry.line - 1].removesuffix("\r")
    table = next(t for t in doc.document.tables if t.line <= entry.line <= t.end_line)
    cells = split_cells(line)
    status_col = table.column("Status")
    evidence_col = table.column("Evidence")
    edits = []
    if status_col is not None and status_col < len(cells):
        edits.append((cells[status_col], status_for([i.stance for i in items])))
    if evidence_col is not None and evidence_col < len(cells):
        edits.append(
            (cells[evidence_col], quote(items[0].quote) if items else NO_EVIDENCE)
        )

    # Replace from the right so earlier cell offsets stay valid.
    for cell, text in sorted(edits, key=lambda e: -e[0].start):
        line = replace_cell(line, cell, text)
    return line + doc.ending


def _item(evidence: Evidence) -> EvidenceItem:
    assert evidence.stance is not None
    return EvidenceItem(evidence.quote, evidence.stance, evidence.at, evidence.why)


def _same(quoted: str, given: str) -> bool:
    """Whether ``given`` (as typed, quotation marks or not) is ``quoted``."""
    words = " ".join(quoted.split())
    typed = " ".join(given.split())
    return words in (typed, " ".join(unquote(typed)[0].split()))


def _last_text_line(doc: _Open, section: Section) -> int:
    last = section.line
    for number in range(section.line, section.end_line + 1):
        if doc.document.lines[number - 1].strip():
            last = number
    return last


def _block_end(doc: _Open, block: QuoteBlock) -> int:
    lines = [line for _, line in block.fields.values()]
    return max([block.line, *lines])


def _with_blank_before(doc: _Open, first: int, last: int) -> set[int]:
    span = set(range(first, last + 1))
    if first > 1 and not doc.document.lines[first - 2].strip():
        span.add(first - 1)
    return span
