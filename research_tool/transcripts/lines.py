"""Walking a text line by line, knowing each line's number and offset."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    offset: int  # of the line's first character in the text
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def content_offset(self) -> int:
        """The offset of the line's first non-space character."""
        return self.offset + len(self.text) - len(self.text.lstrip())


def iter_lines(text: str) -> Iterator[Line]:
    """Every line of ``text`` (LF line endings), with number and offset."""
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        yield Line(number, offset, line)
        offset += len(line) + 1


def line_of(text: str, offset: int) -> int:
    """The 1-based line number of ``offset`` in ``text``."""
    return text.count("\n", 0, max(0, offset)) + 1


def blocks(text: str) -> Iterator[list[Line]]:
    """Runs of non-blank lines, separated by blank lines."""
    block: list[Line] = []
    for line in iter_lines(text):
        if line.text.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def first_long_line(text: str, limit: int) -> tuple[int, int] | None:
    """``(line number, length)`` of the first line longer than ``limit``."""
    start, number = 0, 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > limit:
            return number, end - start
        start, number = end + 1, number + 1
    return None


def mask_lines(text: str, drop: Callable[[str], bool]) -> str:
    """``text`` with every line ``drop`` picks blanked: offsets stay put."""
    return "\n".join(
        " " * len(line) if drop(line) else line for line in text.split("\n")
    )
