"""The quote cache in ``.research/``: faster, and never a different result."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import research_tool.redaction as redaction
from research_tool import cache, fileio
from research_tool.cache import CACHE_NAME, SourceInputs, source_key
from research_tool.cli import cli
from research_tool.errors import WriteRefused
from research_tool.fileio import TOOL_FOLDER
from research_tool.status import update_status
from research_tool.status_view import as_dict
from research_tool.studies import load_study
from research_tool.verify import Verification, verify_study

ASHLEY = Path("transcripts/2026-01-29-ashley.txt")
ASHLEY_SNAPSHOT = Path("interviews/2026-01-29-participant-002.md")
ROSTER = Path("transcripts/roster.yaml")


@pytest.fixture
def example_study(example_study: Path) -> Path:
    """The example study's copy, without any cache a run in place left there."""
    shutil.rmtree(example_study / TOOL_FOLDER, ignore_errors=True)
    return example_study


def cache_file(study: Path) -> Path:
    return study / TOOL_FOLDER / CACHE_NAME


def cached(study: Path) -> Verification:
    return verify_study(load_study(study))


def uncached(study: Path) -> Verification:
    return verify_study(load_study(study), cache=False)


def outcome(verification: Verification) -> tuple[Any, ...]:
    return (verification.items, verification.unreadable)


def states(verification: Verification) -> list[str]:
    return [item.state for item in verification.items]


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def warm(study: Path) -> Verification:
    """Run once so the cache holds every quote of the study as it is now."""
    first = cached(study)
    assert cache_file(study).is_file()
    return first


def no_reading(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every transcript read and redacted from here on."""
    reads: list[Path] = []
    original = redaction.read_redacted

    def recording(path: Path, *args: Any, **kwargs: Any) -> Any:
        reads.append(path)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(redaction, "read_redacted", recording)
    return reads


# --- Same results, less work ------------------------------------------------


def test_a_warm_cache_gives_the_uncached_result_without_reading(
    example_study: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = warm(example_study)
    reads = no_reading(monkeypatch)

    again = cached(example_study)

    assert reads == []
    assert outcome(again) == outcome(first) == outcome(uncached(example_study))
    assert again.verified == len(again.items) > 0


def test_an_unchanged_study_does_not_rewrite_the_cache(example_study: Path) -> None:
    warm(example_study)
    before = cache_file(example_study).stat().st_mtime_ns

    cached(example_study)

    assert cache_file(example_study).stat().st_mtime_ns == before


def test_status_check_prints_the_same_with_and_without_the_cache(
    example_study: Path,
) -> None:
    update_status(example_study, write=True)
    runs = []
    for _ in range(2):
        result = CliRunner().invoke(cli, ["status", str(example_study), "--check"])
        runs.append((result.exit_code, result.stdout, result.stderr))

    assert cache_file(example_study).is_file()
    assert runs[0] == runs[1]
    assert runs[0][0] == 0, runs[0]


# --- Edits between runs -----------------------------------------------------


def test_an_edited_transcript_is_read_again(example_study: Path) -> None:
    before = warm(example_study)
    rewrite(example_study / ASHLEY, "a photo of data", "a picture of data")

    after = cached(example_study)

    assert outcome(after) == outcome(uncached(example_study))
    assert after.failed > before.failed == 0


def test_an_edited_roster_is_read_again(example_study: Path) -> None:
    before = warm(example_study)
    rewrite(example_study / ROSTER, '"[colleague-3]"', '"[colleague-9]"')

    after = cached(example_study)

    assert outcome(after) == outcome(uncached(example_study))
    assert after.failed > before.failed == 0


def test_an_edited_snapshot_quote_is_checked_again(example_study: Path) -> None:
    warm(example_study)
    rewrite(
        example_study / ASHLEY_SNAPSHOT,
        "I hate being surprised by a client.",
        "I love being surprised by a client.",
    )

    after = cached(example_study)

    assert outcome(after) == outcome(uncached(example_study))
    assert after.failed == 1


def test_an_edited_guide_question_gives_the_uncached_result(
    example_study: Path,
) -> None:
    warm(example_study)
    plan = next(example_study.glob("*-research-plan.md"))
    text = plan.read_text(encoding="utf-8")
    guide = [line for line in text.splitlines() if line.rstrip().endswith("?")]
    assert guide, "the example plan has no guide questions"
    plan.write_text(text.replace(guide[0], guide[0][:-1] + " today?"), "utf-8")

    assert outcome(cached(example_study)) == outcome(uncached(example_study))


def test_a_status_run_after_edits_matches_a_cold_run(example_study: Path) -> None:
    warm(example_study)
    rewrite(example_study / ASHLEY, "every single one started", "each one started")

    warm_run = as_dict(update_status(example_study))
    cache_file(example_study).unlink()
    cold_run = as_dict(update_status(example_study))

    assert warm_run == cold_run
    assert "left out" in warm_run["evidence_note"]


# --- A broken or unwritable cache -------------------------------------------

CORRUPTIONS = {
    "truncated": lambda data: data[: len(data) // 2],
    "not json": lambda data: b"\x00\xff not json",
    "empty": lambda data: b"",
    "a list": lambda data: b"[1, 2, 3]",
    "another format": lambda data: data.replace(b'"format": 1', b'"format": 99'),
    "outcomes flipped": lambda data: data.replace(b"[true, null]", b'[false, "x"]'),
    "outcomes malformed": lambda data: data.replace(b"[true, null]", b'"yes"'),
}


@pytest.mark.parametrize("corruption", sorted(CORRUPTIONS))
def test_a_corrupt_cache_never_changes_a_result(
    example_study: Path, corruption: str
) -> None:
    warm(example_study)
    path = cache_file(example_study)
    damaged = CORRUPTIONS[corruption](path.read_bytes())
    assert damaged != path.read_bytes()
    path.write_bytes(damaged)

    assert outcome(cached(example_study)) == outcome(uncached(example_study))
    assert outcome(cached(example_study)) == outcome(uncached(example_study))


def test_a_cache_edited_by_hand_is_not_trusted(example_study: Path) -> None:
    rewrite(example_study / ASHLEY, "a photo of data", "a picture of data")
    warm(example_study)
    path = cache_file(example_study)
    data = json.loads(path.read_text(encoding="utf-8"))
    for outcomes in data["entries"].values():
        for quote in outcomes:
            outcomes[quote] = [True, None]
    path.write_text(json.dumps(data), encoding="utf-8")

    result = cached(example_study)

    assert outcome(result) == outcome(uncached(example_study))
    assert result.failed > 0


def test_an_unwritable_cache_folder_is_silently_skipped(example_study: Path) -> None:
    (example_study / TOOL_FOLDER).write_text("a file where the folder goes\n")
    update_status(example_study, write=True)

    result = CliRunner().invoke(cli, ["status", str(example_study), "--check"])

    plan = next(example_study.glob("*-research-plan.md"))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"{plan} is up to date.\n"
    assert outcome(cached(example_study)) == outcome(uncached(example_study))


def test_a_refused_cache_write_is_silently_skipped(
    example_study: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, text: str, **kwargs: Any) -> None:
        raise WriteRefused(path, 0, "is not writable")

    monkeypatch.setattr(fileio, "atomic_write", refuse)

    result = cached(example_study)

    assert not cache_file(example_study).exists()
    assert outcome(result) == outcome(uncached(example_study))


def test_a_transcript_changed_during_the_read_is_not_remembered(
    example_study: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = redaction.read_redacted

    def then_edit(path: Path, *args: Any, **kwargs: Any) -> Any:
        redacted = original(path, *args, **kwargs)
        if path.name == ASHLEY.name:
            rewrite(path, "a photo of data", "a picture of data")
        return redacted

    monkeypatch.setattr(redaction, "read_redacted", then_edit)
    cached(example_study)
    monkeypatch.undo()

    assert outcome(cached(example_study)) == outcome(uncached(example_study))
    assert uncached(example_study).failed > 0


# --- What the file holds ----------------------------------------------------


def test_the_cache_holds_no_raw_transcript_text(example_study: Path) -> None:
    rewrite(example_study / ASHLEY, "a photo of data", "a picture of data")
    result = warm(example_study)
    stored = cache_file(example_study).read_text(encoding="utf-8")
    raw = (example_study / ASHLEY).read_text(encoding="utf-8")

    closest = [item.closest for item in result.items if item.closest]
    assert closest and all(passage in stored for passage in closest)
    for item in result.items:
        assert item.quote not in stored
    for name in ("Ashley", "Brandt", "Dana", "Marcus"):
        assert name in raw and name not in stored
    assert (example_study / TOOL_FOLDER / ".gitignore").read_text() == "*\n"


def test_each_input_changes_the_key(tmp_path: Path) -> None:
    transcript = tmp_path / "t.txt"
    roster = tmp_path / "roster.yaml"
    transcript.write_text("Dana: Why?\nKrista: Because.\n", encoding="utf-8")
    base = SourceInputs(transcript, "user-001", ("Why?",), ("Krista",), roster)
    keys = {source_key(base)}

    variants = [
        replace(base, participant="user-002"),
        replace(base, guide=("Why not?",)),
        replace(base, schedule=("Krista (SAM)",)),
    ]
    keys |= {source_key(variant) for variant in variants}
    roster.write_text("people: []\n", encoding="utf-8")
    keys.add(source_key(base))
    transcript.write_text("Dana: Why?\nKrista: Because!\n", encoding="utf-8")
    keys.add(source_key(base))
    renamed = transcript.rename(tmp_path / "t.md")
    keys.add(source_key(replace(base, transcript=renamed)))

    assert None not in keys
    assert len(keys) == 7
    assert source_key(replace(base, transcript=tmp_path / "absent.txt")) is None


def test_a_new_cache_format_or_version_changes_every_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    transcript = tmp_path / "t.txt"
    transcript.write_text("Dana: Why?\nKrista: Because.\n", encoding="utf-8")
    inputs = SourceInputs(transcript, "user-001", (), (), tmp_path / "roster.yaml")
    cache.code_fingerprint.cache_clear()
    first = source_key(inputs)

    keys = set()
    for name, value in (("CACHE_FORMAT", 99), ("__version__", "99.0")):
        with monkeypatch.context() as patch:
            patch.setattr(cache, name, value)
            cache.code_fingerprint.cache_clear()
            keys.add(source_key(inputs))
    cache.code_fingerprint.cache_clear()

    assert first not in keys and len(keys) == 2
    assert source_key(inputs) == first


def test_a_warm_status_check_neither_reads_transcripts_nor_loads_spacy(
    example_study: Path,
) -> None:
    update_status(example_study, write=True)
    code = (
        "import sys\nfrom research_tool.cli import cli\n"
        "try:\n    cli(['status', sys.argv[1], '--check'])\n"
        "except SystemExit as done:\n    assert not done.code, done.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy'"
        " or m.startswith(('research_tool.transcripts', 'research_tool.redaction'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(example_study)],
        capture_output=True,
        text=True,
        check=True,
    )

    assert done.stdout.strip() == "[]", done.stdout
