"""Whatever a reader is fed, it returns turns or a clear error; and fast."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research_tool.errors import TranscriptFormatError
from research_tool.transcripts import FORMATS, read_transcript, read_transcript_bytes

NAMES = [None, *FORMATS]
SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Text that often looks like a transcript: labels, timecodes, cue arrows.
PIECES = st.sampled_from(
    [
        "WEBVTT\n",
        "\n",
        "00:00:01.000 --> 00:00:02.000\n",
        "00:00:01,000 --> 00:00:02,000\n",
        "04:10.250 --> 04:09.000\n",
        "<v Ana Lima>",
        "</v>",
        "Ana Lima: ",
        "**Ben:** ",
        "Ben Ode  0:01\n",
        "Speaker 1 (00:00):\n",
        "[Ana] 14:02:33\n",
        "00:05:00\n",
        "[12:34] ",
        "\\[01:02\\] ",
        "speaker,text,timestamp\n",
        ",hello,[00:00:05]\n",
        "Transcript\n",
        "Summary\n",
        "https://example.test ",
        "Note: ",
        "1\n",
        "\ufeff",
        "\r\n",
        "hello there ",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(PIECES | st.text(max_size=5)).map("".join))


def outcome(data: bytes, name: str | None) -> None:
    try:
        transcript = read_transcript_bytes(Path("x"), data, format=name)
    except TranscriptFormatError as exc:
        assert exc.line >= 1
        return
    assert transcript.turns
    for turn in transcript.turns:
        assert 0 <= turn.offset < len(transcript.text)
        assert turn.text


@pytest.mark.parametrize("name", NAMES)
@SETTINGS
@given(text=TEXTS)
def test_any_text_gives_turns_or_an_error(name: str | None, text: str) -> None:
    outcome(text.encode("utf-8", "surrogatepass"), name)


@pytest.mark.parametrize("name", [None, "teams-docx", "pdf", "srt"])
@SETTINGS
@given(data=st.binary())
def test_any_bytes_give_turns_or_an_error(name: str | None, data: bytes) -> None:
    outcome(data, name)


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "line",
    [
        "Ana: " + "word " * 1_000_000,
        "a" * 5_000_000,
        "<v " + "x" * 5_000_000,
        "**" + "A" * 5_000_000,
        "[" + "1:" * 2_500_000,
        "Ana Lima" + " " * 5_000_000 + "x",
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAna: " + "so " * 1_700_000,
    ],
    ids=["labelled", "letters", "voice", "bold", "brackets", "spaces", "vtt-cue"],
)
def test_five_megabytes_on_one_line_are_refused(tmp_path: Path, line: str) -> None:
    path = tmp_path / "big.txt"
    path.write_text(line, encoding="utf-8")

    with pytest.raises(TranscriptFormatError, match="line breaks were lost") as caught:
        read_transcript(path)
    assert caught.value.line == line.count("\n") + 1


def test_a_long_line_below_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Ana: " + "so " * 30_000 + "\nBen: Yes.\n", encoding="utf-8")
    assert [t.speaker for t in read_transcript(path).turns] == ["Ana", "Ben"]
