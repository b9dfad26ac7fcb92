"""Quote blocks: a ``> "quote"`` line followed by ``- **Key:** value`` lines.

Insights and evidence items in a snapshot are written this way. A block
runs from its first ``>`` line to the next block or heading; consecutive
``>`` lines are one quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from research_tool.errors import Problem
from research_tool.timecodes import parse_timestamp

OBSERVED = "[Observed behavior]"

_FIELD = re.compile(r"^\s*[-*+]\s+\*\*([^*]+?):?\*\*:?\s*(.*?)\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_OPENING = '"“'
_CLOSING = '"”'


@dataclass
class QuoteBlock:
    line: int  # the first ``>`` line
    quote: str  # without its surrounding quotation marks
    observed: bool
    fields: dict[str, tuple[str, int]] = field(
        default_factory=dict
    )  # key -> (value, line)


def read_blocks(lines: tuple[str, ...], first: int, last: int) -> list[QuoteBlock]:
    """Quote blocks between 1-based lines ``first`` and ``last`` (inclusive)."""
    blocks: list[QuoteBlock] = []
    current: QuoteBlock | None = None
    quoting = False
    for number in range(first, last + 1):
        line = lines[number - 1]
        stripped = line.lstrip()

        if stripped.startswith(">"):
            content = stripped[1:].removeprefix(" ").strip()
            if quoting and current is not None:
                current.quote = f"{current.quote} {content}".strip()
            else:
                current = QuoteBlock(number, content, False)
                blocks.append(current)
            quoting = True
            continue

        quoting = False
        if _HEADING.match(line):
            current = None
            continue
        match = _FIELD.match(line)
        if match and current is not None:
            current.fields.setdefault(
                match.group(1).strip().casefold(), (match.group(2), number)
            )

    for block in blocks:
        block.quote, block.observed = unquote(block.quote)
    return blocks


def unquote(text: str) -> tuple[str, bool]:
    """A quote's words without its marks, and whether it is an observation."""
    text = text.strip()
    if text.startswith(OBSERVED):
        return text[len(OBSERVED) :].strip(), True
    if len(text) >= 2 and text[0] in _OPENING and text[-1] in _CLOSING:
        return text[1:-1].strip(), False
    return text, False


def block_time(path: Path, block: QuoteBlock, problems: list[Problem]) -> float | None:
    """The block's ``**At:**`` time in seconds; a bad time is a problem."""
    text, line = block.fields.get("at", ("", 0))
    if not text.strip():
        return None
    seconds = parse_timestamp(text.strip().strip("`"))
    if seconds is None:
        problems.append(
            Problem(path, line, f"**At:** {text!r} is not a time; write it as 00:12:31")
        )
    return seconds
