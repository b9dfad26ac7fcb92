"""The pieces of the findings: quote order, opportunity merging, word matching."""

from __future__ import annotations

from pathlib import Path

from research_tool.model import Opportunity, Snapshot
from research_tool.report.opportunities import merge, need_text
from research_tool.report.quotes import NO_TIME, Quote, make_quote, strongest_first
from research_tool.report.words import distinctive, words

ROOT = Path("/study")


def _snapshot(pid: str, *opportunities: tuple[str, str]) -> Snapshot:
    rows = [
        Opportunity(text, strength, "", i + 10)
        for i, (text, strength) in enumerate(opportunities)
    ]
    return Snapshot(
        path=ROOT / "interviews" / f"2026-01-01-{pid}.md",
        text="",
        digest="",
        frontmatter={"participant_id": pid, "role": "Director (CS leader)"},
        insights=[],
        hypotheses=[],
        opportunities=rows,
        sections={},
    )


def _quote(pid: str, text: str, at: str = "00:00:01", state: str = "") -> Quote:
    return Quote(text, pid, "Role", at, f"interviews/{pid}.md", len(text), state)


def test_quote_trace_has_the_shape_verify_reads() -> None:
    snapshot = _snapshot("user-003")
    quote = make_quote(ROOT, snapshot, "Line one\nline two", 751.0, 40, {})

    assert quote.markdown == (
        '> "Line one line two" — user-003 (Director, CS leader), 00:12:31 · '
        "interviews/2026-01-01-user-003.md:40"
    )
    assert make_quote(ROOT, snapshot, "x", None, 1, {}).at == NO_TIME


def test_strongest_first_puts_breadth_then_time_then_verified_then_length() -> None:
    a_long = _quote("user-001", "a much longer quote from the first person")
    a_short = _quote("user-001", "short one")
    b_untimed = _quote("user-002", "an untimed quote that is long enough", NO_TIME)
    c_verified = _quote("user-003", "verified", state="verified")
    c_other = _quote("user-003", "not verified but much longer than that")

    ordered = strongest_first([a_short, b_untimed, c_other, a_long, c_verified])

    assert ordered == [c_verified, a_long, b_untimed, c_other, a_short]


def test_need_text_normalises_the_users_need_form() -> None:
    assert need_text("users need to see usage.") == "Users need a way to see usage"
    assert (
        need_text("Users need a way to  see\nusage") == "Users need a way to see usage"
    )
    assert need_text("A shared dashboard") == "A shared dashboard"


def test_near_duplicates_merge_and_breadth_outranks_strength() -> None:
    snapshots = [
        _snapshot(
            "user-001", ("Users need a way to see falling usage before renewal", "Weak")
        ),
        _snapshot(
            "user-002", ("users need to see falling usage before a renewal.", "Medium")
        ),
        _snapshot("user-003", ("Users need a way to reconcile two numbers", "Strong")),
    ]

    merged = merge(snapshots, lambda s, o: None)

    assert [m.text for m in merged] == [
        "Users need a way to see falling usage before a renewal",
        "Users need a way to reconcile two numbers",
    ]
    assert merged[0].participants == ("user-001", "user-002")
    assert (merged[0].strength, merged[0].score, merged[0].variants) == ("Medium", 3, 2)
    assert merge(list(reversed(snapshots)), lambda s, o: None) == merged


def test_words_and_distinctive_words() -> None:
    assert words("Signals are assessed daily") == {"signal", "assess", "daily"}
    first, second = distinctive(["account health signals", "account usage"])
    assert first == {"health", "signal"} and second == {"usage"}
