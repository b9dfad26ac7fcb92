"""Redaction and quote verification speed.

Targets: a 9,000-word transcript redacted in well under 0.2 s without a
model; ``verify`` over 1,000 snapshots in seconds (each transcript read and
redacted once, each quote located by a substring search).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks._util import CORPUS, Row, median_seconds
from benchmarks.synthetic import make_study
from research_tool.redaction import redact
from research_tool.studies import load_study
from research_tool.transcripts import read_transcript
from research_tool.verify import verify_study

CORPUS10 = CORPUS / "10_markdown-bold-speakers_changelog-founders-talk-94.md"
SIZES = (100, 1000)


def benchmarks() -> list[Row]:
    rows = []
    if CORPUS10.is_file():
        transcript = read_transcript(CORPUS10)
        words = len(transcript.text.split())
        seconds = median_seconds(lambda: redact(transcript, participant_id="user-001"))
        rows.append(Row("redaction", f"redact corpus 10 ({words:,} words)", seconds))

    with tempfile.TemporaryDirectory() as folder:
        for n in SIZES:
            loaded = load_study(make_study(Path(folder) / str(n), n))
            quotes = len(verify_study(loaded).items)
            seconds = median_seconds(lambda s=loaded: verify_study(s), repeat=3)
            rows.append(
                Row(
                    "redaction",
                    f"verify_study, {n} snapshots",
                    seconds,
                    note=f"{quotes} quotes",
                )
            )
    return rows
