"""Interrupted writes, concurrent edits and hostile transcript text.

- A write that fails half way (the rename after a partial temp file) leaves
  the old file whole and no temporary file behind.
- A plan or snapshot edited by a researcher while the tool ran is never
  overwritten: the tool refuses and says so (``process --force``, asked to
  replace the snapshot, keeps the edited file as its backup).
- Table pipes, backticks, HTML and YAML-looking lines in a transcript come
  through ``process`` and ``report`` without breaking a table or the
  frontmatter, and without injecting markup into the page.
- A local phone number without an area code (555-0148) is redacted.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from benchmarks.synthetic import PLAN_NAME, make_study
from research_tool import fileio
from research_tool.cli import cli
from research_tool.mdtable import parse_markdown, split_cells
from research_tool.snapshots import parse_snapshot
from research_tool.yamlblock import find_block

SNAPSHOT = "interviews/2026-01-05-participant-001.md"
NEW_TRANSCRIPT = "2026-01-07-participant-003.vtt"
RESEARCHER_LINE = "\nA note the researcher typed while the tool ran.\n"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def clean_error(result: Result, *words: str) -> str:
    """The ``Error:`` text of a failed run, checked for a clean exit."""
    assert result.exit_code != 0, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors, result.output
    for word in words:
        assert word in result.stderr, result.stderr
    return "\n".join(errors)


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """Two processed interviews and one transcript not yet processed."""
    folder = make_study(tmp_path, 2)
    transcripts = folder / "transcripts"
    shutil.copyfile(
        transcripts / "2026-01-05-participant-002.vtt", transcripts / NEW_TRANSCRIPT
    )
    return folder


# --- Interrupted writes ----------------------------------------------------


@pytest.fixture
def failing_rename(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Make every rename fail after cutting its temp file short, as a crash would."""
    attempts: list[Path] = []

    def half_way(source: Any, target: Any) -> None:
        temp = Path(source)
        temp.write_bytes(temp.read_bytes()[: temp.stat().st_size // 2])
        attempts.append(Path(target))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", half_way)
    return attempts


def leftover_temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.tmp") if p.name.startswith(".")]


def test_interrupted_status_keeps_the_old_plan(
    study: Path, failing_rename: list[Path]
) -> None:
    before = digests(study)

    error = clean_error(invoke("status", str(study)), PLAN_NAME)

    assert failing_rename == [study / PLAN_NAME]
    assert "No space left on device" in error
    assert digests(study) == before
    assert leftover_temp_files(study) == []


def test_interrupted_process_writes_no_snapshot(
    study: Path, failing_rename: list[Path]
) -> None:
    before = digests(study)

    clean_error(invoke("process", str(study / "transcripts" / NEW_TRANSCRIPT)))

    assert failing_rename, "process never reached its write"
    assert digests(study) == before
    assert leftover_temp_files(study) == []


def test_interrupted_report_keeps_the_old_report(
    study: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert invoke("report", str(study)).exit_code == 0
    before = digests(study)

    attempts: list[Path] = []

    def half_way(source: Any, target: Any) -> None:
        Path(source).write_bytes(b"<html><body>cut")
        attempts.append(Path(target))
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(fileio.os, "replace", half_way)
    clean_error(invoke("report", str(study)), "findings.md")

    assert attempts == [study / "reports" / "findings.md"]
    assert digests(study) == before
    assert leftover_temp_files(study) == []


def test_atomic_write_leaves_the_old_bytes_when_the_rename_fails(
    tmp_path: Path, failing_rename: list[Path]
) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(b"old text\n")

    with pytest.raises(fileio.WriteRefused, match="No space left"):
        fileio.atomic_write(target, "new text\n")

    assert target.read_bytes() == b"old text\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


# --- Concurrent edits ------------------------------------------------------


def edit_before_write(
    monkeypatch: pytest.MonkeyPatch, module: str, victim: Path
) -> list[Path]:
    """Wrap ``module.atomic_write`` so the researcher edits ``victim`` first."""
    real: Callable[..., None] = fileio.atomic_write
    writes: list[Path] = []

    def researcher_was_faster(path: Path, text: str, **kwargs: Any) -> None:
        writes.append(path)
        with victim.open("a", encoding="utf-8") as handle:
            handle.write(RESEARCHER_LINE)
        real(path, text, **kwargs)

    monkeypatch.setattr(f"research_tool.{module}.atomic_write", researcher_was_faster)
    return writes


def test_status_refuses_to_overwrite_a_plan_edited_meanwhile(
    study: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = study / PLAN_NAME
    original = plan.read_text(encoding="utf-8")
    writes = edit_before_write(monkeypatch, "status", plan)

    error = clean_error(invoke("status", str(study)), PLAN_NAME)

    assert writes == [plan]
    assert "changed on disk" in error
    assert plan.read_text(encoding="utf-8") == original + RESEARCHER_LINE


def test_tag_refuses_to_overwrite_a_snapshot_edited_meanwhile(
    study: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snapshot = study / SNAPSHOT
    original = snapshot.read_text(encoding="utf-8")
    writes = edit_before_write(monkeypatch, "snapshot_edit", snapshot)
    quote = "I block Wednesday mornings for customer calls and protect them."

    result = invoke(
        "tag",
        str(snapshot),
        "--hypothesis",
        "2",
        "--stance",
        "supports",
        "--quote",
        quote,
    )

    error = clean_error(result, snapshot.name)
    assert writes == [snapshot]
    assert "changed on disk" in error
    assert snapshot.read_text(encoding="utf-8") == original + RESEARCHER_LINE


def test_process_force_keeps_an_edit_made_meanwhile_in_the_backup(
    study: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--force replaces a snapshot on purpose; the researcher's edit goes to .bak."""
    snapshot = study / SNAPSHOT
    original = snapshot.read_text(encoding="utf-8")
    transcript = study / "transcripts" / "2026-01-05-participant-001.vtt"
    writes = edit_before_write(monkeypatch, "process", snapshot)

    result = invoke("process", str(transcript), "--force", "--no-input")

    assert result.exit_code == 0, result.output
    assert writes == [snapshot]
    backup = snapshot.with_name(snapshot.name + ".bak")
    assert backup.read_text(encoding="utf-8") == original + RESEARCHER_LINE


def test_without_an_edit_the_same_commands_write(study: Path) -> None:
    """The control for the two tests above: no edit, no refusal."""
    snapshot = study / SNAPSHOT
    quote = "I block Wednesday mornings for customer calls and protect them."

    assert invoke("status", str(study)).exit_code == 0
    tagged = invoke(
        "tag",
        str(snapshot),
        "--hypothesis",
        "2",
        "--stance",
        "supports",
        "--quote",
        quote,
    )
    assert tagged.exit_code == 0, tagged.output
    assert "### Evidence for hypothesis 2" in snapshot.read_text(encoding="utf-8")


# --- Escaping --------------------------------------------------------------

HOSTILE = (
    "Every Friday I rebuild the | status | deck by hand and it is frustrating.",
    "The export shows `rm -rf` and <script>alert('x')</script> in the notes.",
    'I hate that <img src=x onerror="alert(1)"> ends up in the ticket.',
    "---",
    "title: x",
    "It is painful that the report has a | pipe | in every row.",
)


def hostile_transcript() -> str:
    """A plain-text interview: markup stays literal, unlike WebVTT cue tags."""
    lines = []
    for text in HOSTILE:
        lines += ["Rowan Ashdown: What happened next?", f"Tamsin Quennell: {text}"]
    return "\n".join(lines) + "\n"


def table_widths(text: str) -> list[tuple[int, set[int]]]:
    """Each table's header width and the set of its rows' widths."""
    block = find_block(text)
    document = parse_markdown(text, blank_lines=block.end if block else 0)
    lines = document.lines
    return [
        (
            len(split_cells(lines[table.line - 1])),
            {len(split_cells(lines[row.line - 1])) for row in table.rows},
        )
        for table in document.tables
    ]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def test_hostile_transcript_text_keeps_snapshot_and_report_intact(
    study: Path,
) -> None:
    (study / "transcripts" / NEW_TRANSCRIPT).unlink()
    transcript = study / "transcripts" / "2026-01-07-participant-003.txt"
    transcript.write_text(hostile_transcript(), encoding="utf-8")

    processed = invoke("process", str(transcript), "--no-input")
    assert processed.exit_code == 0, processed.output
    written = next((study / "interviews").glob("2026-01-07-*.md"))
    text = written.read_text(encoding="utf-8")

    # The text reached the snapshot, so the checks below mean something.
    assert "<script>" in text and "onerror" in text and "\\| status \\|" in text
    snapshot = parse_snapshot(written)
    assert "title" not in snapshot.frontmatter
    assert snapshot.participant_id == "user-003"
    assert [s.title for s in parse_markdown(text).sections if s.level == 2] == [
        s.title
        for s in parse_markdown((study / SNAPSHOT).read_text("utf-8")).sections
        if s.level == 2
    ]
    for header, rows in table_widths(text):
        assert rows <= {header}, (header, rows)

    verified = invoke("verify", str(study))
    assert verified.exit_code == 0, verified.output

    reported = invoke("report", str(study))
    assert reported.exit_code == 0, reported.output
    markdown = (study / "reports" / "findings.md").read_text(encoding="utf-8")
    for header, rows in table_widths(markdown):
        assert rows <= {header}, (header, rows)

    page = _Elements()
    page.feed((study / "reports" / "findings.html").read_text(encoding="utf-8"))
    assert not [t for t, attrs in page.tags if "onerror" in attrs]
    assert not [t for t, attrs in page.tags if t == "img" and attrs.get("src") == "x"]
    assert not [s for s in page.scripts if "alert(" in s]


# --- Redaction of local phone numbers ----------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "You can reach me on 555-0148 after five.",
        "My desk line is 555.0148, ask for me.",
    ],
)
def test_a_seven_digit_phone_number_is_redacted(study: Path, said: str) -> None:
    transcript = study / "transcripts" / "2026-01-07-participant-003.txt"
    transcript.write_text(
        f"Rowan Ashdown: How do people reach you?\nTamsin Quennell: {said}\n",
        encoding="utf-8",
    )

    result = invoke("redact", str(transcript))

    assert result.exit_code == 0, result.output
    assert "0148" not in result.stdout
    assert "[phone]" in result.stdout


def test_dates_and_small_ranges_are_not_taken_for_phone_numbers(study: Path) -> None:
    said = "Between 10-20 accounts on 2026-01-05, in room 101-2030, on version 3.11."
    transcript = study / "transcripts" / "2026-01-07-participant-003.txt"
    transcript.write_text(
        f"Rowan Ashdown: How many accounts?\nTamsin Quennell: {said}\n",
        encoding="utf-8",
    )

    result = invoke("redact", str(transcript))

    assert result.exit_code == 0, result.output
    assert said in result.stdout
