"""Many small cases in one readable file, markdown-it-py style.

A case is a ``# title`` line, then blocks separated by lines holding only a
dot: the input, then the expected output::

    # a wish
    .
    I wish the report would build itself.
    .
    desire
    .
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from research_tool.model import Transcript, Turn


@dataclass(frozen=True)
class Case:
    title: str
    line: int
    input: str
    expected: str


def read_cases(path: Path) -> list[Case]:
    lines = path.read_text("utf-8").splitlines()
    cases = []
    title, start, blocks, current = "", 0, [], None
    for number, line in enumerate(lines, start=1):
        if line.startswith("# ") and current is None:
            title, start, blocks = line[2:].strip(), number, []
        elif line.strip() == ".":
            if current is not None:
                blocks.append("\n".join(current))
            current = []
            if len(blocks) == 2:
                cases.append(Case(title, start, blocks[0], blocks[1].strip()))
                blocks, current = [], None
        elif current is not None:
            current.append(line)
    return cases


def parametrize(path: Path) -> pytest.MarkDecorator:
    """``@parametrize(file)``: one test per case, its id the title and line."""
    cases = read_cases(path)
    ids = [f"{path.stem}:{c.line}:{c.title}" for c in cases]
    return pytest.mark.parametrize("case", cases, ids=ids)


def transcript(*turns: tuple[str, str], start: float = 0.0) -> Transcript:
    """A transcript from ``(role, text)`` pairs, one turn each, a minute apart."""
    built = []
    offset = 0
    for index, (role, text) in enumerate(turns):
        speaker = "Interviewer" if role == "interviewer" else "Pat"
        built.append(
            Turn(index, speaker, role, start + 60 * index, None, text, offset)  # type: ignore[arg-type]
        )
        offset += len(text) + 1
    full = "\n".join(text for _, text in turns)
    return Transcript(Path("test.txt"), "plain-txt", "utf-8", False, full, built)
