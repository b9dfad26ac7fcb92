"""First names that are also words ("Joy", "Will"): the study's people, not words.

A first name the study gave is redacted wherever it is capitalised, at the
start of a sentence too, unless the next word shows the ordinary word
("Will you...", "Mark my words"). Lowercase stays, and surnames keep the
stricter rule for lone words (capitalised and mid-sentence).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from research_tool.model import Transcript, Turn
from research_tool.nlp import Pipeline
from research_tool.redaction import redact, redact_file, redact_text
from research_tool.roster import Entry, Roster

DECLAN = (
    Path(__file__).parent.parent
    / "studies/clinic-scheduling/transcripts/2026-03-12-declan.txt"
)

ROSTER = Roster(
    people=[
        Entry("Joy Whitlock", "[colleague-4]", ("Joy",)),
        Entry("Mark Ellison", "[colleague-1]"),
        Entry("William Ortega", "[colleague-2]", ("Will",)),
        Entry("Bill Navarro", "[colleague-3]"),
        Entry("Grace Okoye", "[colleague-5]"),
        Entry("Hope Lindgren", "[colleague-6]"),
        Entry("Rose Carmody", "[colleague-7]"),
        Entry("Dana Bell", "[colleague-8]"),
    ]
)


def clean(text: str) -> str:
    return redact_text(text, roster=ROSTER)


# (sentence, what it must read after redaction)
PEOPLE = [
    (
        "There's a Google Doc that Joy started.",
        "There's a Google Doc that [colleague-4] started.",
    ),
    (
        "Not to confirm, no. Joy's mornings are busy.",
        "Not to confirm, no. [colleague-4]'s mornings are busy.",
    ),
    ("Joy does. Sam does.", "[colleague-4] does. Sam does."),
    (
        'I say "can you ring". Joy rings, no answer.',
        'I say "can you ring". [colleague-4] rings, no answer.',
    ),
    ("Then our Joy took over.", "Then our [colleague-4] took over."),
    ("I told Will I'd send it.", "I told [colleague-2] I'd send it."),
    ("Will said no. Will, can you?", "[colleague-2] said no. [colleague-2], can you?"),
    ("Mark and I split the list.", "[colleague-1] and I split the list."),
    ("Ask Mark.", "Ask [colleague-1]."),
    ("Bill's invoices go out Friday.", "[colleague-3]'s invoices go out Friday."),
    ("Grace said the rota is full.", "[colleague-5] said the rota is full."),
    ("Hope is on leave this week.", "[colleague-6] is on leave this week."),
    ("Rose handles the waitlist.", "[colleague-7] handles the waitlist."),
    ("I asked Bell.", "I asked [colleague-8]."),
]

ORDINARY = [
    "Will you send it over?",
    "Will I get it back?",
    "Will do.",
    "Mark my words.",
    "Mark the ticket as done.",
    "Bill the client monthly.",
    "Hope you're well.",
    "Hope so.",
    "Grace period ends Friday.",
    "Rose by ten percent last year.",
    "Joy of joys, it worked.",
    "It was a joy, and I will mark it, I hope.",
    "The Hope is moored at the quay.",
    "Joy Lopez from the bank called.",
    "Every MARK and WILL is a field.",
    "Bell rang twice.",
    "The Bell curve again.",
]


@pytest.mark.parametrize(("text", "expected"), PEOPLE)
def test_a_capitalised_first_name_is_the_person(text: str, expected: str) -> None:
    assert clean(text) == expected


@pytest.mark.parametrize("text", ORDINARY)
def test_the_ordinary_word_stays(text: str) -> None:
    assert clean(text) == text


def test_a_surname_keeps_the_stricter_rule_a_first_name_does_not() -> None:
    hope_surname = Roster(people=[Entry("Dana Hope", "[colleague-9]")])
    sentence = "Hope is on leave. I asked Hope."

    assert (
        redact_text(sentence, roster=hope_surname)
        == "Hope is on leave. I asked [colleague-9]."
    )
    assert clean(sentence) == "[colleague-6] is on leave. I asked [colleague-6]."


def test_no_joy_is_left_in_the_clinic_transcript() -> None:
    said = len(re.findall(r"\bJoy\b", DECLAN.read_text(encoding="utf-8")))

    redacted = redact_file(DECLAN).transcript

    assert said >= 20
    assert re.findall(r"\bJoy\b", redacted.text) == []
    mentions = sum(turn.text.count("[colleague-4]") for turn in redacted.turns)
    assert mentions == said  # each "Joy", and "Joy Whitlock" once


def entity_pipeline() -> Pipeline:
    """A blank pipeline whose entity ruler stands in for a trained NER."""
    import spacy

    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Joy Whitlock"}])
    return Pipeline(nlp=nlp, name="test-ner", trained=True)


def test_a_found_first_name_reads_as_it_will_once_in_the_roster() -> None:
    text = "Joy Whitlock runs the desk. Joy's mornings are busy, and that Joy knows."
    turns = [Turn(0, "Declan", "participant", 0.0, None, text, 0)]
    t = Transcript(Path("t.txt"), "plain-txt", "utf-8", False, "", turns)

    found = redact(t, participant_id="user-002", pipeline=entity_pipeline())
    roster = Roster(people=[Entry("Joy Whitlock", "[person-1]")])
    later = redact(t, participant_id="user-002", roster=roster)

    assert found.transcript.text == later.transcript.text
    assert "Joy" not in later.transcript.text


_words = st.sampled_from(
    [
        "Joy",
        "joy",
        "Will",
        "Mark",
        "Hope",
        "Bell",
        "Grace",
        "you",
        "my",
        "the",
        "that",
        "I",
        "I'd",
        "'s",
        "[colleague-4]",
        ".",
        ",",
        "?",
        '"',
        "\n",
        "",
    ]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_words, max_size=30).map(" ".join))
def test_redacting_again_changes_nothing(text: str) -> None:
    once = clean(text)

    assert clean(once) == once
