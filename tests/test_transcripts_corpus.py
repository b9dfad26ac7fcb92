"""The real transcripts in the shared corpus, read where they lie.

Every expected value was read off the raw file (grep, the csv module, the
Word XML and pypdf's bare text), not from this reader's output.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from research_tool.model import Transcript
from research_tool.transcripts import read_transcript as read_uncached


@cache
def read_transcript(path: Path) -> Transcript:
    """Each corpus file is read once per run (PDF extraction is slow)."""
    return read_uncached(path)


# file, format, speakers in order of appearance, turns, first time, last time
# (first/last time: the first and last turn start the file gives; for the
# timed caption files the last time is the last cue's end).
CASES = [
    (
        "01_webvtt_talkpython-554_trustworthy-ai-in-healthcare.vtt",
        "teams-vtt",
        ["Michael Kennedy", "Sumit Gundawar", "Unknown speaker"],
        160,
        0.02,
        3637.74,
    ),
    (
        "02_srt_podcastindex-namespace_example.srt",
        "srt",
        ["Travis", "Sarah", "Gilon"],
        10,
        0.179,
        754.769,
    ),
    (
        "08_csv-coded_oral-history-as-data_mohammad.csv",
        "csv",
        ["Devin Becker", "Kasey Mohammad"],
        262,
        280.0,
        3274.0,
    ),
    (
        "10_markdown-bold-speakers_changelog-founders-talk-94.md",
        "markdown",
        ["Adam Stacoviak", "Jori Lallo"],
        107,
        342.0,
        4364.14,
    ),
    (
        "13_pdf_pdpilot-user-study_P2.pdf",
        "pdf",
        ["Dan", "Participant"],
        159,
        None,
        None,
    ),
    (
        "15_docx_SYNTHETIC_ibm-qux360_interview_B.docx",
        "teams-docx",
        ["Jordan Lee", "Priya Sharma"],
        32,
        1.0,
        181.0,
    ),
]


def _times(transcript: Transcript) -> tuple[float | None, float | None]:
    starts = [t.start for t in transcript.turns if t.start is not None]
    ends = [t.end for t in transcript.turns if t.end is not None]
    last = max(ends) if ends else (starts[-1] if starts else None)
    return (starts[0] if starts else None), last


@pytest.mark.parametrize(
    ("name", "fmt", "speakers", "turns", "first", "last"),
    CASES,
    ids=[c[0][:2] for c in CASES],
)
def test_corpus_file(
    corpus: Path,
    name: str,
    fmt: str,
    speakers: list[str],
    turns: int,
    first: float | None,
    last: float | None,
) -> None:
    transcript = read_transcript(corpus / name)

    assert transcript.format == fmt
    assert list(dict.fromkeys(t.speaker for t in transcript.turns)) == speakers
    assert len(transcript.turns) == turns
    assert _times(transcript) == (pytest.approx(first), pytest.approx(last))
    for turn in transcript.turns:
        assert transcript.text[turn.offset :].startswith(turn.text.split()[0])


def test_01_host_monologue_and_untagged_outro(corpus: Path) -> None:
    name = "01_webvtt_talkpython-554_trustworthy-ai-in-healthcare.vtt"
    transcript = read_transcript(corpus / name)
    opening, outro = transcript.turns[0], transcript.turns[-1]

    # The host speaks alone until the cue ending at 00:02:10.740.
    assert (opening.speaker, opening.end) == ("Michael Kennedy", pytest.approx(130.74))
    assert opening.text.startswith("You ask an AI a question")
    assert (outro.speaker, outro.role) == ("Unknown speaker", "unknown")
    assert outro.text == "Talk my thought to me, async is the norm."
    assert {t.speaker: t.role for t in transcript.turns[:-1]} == {
        "Michael Kennedy": "interviewer",
        "Sumit Gundawar": "participant",
    }


def test_01_sentences_split_across_cues_are_joined(corpus: Path) -> None:
    name = "01_webvtt_talkpython-554_trustworthy-ai-in-healthcare.vtt"
    transcript = read_transcript(corpus / name)
    assert "the model is the easy part. Earning trust" in transcript.turns[0].text


def test_02_unnamed_cues_continue_the_speaker(corpus: Path) -> None:
    transcript = read_transcript(corpus / "02_srt_podcastindex-namespace_example.srt")
    first = transcript.turns[0]

    # Cues 1-17 are Travis's; cue 18 (00:00:53,030) is where Sarah starts.
    assert first.text.startswith("When you first get started in podcasting")
    assert first.text.endswith("your goals, that much faster")
    assert transcript.turns[1].start == pytest.approx(53.03)


def test_08_initials_are_the_full_names(corpus: Path) -> None:
    transcript = read_transcript(
        corpus / "08_csv-coded_oral-history-as-data_mohammad.csv"
    )
    assert {t.speaker for t in transcript.turns} == {"Devin Becker", "Kasey Mohammad"}
    # Rows 65 and 66 are two KM paragraphs in a row: one turn.
    merged = [t for t in transcript.turns if "So, the internet changed that." in t.text]
    assert merged[0].text.startswith("Sure. That's when I was just finishing")


def test_10_unlabelled_paragraphs_continue(corpus: Path) -> None:
    name = "10_markdown-bold-speakers_changelog-founders-talk-94.md"
    transcript = read_transcript(corpus / name)
    fourth = transcript.turns[3]

    # Lines 7-13: Jori's labelled paragraph and three unlabelled ones.
    assert fourth.speaker == "Jori Lallo"
    assert fourth.text.startswith("It's definitely intentional")
    assert "With Linear, we're always being very focused." in fourth.text
    assert "\\[14:22\\] That's interesting" in transcript.text
    # A paragraph opening with a timestamp inside a turn is part of that turn.
    inside = [
        t for t in transcript.turns if "That's interesting to think about" in t.text
    ]
    assert inside[0].start is None or inside[0].start < 862.0


def test_13_pdf_whitespace_and_page_numbers(corpus: Path) -> None:
    transcript = read_transcript(corpus / "13_pdf_pdpilot-user-study_P2.pdf")

    assert "\t" not in transcript.text
    assert "1/8" not in transcript.text.split("\n")
    assert not any(line.isdigit() for line in transcript.text.split("\n"))
    assert transcript.turns[0].text.startswith("Okay. So now I just had")
    assert "XXXX" in transcript.text


def test_15_words_split_by_the_wrap_are_whole(corpus: Path) -> None:
    name = "15_docx_SYNTHETIC_ibm-qux360_interview_B.docx"
    transcript = read_transcript(corpus / name)
    assert (
        "collaborate with developers to refine interfaces." in transcript.turns[1].text
    )
    assert transcript.turns[-1].text.endswith("not just push pixels.")
