"""``research transcript`` through CliRunner: summaries, JSON and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from research_tool.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"
PLAN = (
    Path(__file__).parent.parent
    / "studies"
    / "account-management-effectiveness"
    / "2026-02-11-account-management-effectiveness-research-plan.md"
)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["transcript", *args])
    return result.exit_code, result.stdout, result.stderr


def test_summary() -> None:
    code, out, _ = invoke(str(FIXTURES / "otter.txt"))
    assert code == 0
    assert "format:   otter-txt" in out
    assert "Priya Shah (participant): 1 turns, 8 words" in out
    assert "duration: 0:01:02" in out


def test_json_shape() -> None:
    code, out, _ = invoke(str(FIXTURES / "zoom.vtt"), "--json")
    data = json.loads(out)

    assert code == 0
    assert list(data) == [
        "source",
        "format",
        "encoding",
        "duration_seconds",
        "speakers",
        "turns",
    ]
    assert data["format"] == "zoom-vtt"
    assert data["speakers"][0] == {
        "name": "Dana Whitfield",
        "role": "interviewer",
        "turns": 2,
        "words": 9,
    }
    assert list(data["turns"][0]) == [
        "index",
        "speaker",
        "role",
        "start",
        "end",
        "text",
        "offset",
    ]


def test_interviewer_override_by_first_name() -> None:
    code, out, _ = invoke(
        str(FIXTURES / "zoom.vtt"), "--interviewer", "priya", "--json"
    )
    roles = {s["name"]: s["role"] for s in json.loads(out)["speakers"]}
    assert code == 0
    assert roles == {"Dana Whitfield": "participant", "Priya Shah": "interviewer"}


def test_forced_format() -> None:
    code, out, _ = invoke(
        str(FIXTURES / "plain.txt"), "--format", "plain-txt", "--json"
    )
    assert code == 0
    assert json.loads(out)["format"] == "plain-txt"


def test_plan_guide_questions() -> None:
    if not PLAN.exists():
        pytest.skip("example plan missing")
    code, out, _ = invoke(str(FIXTURES / "rev.txt"), "--plan", str(PLAN), "--json")
    assert code == 0
    assert json.loads(out)["speakers"][0]["role"] == "interviewer"


def test_guessed_encoding_is_said_on_stderr(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Dana: Où?\nRenée: Là.\n".encode("latin-1"))
    code, out, err = invoke(str(path))
    assert code == 0
    assert "encoding guessed as cp1252" in err
    assert "Renée" in out


BAD = {
    "empty": (b"", 1, "is empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", 1, "binary data"),
    "vtt-timestamp": (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA: hi\n\n00:00:xx --> 00:00:03.000"
        b"\nA: yo\n",
        6,
        "invalid cue timing line",
    ),
    "vtt-end-before-start": (
        b"WEBVTT\n\n1\n00:00:05.000 --> 00:00:02.000\nAna: hi\n",
        4,
        "ends (2 s) before it starts (5 s)",
    ),
    "srt-end-before-start": (
        b"1\n00:00:05,000 --> 00:00:02,000\nAna: hi\n",
        2,
        "ends (2 s) before it starts (5 s)",
    ),
    "unaligned-times": (
        b"Ana  0:40\nHello.\n\nBen  0:10\nHi.\n\nAna  0:50\nBye.\n",
        4,
        "cannot be aligned",
    ),
    "no-shape": (
        b"just some words\nwith no speakers at all\n",
        1,
        "pass --format NAME, one of: teams-vtt",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input(tmp_path: Path, case: str) -> None:
    data, line, message = BAD[case]
    path = tmp_path / "bad.txt"
    path.write_bytes(data)

    code, out, err = invoke(str(path))

    assert code == 1
    assert out == ""
    assert err.startswith(f"Error: {path}:{line}: ")
    assert message in err
    assert "Traceback" not in err


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    path.write_text("Ana   0:01\nHello\n", encoding="utf-8")
    code, _, err = invoke(str(path))
    assert code == 1
    assert err.startswith(f"Error: {path}:1: is not a Word file")


def test_missing_file(tmp_path: Path) -> None:
    code, _, err = invoke(str(tmp_path / "nope.vtt"))
    assert code == 1
    assert err.startswith(f"Error: {tmp_path / 'nope.vtt'}:1: file not found")


def test_unknown_format_name_is_a_usage_error() -> None:
    code, _, err = invoke(str(FIXTURES / "zoom.vtt"), "--format", "nope")
    assert code == 2
    assert "teams-vtt" in err


def test_interviewer_who_is_not_there_is_a_usage_error() -> None:
    code, out, err = invoke(str(FIXTURES / "zoom.vtt"), "--interviewer", "Marcus")
    assert code == 2
    assert out == ""
    assert "no speaker is called 'Marcus'; the speakers are Dana Whitfield, " in err


def test_captions_without_speakers_are_said_on_stderr() -> None:
    code, out, err = invoke(str(FIXTURES / "captions.vtt"))
    assert code == 0
    assert "Unknown speaker (unknown): 1 turns" in out
    assert "no speaker names in this file" in err
