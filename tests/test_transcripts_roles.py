"""Telling the interviewer from participants, and from others who join."""

from __future__ import annotations

from pathlib import Path

from research_tool.transcripts import read_transcript_bytes

ANSWER = "We keep it in a spreadsheet and update it every Friday after the call. "


def roles(
    text: str, guide_questions: tuple[str, ...] = (), interviewer: str | None = None
) -> dict[str, str]:
    transcript = read_transcript_bytes(
        Path("x.txt"),
        text.encode(),
        guide_questions=guide_questions,
        interviewer=interviewer,
    )
    return {t.speaker: t.role for t in transcript.turns}


def test_asker_is_the_interviewer() -> None:
    text = (
        f"Krista Halvorsen: Hi. {ANSWER}\n"
        "Dana Whitfield: How do you track renewals?\n"
        f"Krista Halvorsen: {ANSWER * 3}\n"
        "Dana Whitfield: What happens next?\n"
        f"Krista Halvorsen: {ANSWER * 2}\n"
    )
    assert roles(text) == {
        "Krista Halvorsen": "participant",
        "Dana Whitfield": "interviewer",
    }


def test_two_interviewers_and_a_manager_who_joins() -> None:
    text = (
        "Dana Whitfield: How do you track renewals?\n"
        f"Krista Halvorsen: {ANSWER * 4}\n"
        "Marcus Bell: And who reads the sheet?\n"
        f"Krista Halvorsen: {ANSWER * 3}\n"
        "Renee Castillo: Sorry I am late, carry on.\n"
        "Dana Whitfield: Why Friday?\n"
        f"Krista Halvorsen: {ANSWER * 3}\n"
        "Marcus Bell: Does anyone else use it?\n"
        f"Krista Halvorsen: {ANSWER}\n"
    )
    assert roles(text) == {
        "Dana Whitfield": "interviewer",
        "Krista Halvorsen": "participant",
        "Marcus Bell": "interviewer",
        "Renee Castillo": "other",
    }


def test_guide_questions_find_the_interviewer() -> None:
    # Both ask one question; only Dana asks the guide's question.
    text = (
        "Dana Whitfield: Walk me through how you prepare a renewal?\n"
        f"Ashley Brandt: {ANSWER} Is that what you mean?\n"
        f"Dana Whitfield: Yes. {ANSWER}\n"
        f"Ashley Brandt: {ANSWER}\n"
    )
    guide = ("Walk me through how you prepare a renewal.",)
    assert roles(text, guide_questions=guide)["Dana Whitfield"] == "interviewer"
    assert roles(text, guide_questions=guide)["Ashley Brandt"] == "participant"


def test_override_by_full_or_first_name() -> None:
    text = "Dana Whitfield: Why?\nKrista Halvorsen: Because.\n"
    assert roles(text, interviewer="KRISTA")["Krista Halvorsen"] == "interviewer"
    assert roles(text, interviewer="krista halvorsen")["Dana Whitfield"] == (
        "participant"
    )


def test_role_labels_win() -> None:
    text = "Participant: Why do you ask?\nInterviewer: Tell me about renewals.\n"
    assert roles(text) == {"Participant": "participant", "Interviewer": "interviewer"}


def test_a_single_named_speaker_is_unknown() -> None:
    assert roles("Dana Whitfield: Hello? Anyone?\n") == {"Dana Whitfield": "unknown"}


def test_roles_are_deterministic() -> None:
    text = "Ana: Hello.\nBen: Hello.\nAna: Hello.\nBen: Hello.\n"
    first = roles(text)
    assert all(roles(text) == first for _ in range(3))
    assert sorted(first.values()) == ["interviewer", "participant"]
