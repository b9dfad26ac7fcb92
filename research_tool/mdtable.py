"""Markdown sections and tables with their line ranges, for reading and editing.

markdown-it-py finds headings and tables (and where each starts and ends);
cells are split from the raw lines here, so an editor can replace one cell's
text and leave every other byte of the line alone. Lines are counted from 1,
split on ``\\n`` only; a ``\\r`` before it belongs to the line ending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from markdown_it import MarkdownIt

from research_tool.model import Section

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class Cell:
    """One table cell: its text (trimmed, ``\\|`` unescaped) and raw span."""

    text: str
    start: int  # offset in the line just after the opening pipe
    end: int  # offset of the closing pipe (or end of line)


@dataclass(frozen=True)
class Row:
    line: int
    cells: tuple[Cell, ...]

    def get(self, index: int | None) -> str:
        """The text of cell ``index``; empty when the row is short."""
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index].text


@dataclass(frozen=True)
class Table:
    line: int
    end_line: int
    header: Row
    rows: tuple[Row, ...]

    def column(self, *names: str) -> int | None:
        """Index of the first header cell named one of ``names`` (any case)."""
        wanted = {name.casefold() for name in names}
        for index, cell in enumerate(self.header.cells):
            if cell.text.casefold() in wanted:
                return index
        return None


@dataclass(frozen=True)
class Document:
    """The lines of a Markdown text with its headings and tables."""

    lines: tuple[str, ...]  # without line endings
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]

    def section(self, title: str, level: int | None = None) -> Section | None:
        """The first heading titled ``title`` (any case, trailing colon ignored)."""
        wanted = _title_key(title)
        for section in self.sections:
            if _title_key(section.title) == wanted and level in (None, section.level):
                return section
        return None

    def tables_in(self, section: Section) -> list[Table]:
        return [t for t in self.tables if section.line < t.line <= section.end_line]

    def subsections(self, section: Section) -> list[Section]:
        return [
            s
            for s in self.sections
            if section.line < s.line <= section.end_line and s.level > section.level
        ]

    def body(self, section: Section) -> str:
        """The section's text below its heading, trimmed."""
        return "\n".join(self.lines[section.line : section.end_line]).strip()


def split_lines(text: str) -> list[str]:
    """Lines without endings (``\\n`` or ``\\r\\n``), as markdown-it counts them."""
    return [part.removesuffix("\r") for part in text.split("\n")]


def parse_markdown(text: str, *, blank_lines: int = 0) -> Document:
    """Parse ``text``, treating its first ``blank_lines`` lines as empty.

    ``blank_lines`` hides a frontmatter block from the Markdown parser while
    keeping every line number as it is in the file.
    """
    lines = split_lines(text)
    visible = [""] * min(blank_lines, len(lines)) + lines[blank_lines:]
    source = "\n".join(line.replace("\r", " ") for line in visible)
    tokens = _parser().parse(source)

    headings: list[tuple[int, str, int]] = []
    tables: list[Table] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            title = tokens[index + 1].content.strip()
            headings.append((int(token.tag[1]), title, token.map[0] + 1))
        elif token.type == "table_open" and token.map:
            tables.append(_table(lines, token.map[0], token.map[1]))

    return Document(tuple(lines), tuple(_sections(headings, len(lines))), tuple(tables))


def split_cells(line: str) -> tuple[Cell, ...]:
    """Split a table row into cells on unescaped pipes."""
    pipes = [m.start() for m in _UNESCAPED_PIPE.finditer(line)]
    bounds = [-1, *pipes, len(line)]
    cells: list[Cell] = []
    for left, right in pairwise(bounds):
        raw = line[left + 1 : right]
        cells.append(Cell(raw.strip().replace("\\|", "|"), left + 1, right))

    # A leading or trailing pipe does not open an empty cell.
    if pipes and not line[: pipes[0]].strip():
        cells = cells[1:]
    if pipes and not line[pipes[-1] + 1 :].strip():
        cells = cells[:-1]
    return tuple(cells)


def replace_cell(line: str, cell: Cell, text: str) -> str:
    """``line`` with ``cell`` holding ``text``, keeping its padding if it fits."""
    raw = line[cell.start : cell.end]
    lead = raw[: len(raw) - len(raw.lstrip())] if raw.strip() else " "
    body = lead + escape_cell(text)

    # An aligned table (cells padded past one space) stays aligned if it fits.
    trail = raw[len(raw.rstrip()) :] if raw.strip() else " "
    if len(trail) > 1:
        trail = " " * max(1, len(raw) - len(body))
    if cell.end == len(line):
        trail = ""
    return line[: cell.start] + body + trail + line[cell.end :]


def set_cell(line: str, cells: tuple[Cell, ...], index: int, text: str) -> str:
    """``line`` with cell ``index`` holding ``text``, adding cells the row lacks."""
    if index < len(cells):
        return replace_cell(line, cells[index], text)
    base = line.rstrip()
    base += "" if base.endswith("|") and not base.endswith("\\|") else " |"
    added = [""] * (index - len(cells)) + [escape_cell(text)]
    return base + "".join(f" {cell} |" for cell in added)


def escape_cell(text: str) -> str:
    """Make ``text`` safe inside one table cell (one line, pipes escaped)."""
    flat = " ".join(text.replace("\r", " ").split("\n"))
    return _UNESCAPED_PIPE.sub(r"\\|", flat.replace("\\|", "|"))


def replace_lines(text: str, edits: dict[int, str]) -> str:
    """``text`` with the 1-based lines in ``edits`` replaced, endings kept."""
    parts = text.split("\n")
    for number, content in edits.items():
        ending = "\r" if parts[number - 1].endswith("\r") else ""
        parts[number - 1] = content + ending
    return "\n".join(parts)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Headings, tables, fences and HTML blocks are all we need. Inline parsing
    # and list nesting are most of the cost; with lists off, a "---" under a
    # list item would read as a setext heading, so those are off too (plans
    # and snapshots use "#" headings).
    parser = MarkdownIt("commonmark").enable("table")
    return parser.disable(["inline", "text_join", "list", "lheading"])


def _table(lines: list[str], start: int, end: int) -> Table:
    header = Row(start + 1, split_cells(lines[start]))
    rows = tuple(
        Row(number + 1, split_cells(lines[number]))
        for number in range(start + 2, end)
        if lines[number].strip()
    )
    return Table(start + 1, end, header, rows)


def _sections(headings: list[tuple[int, str, int]], total: int) -> list[Section]:
    sections = []
    for index, (level, title, line) in enumerate(headings):
        end = total
        for other_level, _, other_line in headings[index + 1 :]:
            if other_level <= level:
                end = other_line - 1
                break
        sections.append(Section(level, title, line, end))
    return sections


def _title_key(title: str) -> str:
    return " ".join(title.strip().rstrip(":").split()).casefold()
