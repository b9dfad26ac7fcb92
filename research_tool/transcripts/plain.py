"""Plain text: ``Interviewer: ...``, ``P3: ...``, ``[12:34]`` markers.

A label alone on its line (``Dan:``) gives the speaker of the lines below.
"""

from __future__ import annotations

from pathlib import Path

from research_tool.transcripts.labelled import read_labelled
from research_tool.transcripts.names import split_label
from research_tool.transcripts.turns import Parsed


def read_plain(path: Path, text: str) -> Parsed:
    return Parsed(text, read_labelled(path, text, split_label, "`Name: text`"))
