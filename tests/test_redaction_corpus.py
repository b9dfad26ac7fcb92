"""Redaction recall on a real interview that names many people and companies.

The entity list was written by reading the file. Without a trained spaCy
pipeline, redaction knows only the speaker labels, so it catches the two
speakers (every mention, including first and last names alone) and none of
the people and companies they talk about. These figures must not regress.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from research_tool.model import Transcript
from research_tool.redaction import redact
from research_tool.roster import load_roster
from research_tool.transcripts import read_transcript

ENTITIES = Path(__file__).parent / "fixtures" / "redaction" / "corpus10_entities.txt"
CORPUS10 = "10_markdown-bold-speakers_changelog-founders-talk-94.md"
EXAMPLE_ROSTER = (
    Path(__file__).parent.parent
    / "studies/account-management-effectiveness/transcripts/roster.yaml"
)


@dataclass(frozen=True)
class Recall:
    people_caught: int
    people: int
    organisations_caught: int
    organisations: int
    mentions_caught: int  # speaker labels count as mentions
    mentions: int


def entities() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for line in ENTITIES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, names = line.split("\t")
        forms = sorted(names.split("|"), key=len, reverse=True)
        alternation = "|".join(re.escape(form) for form in forms)
        found.append((kind, re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")))
    return found


def blocks(transcript: Transcript) -> list[str]:
    return [f"{turn.speaker}: {turn.text}" for turn in transcript.turns]


def measure(before: list[str], after: list[str]) -> Recall:
    """An entity is caught when none of its mentions survive."""
    counts = {"person": [0, 0], "organisation": [0, 0]}
    mentions = [0, 0]
    for kind, pattern in entities():
        said = sum(len(pattern.findall(text)) for text in before)
        left = sum(len(pattern.findall(text)) for text in after)
        assert said, f"{pattern.pattern} is not in the file"
        counts[kind][0] += left == 0
        counts[kind][1] += 1
        mentions[0] += said - left
        mentions[1] += said
    return Recall(*counts["person"], *counts["organisation"], *mentions)


def test_recall_without_a_trained_pipeline(corpus: Path) -> None:
    transcript = read_transcript(corpus / CORPUS10)

    redacted = redact(transcript, participant_id="user-001")

    recall = measure(blocks(transcript), blocks(redacted.transcript))
    assert (recall.people_caught, recall.people) == (2, 6)
    assert (recall.organisations_caught, recall.organisations) == (0, 30)
    assert (recall.mentions_caught, recall.mentions) == (110, 288)
    speakers = {t.speaker for t in redacted.transcript.turns}
    assert speakers == {"Interviewer", "user-001"}


def test_recall_with_en_core_web_sm(corpus: Path) -> None:
    from research_tool.nlp import load_pipeline

    if importlib.util.find_spec("en_core_web_sm") is None:
        pytest.skip("en_core_web_sm is not installed")
    pipeline = load_pipeline("en_core_web_sm")
    transcript = read_transcript(corpus / CORPUS10)

    redacted = redact(transcript, participant_id="user-001", pipeline=pipeline)

    recall = measure(blocks(transcript), blocks(redacted.transcript))
    assert recall.people_caught >= 4


READABLE = [
    "01_webvtt_talkpython-554_trustworthy-ai-in-healthcare.vtt",
    "02_srt_podcastindex-namespace_example.srt",
    "08_csv-coded_oral-history-as-data_mohammad.csv",
    CORPUS10,
    "13_pdf_pdpilot-user-study_P2.pdf",
    "15_docx_SYNTHETIC_ibm-qux360_interview_B.docx",
]


def test_a_foreign_roster_makes_no_false_redaction(corpus: Path) -> None:
    """The example study's fictional cast appears nowhere in the corpus, so
    every roster replacement there would be a false positive."""
    roster = load_roster(EXAMPLE_ROSTER)
    words = 0
    false_positives = []
    for name in READABLE:
        transcript = read_transcript(corpus / name)
        words += sum(len(turn.text.split()) for turn in transcript.turns)

        redacted = redact(transcript, participant_id="user-009", roster=roster)

        false_positives += [
            (name, pseudonym, count)
            for kind, pseudonym, count in redacted.replacements
            if kind in ("person", "organisation")
        ]
    assert words > 35_000
    assert false_positives == []
