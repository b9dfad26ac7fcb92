"""Planted personal data, in every transcript format: none of it survives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from research_tool.model import Transcript
from research_tool.redaction import redact
from research_tool.roster import load_roster
from research_tool.transcripts import read_transcript
from tests.fixtures.redaction import planted

FIXTURES = Path(__file__).parent / "fixtures" / "redaction"


def read_fixture(name: str, tmp_path: Path) -> Transcript:
    if name.endswith(".pdf"):
        planted.write_pdf(tmp_path / name)
        return read_transcript(tmp_path / name)
    if name.endswith(".docx"):
        path = tmp_path / name
        planted.write_docx(path, name.removeprefix("planted-").removesuffix(".docx"))
        return read_transcript(path)
    return read_transcript(FIXTURES / name)


CASES = {
    **{name: fmt for name, (_, fmt) in planted.FIXTURES.items()},
    **{f"planted-{style}.docx": fmt for style, fmt in planted.DOCX_STYLES.items()},
    "planted.pdf": "pdf",
}


def leaks(text: str) -> list[str]:
    return [p for p in planted.PLANTED if p.casefold() in text.casefold()]


def false_redactions(text: str) -> list[str]:
    return [word for word in planted.ORDINARY if word not in text]


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_is_read_in_its_format(name: str, tmp_path: Path) -> None:
    transcript = read_fixture(name, tmp_path)

    assert transcript.format == CASES[name]
    assert {t.speaker for t in transcript.turns} == {
        planted.INTERVIEWER,
        planted.PARTICIPANT,
    }
    assert leaks(transcript.text), "the fixture must hold the planted data"


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_planted_string_survives_and_no_ordinary_word_is_lost(
    name: str, tmp_path: Path
) -> None:
    transcript = read_fixture(name, tmp_path)
    roster = load_roster(FIXTURES / "roster.yaml")

    redacted = redact(transcript, participant_id="user-001", roster=roster)

    text = redacted.transcript.text
    assert leaks(text) == []
    assert false_redactions(text) == []
    assert leaks(" ".join(t.speaker for t in redacted.transcript.turns)) == []
    assert re.search(r"^user-001: ", text, re.MULTILINE)
    assert re.search(r"^Interviewer: ", text, re.MULTILINE)
    for turn in redacted.transcript.turns:
        assert text[turn.offset : turn.offset + len(turn.text)] == turn.text


def test_report_never_holds_originals(tmp_path: Path) -> None:
    transcript = read_fixture("planted.srt", tmp_path)
    redacted = redact(
        transcript,
        participant_id="user-001",
        roster=load_roster(FIXTURES / "roster.yaml"),
    )

    assert leaks(repr(redacted.replacements) + repr(redacted.counts)) == []
    assert redacted.counts["email"] == 1
    assert redacted.counts["phone"] == 2
    assert redacted.counts["address"] == 1
    assert redacted.counts["url"] == 2
    assert redacted.counts["organisation"] == 2


def test_captions_without_speakers_need_the_names_from_elsewhere() -> None:
    name, _, fmt = planted.CAPTIONS
    transcript = read_transcript(FIXTURES / name)
    roster = load_roster(FIXTURES / "roster.yaml")
    assert transcript.format == fmt

    alone = redact(transcript, participant_id="user-001", roster=roster)
    told = redact(
        transcript,
        participant_id="user-001",
        roster=roster,
        known_names=[planted.PARTICIPANT, planted.INTERVIEWER],
    )

    assert "Krista" in alone.transcript.text
    assert leaks(told.transcript.text) == []
    assert false_redactions(told.transcript.text) == []
