"""A damaged PDF: our own ``Error:`` line on stderr, pypdf's remarks in debug logs.

The commands run in a fresh process: under pytest a handler sits on the root
logger, which would hide pypdf's stray warnings from stderr.
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest

from research_tool.errors import TranscriptFormatError
from research_tool.transcripts import read_transcript
from tests.fixtures.redaction import planted

SNAPSHOT = Path("interviews/2026-01-29-participant-002.md")
CITED = 'source_transcript: "2026-01-29-ashley.txt"'
ERROR = re.compile(r"^Error: (?P<file>.+\.pdf):1: cannot read this PDF \(\w+\); ")


def research(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "research_tool", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def truncated_pdf(path: Path) -> Path:
    """A PDF cut off half way, with no ``%%EOF`` marker."""
    planted.write_pdf(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def misdirected_pdf(path: Path) -> Path:
    """A whole PDF whose ``startxref`` points nowhere: pypdf repairs it, noisily."""
    planted.write_pdf(path)
    data = path.read_bytes()
    at = data.rindex(b"startxref")
    path.write_bytes(data[:at] + b"startxref\n999999\n%%EOF\n")
    return path


def test_an_unreadable_pdf_gives_only_our_error_line(tmp_path: Path) -> None:
    pdf = truncated_pdf(tmp_path / "broken.pdf")

    done = research("transcript", str(pdf))

    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    match = ERROR.match(lines[0])
    assert match is not None and match["file"] == str(pdf), done.stderr


def test_a_repaired_pdf_is_read_without_chatter(tmp_path: Path) -> None:
    pdf = misdirected_pdf(tmp_path / "repaired.pdf")

    done = research("transcript", str(pdf), "--json")

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert json.loads(done.stdout)["format"] == "pdf"


def test_a_cited_broken_pdf_names_itself_and_nothing_else(
    example_study: Path,
) -> None:
    truncated_pdf(example_study / "transcripts" / "2026-01-29-ashley.pdf")
    snapshot = example_study / SNAPSHOT
    text = snapshot.read_text(encoding="utf-8")
    assert CITED in text
    snapshot.write_text(text.replace("ashley.txt", "ashley.pdf"), encoding="utf-8")

    verified = research("verify", str(example_study))
    status = research("status", str(example_study), "--check")

    assert verified.returncode == 1
    errors = verified.stderr.splitlines()
    assert len(errors) == 1 and ERROR.match(errors[0]), verified.stderr
    assert "ashley.pdf:1: cannot read this PDF" in status.stderr
    for output in (verified.stderr, status.stderr):
        assert "EOF marker" not in output and "pypdf" not in output


def test_pypdf_remarks_become_debug_records(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pdf = truncated_pdf(tmp_path / "broken.pdf")
    pypdf = logging.getLogger("pypdf")
    handlers, propagate = list(pypdf.handlers), pypdf.propagate

    with caplog.at_level(logging.DEBUG), pytest.raises(TranscriptFormatError):
        read_transcript(pdf)

    remarks = [
        r
        for r in caplog.records
        if r.name == "research_tool.transcripts.pdf" and "pypdf: " in r.getMessage()
    ]
    assert remarks and all(r.levelno == logging.DEBUG for r in remarks)
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
    assert (pypdf.handlers, pypdf.propagate) == (handlers, propagate)
