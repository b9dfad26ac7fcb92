"""``research tag`` / ``research untag``: checked edits touching only their lines."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from research_tool.cli import cli
from research_tool.process import Options, process_transcript
from research_tool.snapshots import parse_snapshot

FIXTURES = Path(__file__).parent / "fixtures" / "process"
SAID = "I need to see which accounts are at risk without asking anyone."
# Said about tickets, so not suggested for hypothesis 1 (reporting).
TICKET = (
    "Last month a customer escalated a ticket that had been open for two weeks, "
    "and nobody told me."
)


@pytest.fixture(scope="module")
def processed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A study with one processed interview, made once for this module."""
    study = tmp_path_factory.mktemp("tagging") / "study"
    shutil.copytree(FIXTURES / "study", study)
    process_transcript(
        study / "transcripts" / "2026-01-10-sam.txt", Options(blank=True)
    )
    return study


@pytest.fixture
def snapshot(processed: Path, tmp_path: Path) -> Path:
    study = tmp_path / "study"
    shutil.copytree(processed, study)
    return study / "interviews" / "2026-01-10-participant-001.md"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def _changed(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), n=0)
    return [
        line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


def test_tag_adds_a_block_and_updates_only_its_row(snapshot: Path) -> None:
    before = snapshot.read_text("utf-8")
    code, out, _ = _run(
        "tag",
        str(snapshot),
        "--hypothesis",
        "2",
        "--stance",
        "challenges",
        "--quote",
        SAID,
    )
    assert code == 0, out
    after = snapshot.read_text("utf-8")

    changed = _changed(before, after)
    removed = [line for line in changed if line.startswith("-")]
    assert len(removed) == 1 and removed[0].startswith("-| 2 |")
    assert f'+> "{SAID}"' in changed
    assert "+- **Stance:** challenges" in changed
    assert "+- **At:** 00:03:51" in changed

    entry = next(h for h in parse_snapshot(snapshot).hypotheses if h.number == "2")
    assert entry.status == "MIXED"
    assert SAID in [e.quote for e in entry.evidence]


def _quotes(snapshot: Path, number: str) -> list[str]:
    entry = next(h for h in parse_snapshot(snapshot).hypotheses if h.number == number)
    return [e.quote for e in entry.evidence]


def test_untag_restores_the_file_byte_for_byte(snapshot: Path) -> None:
    assert TICKET not in _quotes(snapshot, "1")
    before = snapshot.read_text("utf-8")
    args = ("--hypothesis", "1", "--quote", TICKET)
    assert _run("tag", str(snapshot), *args, "--stance", "supports")[0] == 0
    code, out, _ = _run("untag", str(snapshot), *args, "--json")

    assert code == 0, out
    assert json.loads(out)["status"] == "MIXED"
    assert snapshot.read_text("utf-8") == before


def test_untag_of_the_last_item_leaves_no_data(snapshot: Path) -> None:
    entry = next(h for h in parse_snapshot(snapshot).hypotheses if h.number == "2")
    for item in entry.evidence:
        code, out, _ = _run(
            "untag", str(snapshot), "--hypothesis", "2", "--quote", item.quote
        )
        assert code == 0, out

    entry = next(h for h in parse_snapshot(snapshot).hypotheses if h.number == "2")
    assert entry.status == "NO DATA"
    assert entry.evidence == ()
    assert "### Evidence for hypothesis 2" not in snapshot.read_text("utf-8")


def test_tag_refuses_words_the_participant_did_not_say(snapshot: Path) -> None:
    before = snapshot.read_text("utf-8")
    code, _, err = _run(
        "tag",
        str(snapshot),
        "--hypothesis",
        "1",
        "--stance",
        "supports",
        "--quote",
        "Reporting is the best part of my week.",
    )
    assert code == 1
    assert err.startswith(f"Error: {snapshot}: quote not found in 2026-01-10-sam.txt")
    assert snapshot.read_text("utf-8") == before


def test_tag_refuses_an_unknown_hypothesis_row(snapshot: Path) -> None:
    code, _, err = _run(
        "tag",
        str(snapshot),
        "--hypothesis",
        "9",
        "--stance",
        "supports",
        "--quote",
        SAID,
    )
    assert code == 1
    assert "has no row 9" in err


def test_untag_refuses_a_quote_that_is_not_evidence(snapshot: Path) -> None:
    assert TICKET not in _quotes(snapshot, "1")
    code, _, err = _run("untag", str(snapshot), "--hypothesis", "1", "--quote", TICKET)
    assert code == 1
    assert "hypothesis 1 has no evidence quoting that text" in err


def test_tag_twice_is_refused(snapshot: Path) -> None:
    args = ("tag", str(snapshot), "--hypothesis", "1", "--stance", "supports")
    assert _run(*args, "--quote", TICKET)[0] == 0
    code, _, err = _run(*args, "--quote", TICKET)
    assert code == 1
    assert "already has this quote" in err


def test_tag_without_the_source_warns_it_is_unverifiable(snapshot: Path) -> None:
    (snapshot.parent.parent / "transcripts" / "2026-01-10-sam.txt").unlink()
    code, out, err = _run(
        "tag",
        str(snapshot),
        "--hypothesis",
        "1",
        "--stance",
        "supports",
        "--quote",
        "Words nobody can check.",
        "--json",
    )
    assert code == 0, err
    assert "could not be verified" in err
    assert json.loads(out)["verified"] is False
