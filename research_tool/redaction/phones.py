"""Phone numbers written in a country's national format: ``0161 496 0732``.

``patterns.PHONE`` finds North American and ``+`` numbers; this pass finds
the rest with ``phonenumbers`` (libphonenumber's numbering plans), which
knows how each country writes its numbers and rejects years, times, dates
and amounts. The country is never known, so a number counts when it is
valid in any of ``REGIONS``. Only text holding seven or more digits in a
row (spaces, dashes, dots and brackets between them allowed) is handed to
the library, and only the words around those digits, so most turns cost
one regular-expression scan, a long turn with a number costs little more,
and the library is imported only when such a turn comes.
"""

from __future__ import annotations

import re
from collections import Counter

# Countries whose national formats are tried, most likely first.
REGIONS = (
    *("GB", "IE", "US", "CA", "AU", "NZ", "IN"),  # English-speaking first
    *("DE", "FR", "ES", "NL", "MX", "KR", "CN"),
)

TOKEN = "[phone]"

# Seven digits with phone punctuation between them: the least a number holds.
CANDIDATE = re.compile(r"\d(?:[ ().\-/]{0,3}\d){6}")

_GROUPS = re.compile(r"\d+")
_EXTENSION = re.compile(r"\s*[^\d\s().\-/+].*", re.DOTALL)  # " ext. 204"

# How far around the digits to look, widened to whole words.
_MARGIN = 32


def redact_phones(text: str, tally: Counter[tuple[str, str]]) -> str:
    """Replace national-format phone numbers in ``text`` with ``[phone]``."""
    if CANDIDATE.search(text) is None:
        return text

    spans = [
        (offset + start, offset + end)
        for offset, window in _windows(text)
        for start, end in _found(window)
    ]
    for start, end in reversed(_merged(spans)):
        text = text[:start] + TOKEN + text[end:]
        tally[("phone", TOKEN)] += 1
    return text


def _windows(text: str) -> list[tuple[int, str]]:
    """The stretches of ``text`` around its runs of digits, with their offsets."""
    spans = []
    for match in CANDIDATE.finditer(text):
        start = _word_edge(text, match.start() - _MARGIN, -1)
        end = _word_edge(text, match.end() + _MARGIN, 1)
        spans.append((start, end))
    return [(start, text[start:end]) for start, end in _merged(spans)]


def _word_edge(text: str, index: int, step: int) -> int:
    """``index`` moved outwards (``step``) to a space or the end of ``text``."""
    index = min(max(index, 0), len(text))
    while 0 < index < len(text) and not text[index - (step < 0)].isspace():
        index += step
    return index


def _found(text: str) -> list[tuple[int, int]]:
    """Where a number valid in one of ``REGIONS`` stands in ``text``."""
    import phonenumbers

    digits = [match.span() for match in CANDIDATE.finditer(text)]
    spans: list[tuple[int, int]] = []
    for region in REGIONS:
        matcher = phonenumbers.PhoneNumberMatcher(
            text, region, leniency=phonenumbers.Leniency.VALID
        )
        spans.extend(
            (match.start, match.end)
            for match in matcher
            if is_plausible(match.raw_string) and _grouped(match.raw_string, region)
        )

        # Every run of digits is a number already: other regions add nothing.
        if all(_covered(run, spans) for run in digits):
            break
    return spans


def _grouped(raw: str, region: str) -> bool:
    """Whether ``raw`` is grouped as ``region`` writes its numbers.

    A trunk ``0``, a ``+`` or an area code in brackets marks a phone number
    however its digits are grouped ("0161 49 60 732", as read out); without
    one, the grouping must be the country's ("612 34 56 78" in Spain), so
    that a list of numbers ("60 150 250 75") is not taken for one.
    """
    if raw.startswith(("+", "0", "(")):
        return True

    import phonenumbers

    strict = phonenumbers.PhoneNumberMatcher(
        raw, region, leniency=phonenumbers.Leniency.STRICT_GROUPING
    )
    return any(match.raw_string == raw for match in strict)


def _covered(run: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start <= run[0] and run[1] <= end for start, end in spans)


def is_plausible(raw: str) -> bool:
    """Seven digits or more, and not a list of numbers ("0.25 0.5 0.75").

    After a ``+`` anything goes. Otherwise no group may have one digit, dots
    and spaces may not both part the groups, and without a trunk ``0`` or an
    area code in brackets one group needs three digits and at most one group
    may be a round number ("75 1000 20 50").
    """
    raw = _EXTENSION.sub("", raw)
    groups = _GROUPS.findall(raw)
    if sum(len(group) for group in groups) < 7:
        return False
    if raw.startswith("+"):
        return True

    if min(map(len, groups)) == 1 or ("." in raw and " " in raw):
        return False
    if raw.startswith(("0", "(")):
        return True
    round_numbers = sum(group.endswith("0") for group in groups)
    return max(map(len, groups)) >= 3 and round_numbers < 2


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined, in text order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
