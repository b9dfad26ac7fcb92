"""Markdown: ``**Priya Shah:** ...``; unlabelled paragraphs continue.

Headings are not speech. Time markers may be escaped (``\\[05:42\\]``).
"""

from __future__ import annotations

import re
from pathlib import Path

from research_tool.transcripts.labelled import read_labelled
from research_tool.transcripts.names import is_name
from research_tool.transcripts.turns import Parsed

_BOLD = re.compile(r"\*\*(?P<name>[^*\n]{1,50}?)(?::\*\*|\*\*[ \t]*:)(?=\s|$)")


def bold_label(line: str) -> tuple[str, int] | None:
    match = _BOLD.match(line)
    if match is None or not is_name(match["name"]):
        return None
    return match["name"].strip(), match.end()


def read_markdown(path: Path, text: str) -> Parsed:
    cues = read_labelled(path, text, bold_label, "`**Name:**`", skip="#")
    return Parsed(text, cues)
