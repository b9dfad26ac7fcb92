"""Locating quotes: only whitespace, quote style, ellipses and brackets may differ."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from research_tool.quotes import locate, normalise

SOURCE = (
    "Interviewer: Walk me through Monday.\n\n"
    "user-001: Honestly, I open four tabs before I even know which account is\n"
    "on fire. I asked [colleague-1] to pull the Gainsight export, and it’s "
    "always late… so I gave up and built my own sheet.\n\n"
    "Interviewer: What happened next?\n\n"
    "user-001: Then the dashboard was slow, so I emailed [email] again.\n\n"
)


def found(quote: str) -> str | None:
    match = locate(quote, SOURCE)
    return SOURCE[match.start : match.end] if match.found else None


def test_normalise_whitespace_quotes_and_ellipsis() -> None:
    assert normalise(" it’s  “done”…\n ok ") == 'it\'s "done"... ok'


@pytest.mark.parametrize(
    "quote",
    [
        "I open four tabs before I even know which account is on fire.",
        "I open four tabs   before I even\nknow which account",
        "it's always late... so I gave up",
        "it’s always late… so I gave up",
        "I asked [colleague-1] to pull the Gainsight export",
        "I open four tabs … I gave up and built my own sheet.",
        "...I gave up and built my own sheet...",
        "Then [the dashboard] was slow",
        "Then the dashboard was slow, so I emailed [email] again.",
        "[The report] was slow",
        "I open four tabs [in Chrome] before I even know",
        "I asked [colleague-1] to pull the [usage] export,",
        "Then the dashboard was slow, [so] I emailed [email] again.",
        "[W]hich account is on fire.",
    ],
)
def test_allowed_differences_are_found(quote: str) -> None:
    assert found(quote) is not None


@pytest.mark.parametrize(
    "quote",
    [
        "I open five tabs before I even know which account is on fire.",
        "I asked [colleague-2] to pull the Gainsight export",
        "I asked Marcus to pull the Gainsight export",
        "then the dashboard was slow",
        "I gave up … I open four tabs",
        "Walk me through Monday... Then the dashboard was slow",
        "",
    ],
)
def test_other_differences_are_not(quote: str) -> None:
    assert found(quote) is None


def test_span_points_at_the_original_text() -> None:
    assert found("it's always late... so I gave up") == "it’s always late… so I gave up"
    assert found("is on fire") == "is\non fire"


def test_ellipsis_parts_must_be_near_each_other() -> None:
    far = "Alpha beta gamma. " + "filler " * 300 + "Delta epsilon."

    assert locate("Alpha beta... Delta epsilon.", far).found is False
    assert locate("Alpha beta... gamma.", far).found is True


def test_closest_passage_for_a_one_word_change() -> None:
    match = locate("I asked [colleague-1] to pull the Salesforce export", SOURCE)

    assert not match.found
    assert match.closest == "I asked [colleague-1] to pull the Gainsight export"
    assert 0.8 < match.score < 1


def test_no_closest_when_nothing_is_near() -> None:
    match = locate("quantum chromodynamics lattice", SOURCE)

    assert (match.found, match.closest) == (False, None)


def test_closest_is_fast_on_a_long_transcript() -> None:
    text = " ".join(f"word{i % 500} filler text here." for i in range(9000))
    started = time.perf_counter()
    for i in range(200):
        locate(f"word{i} filler text gone here word{i + 1}", text)
    assert time.perf_counter() - started < 2.0


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="[]"),
    min_size=1,
    max_size=300,
)


@settings(max_examples=80, deadline=None)
@given(_text, st.data())
def test_locate_finds_any_perturbed_substring(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    if not normalise(quote).strip(". ") or normalise(quote).startswith("..."):
        return
    perturbed = quote.replace("'", "’").replace('"', "“").replace(" ", "  \n")

    match = locate(perturbed, text)

    assert match.found
    assert normalise(text[match.start : match.end]) == normalise(quote).strip()


def test_a_pseudonym_of_another_shape_matches_itself() -> None:
    text = "user-003: I told [Client A] and [Client B] the same thing."

    assert locate("I told [Client A] and [Client B] the same", text).found
    assert locate("I told [Client A] and [Client B]", text).found
    assert not locate("I told [Client C] the same thing.", text).found
