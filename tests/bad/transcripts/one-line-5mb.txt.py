"""Writes a 5 MB transcript with no line break, at test time (not committed)."""

from __future__ import annotations

from pathlib import Path

SIZE = 5 * 1024 * 1024
OPENING = "Interviewer: Walk me through your last Monday morning. Participant: "
SENTENCE = "Every Friday I rebuild the same status deck by hand from three exports. "


def generate(path: Path) -> None:
    """Write the file: one speaker label, then sentences, all on one line."""
    repeats = (SIZE - len(OPENING)) // len(SENTENCE) + 1
    path.write_text(OPENING + SENTENCE * repeats, encoding="utf-8")
