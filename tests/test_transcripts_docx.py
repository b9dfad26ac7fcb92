"""Word files, written with python-docx at test time."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from research_tool.errors import TranscriptFormatError
from research_tool.model import Transcript
from research_tool.transcripts import read_transcript


def assert_offsets(transcript: Transcript) -> None:
    for turn in transcript.turns:
        assert transcript.text[turn.offset :].startswith(turn.text.split()[0])


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        paragraph = document.add_paragraph()
        lines = text.split("\n")
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run = paragraph.add_run(line)
    document.save(str(path))
    return path


def test_teams_docx(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "teams.docx",
        [
            "Ana Lima   0:04",
            "How do you track renewals?",
            "",
            "Ben Ode   1:02:03",
            "In a spreadsheet.\nEvery Friday.",
            "Ana Lima stopped transcription",
        ],
    )
    transcript = read_transcript(path)

    assert transcript.format == "teams-docx"
    assert [(t.speaker, t.role, t.start, t.text) for t in transcript.turns] == [
        ("Ana Lima", "interviewer", 4.0, "How do you track renewals?"),
        ("Ben Ode", "participant", 3723.0, "In a spreadsheet. Every Friday."),
    ]
    assert_offsets(transcript)


def test_rev_docx(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "rev.docx",
        ["Speaker 1 (00:00):", "Why?", "Speaker 2 (00:05):", "Because."],
    )
    transcript = read_transcript(path)
    assert transcript.format == "rev-docx"
    assert [t.start for t in transcript.turns] == [0.0, 5.0]


def test_meet_docx_leaves_notes_out(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "meet.docx",
        [
            "Notes",
            "Summary",
            "Ben Ode: loves spreadsheets (this line is a note, not speech).",
            "Transcript",
            "00:00:00",
            "Ana Lima: How do you track renewals?",
            "Ben Ode: In a spreadsheet.",
        ],
    )
    transcript = read_transcript(path)
    assert transcript.format == "meet-docx"
    assert [t.text for t in transcript.turns] == [
        "How do you track renewals?",
        "In a spreadsheet.",
    ]


def test_hard_wrapped_paragraphs_are_joined(tmp_path: Path) -> None:
    sentence = "We export the renewal report every Friday and paste it into a sheet. "
    long = (sentence * 3)[:80]
    path = write_docx(
        tmp_path / "wrapped.docx",
        [
            "Ana Lima   0:01",
            long,
            long[:-2] + "xy",
            "Ben Ode   0:10",
            long,
            "s to refine interfaces.",
        ],
    )
    transcript = read_transcript(path)
    assert transcript.turns[1].text.endswith(
        long.rstrip()[-5:] + "s to refine interfaces."
    )


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("Ana Lima   0:04\nHello\n", encoding="utf-8")

    with pytest.raises(TranscriptFormatError, match="not a Word file") as caught:
        read_transcript(path)
    assert caught.value.line == 1


def test_forced_docx_format_on_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Ana: Hello\n", encoding="utf-8")
    with pytest.raises(TranscriptFormatError, match="not a Word file"):
        read_transcript(path, format="teams-docx")
