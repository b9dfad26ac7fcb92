"""Phone numbers in every national format a study meets, and numbers that are not.

Researchers interview people in many countries, who read their numbers out
the way their country writes them: ``0161 496 0732``, ``06 12 34 56 78``.
Each must become ``[phone]``; a year, a time, an amount, a date or a count
must never.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from research_tool.redaction import redact_contacts, redact_for_study, redact_text
from research_tool.redaction.phones import redact_phones
from research_tool.studies import resolve_study
from research_tool.transcripts import read_transcript

STUDIES = Path(__file__).parent.parent / "studies"

PHONES = [
    pytest.param("07700 900418", id="uk-mobile"),
    pytest.param("0161 496 0732", id="uk-area-code-spaced"),
    pytest.param("0161 4960732", id="uk-area-code-joined"),
    pytest.param("(0161) 496 0732", id="uk-area-code-bracketed"),
    pytest.param("020 7946 0958", id="uk-london"),
    pytest.param("07700-900418", id="uk-mobile-dashed"),
    pytest.param("0161 49 60 732", id="uk-regrouped-as-spoken"),
    pytest.param("06 12 34 56 78", id="fr-mobile"),
    pytest.param("01 42 68 53 00", id="fr-paris"),
    pytest.param("030 1234567", id="de-berlin"),
    pytest.param("0171 1234567", id="de-mobile"),
    pytest.param("0412 345 678", id="au-mobile"),
    pytest.param("(02) 9876 5432", id="au-sydney"),
    pytest.param("98765 43210", id="in-mobile"),
    pytest.param("087 123 4567", id="ie-mobile"),
    pytest.param("021 123 4567", id="nz-mobile"),
    pytest.param("612 34 56 78", id="es-mobile"),
    pytest.param("06-12345678", id="nl-mobile"),
    pytest.param("06 1234 5678", id="it-rome"),
    pytest.param("03-1234-5678", id="jp-tokyo"),
    pytest.param("082 123 4567", id="za-mobile"),
    pytest.param("0470 12 34 56", id="be-mobile"),
    pytest.param("079 123 45 67", id="ch-mobile"),
    pytest.param("55 1234 5678", id="mx-city"),
    pytest.param("010-1234-5678", id="kr-mobile"),
    pytest.param("138 0013 8000", id="cn-mobile"),
    pytest.param("0161 496 0732 ext. 204", id="uk-with-extension"),
    pytest.param("07700900418", id="uk-unspaced"),
    pytest.param("(512) 555-0187", id="us-area-code"),
    pytest.param("555-0142", id="us-local"),
    pytest.param("503-555-0148", id="us-dashed"),
    pytest.param("1-800-555-0199", id="us-toll-free"),
    pytest.param("+44 7700 900233", id="plus-uk-mobile"),
    pytest.param("+44 20 7946 0958", id="plus-uk-london"),
    pytest.param("+33 1 23 45 67 89", id="plus-fr"),
]

NOT_PHONES = [
    pytest.param("In 2026 we moved.", id="year"),
    pytest.param("From 2019 to 2026, and 2019 2020 2021 again.", id="years"),
    pytest.param("We meet at 10:30 on Tuesdays.", id="time"),
    pytest.param("It cost $1,200 a seat.", id="dollars"),
    pytest.param("It cost $1,200,000 in all.", id="dollars-millions"),
    pytest.param("It cost £14,000 a year.", id="pounds"),
    pytest.param("It cost €2.500,00 then.", id="euros"),
    pytest.param("About 3,000 people use it.", id="count"),
    pytest.param("Renewal on 12/05/2026 or 12.05.2026.", id="date"),
    pytest.param("Renewal on 2026-02-09 at 09:30.", id="iso-date"),
    pytest.param("At 00:12:31.500 she paused.", id="timecode"),
    pytest.param("00:12:31,500 --> 00:12:35,000", id="srt-timecode"),
    pytest.param("We run version 2.10.3 now.", id="version"),
    pytest.param("It went up 45% or 12.5%.", id="percentage"),
    pytest.param("The office is at SW1A 1AA, near M1 1AE.", id="uk-postcode"),
    pytest.param("Send it to ZIP 62704.", id="us-zip"),
    pytest.param("Invoice 20260312 was paid.", id="invoice-number"),
    pytest.param("Counts went 5 10 15 20 25.", id="count-list"),
    pytest.param("Slots at 15 30 45 60 90 minutes.", id="minute-list"),
    pytest.param("Rows 1-1000 and pages 100 200 300.", id="ranges"),
    pytest.param("Sizes 60 150 250 75 and 75 1000 20 50.", id="number-lists"),
    pytest.param("Scores 15 235 45 65 25 in a row.", id="score-list"),
    pytest.param("Codes 4992 2159 and 1647 883 on the box.", id="code-pairs"),
    pytest.param("Weights 0.25 0.5 0.75 1.0 each.", id="decimal-list"),
    pytest.param("Between 1,000,000 and 2,500,000 users.", id="millions"),
    pytest.param("See ISBN 978-3-16-148410-0 and IP 192.168.0.1.", id="identifiers"),
]


@pytest.mark.parametrize("number", PHONES)
def test_every_format_is_replaced(number: str) -> None:
    assert redact_text(f"Ring me on {number} please.") == "Ring me on [phone] please."


@pytest.mark.parametrize("number", PHONES)
def test_a_number_at_the_edges_of_a_turn_is_replaced(number: str) -> None:
    assert redact_text(f"{number}, that's mine: {number}") == (
        "[phone], that's mine: [phone]"
    )


@pytest.mark.parametrize("text", NOT_PHONES)
def test_numbers_that_are_not_phones_stay(text: str) -> None:
    assert redact_text(text) == text


def test_each_national_number_is_counted_as_a_phone() -> None:
    tally: Counter[tuple[str, str]] = Counter()

    text = redact_phones("Mine is 0161 496 0732, hers 06 12 34 56 78.", tally)

    assert text == "Mine is [phone], hers [phone]."
    assert tally == Counter({("phone", "[phone]"): 2})


@pytest.mark.parametrize(
    ("relative", "number"),
    [
        ("lesson-materials/transcripts/2026-06-08-marisol.vtt", "0161 496 0732"),
        ("lesson-materials/transcripts/2026-06-10-gareth.txt", "07700 900418"),
        ("freelance-invoicing/transcripts/2026-06-29-marisol.txt", "07700 900418"),
    ],
)
def test_study_transcripts_lose_their_numbers(relative: str, number: str) -> None:
    path = STUDIES / relative
    transcript = read_transcript(path)
    study = resolve_study(path.parent.parent)
    assert number in transcript.text

    redacted = redact_for_study(transcript, study, "user-001")

    assert number not in redacted.transcript.text
    assert redacted.counts.get("phone", 0) >= 1


def test_the_library_is_loaded_only_for_text_with_digits() -> None:
    code = (
        "import sys\n"
        "from research_tool.redaction import redact_text\n"
        "redact_text('Call Dana on Monday at 10:30 about the $1,200 renewal.')\n"
        "assert 'phonenumbers' not in sys.modules, 'loaded too early'\n"
        "assert redact_text('Ring 0161 496 0732.') == 'Ring [phone].'\n"
        "assert 'phonenumbers' in sys.modules\n"
    )

    result = subprocess.run([sys.executable, "-c", code], capture_output=True)

    assert result.returncode == 0, result.stderr.decode()


# Phone punctuation, and characters that break a run of digits.
_PIECES = st.one_of(
    st.from_regex(r"\d{1,6}", fullmatch=True),
    st.sampled_from([" ", "-", ".", "(", ")", "/", "+", ",", ":", "$", "£", "%"]),
    st.sampled_from([" and ", "\n", "x", " people ", "th"]),
)
_RUN = re.compile(r"[\d ().\-/+]+")


def longest_run(text: str) -> int:
    """Digits in the longest stretch holding only digits and phone punctuation."""
    return max((sum(c.isdigit() for c in run) for run in _RUN.findall(text)), default=0)


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_text_without_seven_digits_in_a_run_is_never_changed(text: str) -> None:
    assume(longest_run(text) < 7)
    tally: Counter[tuple[str, str]] = Counter()

    assert redact_contacts(text, tally) == text
    assert tally == Counter()
