from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from research_tool.cli import cli
from research_tool.errors import WriteRefused
from research_tool.plans import parse_plan
from research_tool.status import update_status, write_status
from research_tool.yamledit import key_line
from tests.conftest import EXAMPLE_STUDY
from tests.study_builder import PLAN_NAME, PLANS, make_study, write

GOLDEN = Path(__file__).parent / "golden" / "status"
CASES = sorted(p.name for p in (PLANS / "golden").iterdir())


def _owned_lines(text: str, path: Path) -> set[int]:
    plan = parse_plan(write(path, text))
    owned = {h.line for h in plan.hypotheses} | {r.line for r in plan.schedule}
    return owned | {
        key_line(text, "status") or 0,
        key_line(text, "interviews_completed") or 0,
    }


def _changed_lines(before: str, after: str) -> tuple[set[int], int, int]:
    """After-lines that differ, and how many lines were removed and added."""
    old, new = before.split("\n"), after.split("\n")
    changed: set[int] = set()
    removed = added = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag != "equal":
            changed |= set(range(j1 + 1, j2 + 1))
            removed += i2 - i1
            added += j2 - j1
    return changed, removed, added


@pytest.mark.parametrize("case", CASES)
def test_golden_only_owned_lines_change(
    tmp_path: Path, case: str, update_golden: bool
) -> None:
    root = make_study(tmp_path / case, PLANS / "golden" / case / PLAN_NAME)
    before = (root / PLAN_NAME).read_bytes().decode("utf-8")

    update = update_status(root, write=True)
    after = (root / PLAN_NAME).read_bytes().decode("utf-8")
    golden = GOLDEN / f"{case}.md"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(after.encode("utf-8"))
    assert after == golden.read_bytes().decode("utf-8")

    assert update.written and update.changed
    changed, removed, added = _changed_lines(before, after)
    assert changed <= _owned_lines(after, tmp_path / "check" / PLAN_NAME)
    assert added - removed == (2 if case == "missing-keys" else 0)
    assert not update_status(root).changed


def test_crlf_stays_crlf() -> None:
    text = (GOLDEN / "crlf.md").read_bytes().decode("utf-8")
    assert text.count("\n") == text.count("\r\n") > 40
    assert "## Objective   \r\n" in text
    assert "interviews_completed: 2  \r\n" in text


def test_quoting_and_comments_are_kept() -> None:
    text = (GOLDEN / "quoting.md").read_text("utf-8")
    assert "status: 'in-progress' # quoted on purpose\n" in text
    assert 'interviews_completed: "2"   # kept by research status\n' in text
    assert "| 9 | An old idea | DROPPED |" in text
    assert "<!-- a comment the tool must keep -->" in text


def test_missing_keys_are_added_before_the_closing_line() -> None:
    lines = (GOLDEN / "missing-keys.md").read_text("utf-8").split("\n")
    closing = lines.index("---", 1)
    assert lines[closing - 2 : closing] == [
        "interviews_completed: 2",
        "status: in-progress",
    ]


def test_status_reaches_complete_at_the_lower_end_of_the_range(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    extra = (root / "interviews" / "2026-03-09-participant-002.md").read_text("utf-8")
    write(
        root / "interviews" / "2026-03-12-participant-003.md",
        extra.replace("user-002", "user-003"),
    )

    update_status(root, write=True)
    plan = parse_plan(root / PLAN_NAME)
    assert plan.frontmatter["status"] == "complete"
    assert plan.frontmatter["interviews_completed"] == 3
    assert [r.participant for r in plan.schedule] == [
        "Priya (clinic admin)",
        "user-002",
        "user-003",
    ]


def test_status_never_moves_back_and_unknown_values_stay(tmp_path: Path) -> None:
    for value in ("complete", "paused"):
        text = (PLANS / PLAN_NAME).read_text("utf-8")
        plan_file = write(
            tmp_path / f"{value}.src" / PLAN_NAME,
            text.replace("status: planned", f"status: {value}"),
        )
        root = make_study(tmp_path / value, plan_file)

        update_status(root, write=True)
        assert parse_plan(root / PLAN_NAME).frontmatter["status"] == value


def test_concurrent_edit_is_refused_and_the_file_kept(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    update = update_status(root)
    edited = (root / PLAN_NAME).read_text("utf-8") + "\nA note added meanwhile.\n"
    write(root / PLAN_NAME, edited)

    with pytest.raises(WriteRefused, match="changed on disk"):
        write_status(update)
    assert (root / PLAN_NAME).read_text("utf-8") == edited


# --- the command -----------------------------------------------------------


def _run(*args: str) -> object:
    return CliRunner().invoke(cli, ["status", *args])


def test_check_dry_run_and_write(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    original = (root / PLAN_NAME).read_bytes()

    check = CliRunner().invoke(cli, ["status", str(root), "--check"])
    assert check.exit_code == 1 and "is out of date" in check.stderr
    dry = CliRunner().invoke(cli, ["status", str(root), "--dry-run"])
    assert dry.exit_code == 0
    assert "+| 1 | Administrators import patient lists by hand" in dry.stdout
    assert (root / PLAN_NAME).read_bytes() == original

    run = CliRunner().invoke(cli, ["status", str(root)], catch_exceptions=False)
    assert run.exit_code == 0 and "Updated" in run.stderr
    assert "MIXED (1 for, 1 against, of 2)" in run.stdout
    assert "Rule: no evidence at all -> UNTESTED" in run.stdout
    assert (
        "2 transcripts" not in run.stdout
        and "0 transcripts (0 unprocessed), 2 snapshots" in run.stdout
    )
    assert "N1 (user-001) Clinics distrust automatic imports" in run.stdout
    assert 'ask: "Tell me about the week before go-live' in run.stdout

    again = CliRunner().invoke(cli, ["status", str(root)])
    assert again.exit_code == 0 and "is up to date" in again.stderr
    assert CliRunner().invoke(cli, ["status", str(root), "--check"]).exit_code == 0


def test_unprocessed_transcripts_are_counted(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    for name in ("2026-03-04-priya.txt", "2026-03-20-lee.vtt", "roster.yaml"):
        write(root / "transcripts" / name, "x\n")

    result = CliRunner().invoke(cli, ["status", str(root), "--json"])
    data = __import__("json").loads(result.stdout)
    assert (data["transcripts"], data["unprocessed"]) == (
        2,
        ["transcripts/2026-03-20-lee.vtt"],
    )
    assert [h["cell"] for h in data["hypotheses"]][2] == "UNTESTED"
    assert data["follow_ups"][0]["number"] == 3


def _error_case(tmp_path: Path, case: str) -> tuple[Path, str]:
    """A broken study and the ``Error:`` line expected for it."""
    root = make_study(tmp_path / "study")
    plan = root / PLAN_NAME
    snapshot = root / "interviews" / "2026-03-04-participant-001.md"
    text, snap = plan.read_text("utf-8"), snapshot.read_text("utf-8")
    if case == "tab":
        write(plan, text.replace("sample_size:", "\tsample_size:"))
        return root, f"Error: {plan}:10: frontmatter is not valid YAML: a tab character"
    if case == "unclosed-quote":
        write(plan, text.replace('clinic administrators"', "clinic administrators"))
        return root, f"Error: {plan}:2: frontmatter is not valid YAML: a quoted value"
    if case == "no-frontmatter":
        write(plan, text.split("---\n", 2)[2])
        return root, f"Error: {plan}:1: no frontmatter"
    if case == "non-utf8":
        plan.write_bytes(
            text.replace("Free text", "Caf\udce9").encode("utf-8", "surrogateescape")
        )
        line = text.split("\n").index("Free text the tool must leave alone.") + 1
        return root, f"Error: {plan}:{line}: byte 0xe9 is not UTF-8"
    if case == "unknown-hypothesis":
        write(snapshot, snap.replace("| 3 | Go-live", "| 5 | Go-live"))
        line = (
            snap.split("\n").index(
                next(x for x in snap.split("\n") if x.startswith("| 3 | Go-live"))
            )
            + 1
        )
        return root, f"Error: {snapshot}:{line}: hypothesis 5 is not in the plan"
    assert case == "unknown-type"
    write(snapshot, snap.replace("**Type:** workaround", "**Type:** hack"))
    line = snap.split("\n").index("- **Type:** workaround") + 1
    return root, f"Error: {snapshot}:{line}: unknown insight type 'hack'"


ERROR_CASES = [
    "tab",
    "unclosed-quote",
    "no-frontmatter",
    "non-utf8",
    "unknown-hypothesis",
    "unknown-type",
]


@pytest.mark.parametrize("command", ["status", "validate"])
@pytest.mark.parametrize("case", ERROR_CASES)
def test_bad_input_gives_error_line_and_writes_nothing(
    tmp_path: Path, case: str, command: str
) -> None:
    root, expected = _error_case(tmp_path, case)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}

    result = CliRunner().invoke(cli, [command, str(root)])
    assert result.exit_code == 1
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), (
        result.stderr
    )
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_read_only_plan_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root ignores file permissions, so the permission check itself is faked.
    root = make_study(tmp_path / "study")
    plan = root / PLAN_NAME
    before = plan.read_bytes()
    real_access = os.access
    monkeypatch.setattr(
        "research_tool.fileio.os.access",
        lambda path, mode: False if Path(path) == plan else real_access(path, mode),
    )

    result = CliRunner().invoke(cli, ["status", str(root)])
    assert result.exit_code == 1
    assert f"Error: {plan}: is not writable" in result.stderr
    assert plan.read_bytes() == before


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores permissions"
)
def test_read_only_plan_really_chmodded(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    plan = root / PLAN_NAME
    plan.chmod(0o444)
    root.chmod(0o555)
    try:
        result = CliRunner().invoke(cli, ["status", str(root)])
    finally:
        root.chmod(0o755)
    assert result.exit_code == 1 and "is not writable" in result.stderr


def test_status_does_not_import_spacy(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    code = (
        "import sys\nfrom research_tool.cli import cli\n"
        f"try:\n    cli(['status', {str(root)!r}])\nexcept SystemExit as e:\n"
        "    assert not e.code, e.code\n"
        "print('spacy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().endswith("False")


# --- the example study -------------------------------------------------------

_ROW = re.compile(
    r"^\|\s*(\d+)\s*\|[^|]*\|\s*(SUPPORTED|CHALLENGED|MIXED|NO DATA)\s*\|"
)


def _expected_cells(study: Path) -> dict[int, str]:
    """The rule applied by hand to the snapshots' Hypothesis Tracking rows."""
    rows: dict[int, list[str]] = {}
    files = sorted((study / "interviews").glob("*.md"))
    for file in files:
        for line in file.read_text("utf-8").split("\n"):
            match = _ROW.match(line)
            if match:
                rows.setdefault(int(match.group(1)), []).append(match.group(2))
    cells = {}
    for number, statuses in rows.items():
        ups, downs, mixed = (
            statuses.count(s) for s in ("SUPPORTED", "CHALLENGED", "MIXED")
        )
        if (ups or mixed) and (downs or mixed):
            parts = [
                f"{n} {w}"
                for n, w in ((ups, "for"), (downs, "against"), (mixed, "mixed"))
                if n
            ]
            cells[number] = f"MIXED ({', '.join(parts)}, of {len(files)})"
        elif ups:
            cells[number] = f"SUPPORTED ({ups} of {len(files)})"
        elif downs:
            cells[number] = f"CHALLENGED ({downs} of {len(files)})"
        else:
            cells[number] = "UNTESTED"
    return cells


def test_example_study_status(example_study: Path) -> None:
    if not list((example_study / "interviews").glob("*.md")):
        pytest.skip("the example study has no snapshots yet")
    plan_path = next(example_study.glob("*plan*.md"))
    before = plan_path.read_text("utf-8")

    result = CliRunner().invoke(
        cli, ["status", str(example_study)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    plan = parse_plan(plan_path)
    expected = _expected_cells(example_study)
    assert {h.number: h.status for h in plan.hypotheses} == expected
    assert plan.frontmatter["interviews_completed"] == len(
        list((example_study / "interviews").glob("*.md"))
    )
    assert plan.frontmatter["status"] == "in-progress"

    changed, removed, added = _changed_lines(before, plan_path.read_text("utf-8"))
    assert changed <= _owned_lines(
        plan.text, example_study.parent / "check" / plan_path.name
    )
    assert removed == added

    again = CliRunner().invoke(cli, ["status", str(example_study)])
    assert again.exit_code == 0 and "is up to date" in again.stderr
    assert (
        CliRunner().invoke(cli, ["status", str(example_study), "--check"]).exit_code
        == 0
    )


def test_unwritable_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The temporary file is made beside the plan, so its folder must be writable.
    root = make_study(tmp_path / "study")
    before = (root / PLAN_NAME).read_bytes()
    real_access = os.access
    monkeypatch.setattr(
        "research_tool.fileio.os.access",
        lambda path, mode: (
            False if Path(path) == root and mode == os.W_OK else real_access(path, mode)
        ),
    )

    result = CliRunner().invoke(cli, ["status", str(root)])
    assert result.exit_code == 1
    assert f"Error: {root}: is not writable" in result.stderr
    assert (root / PLAN_NAME).read_bytes() == before


def test_validate_checks_the_codebook_against_the_plan(tmp_path: Path) -> None:
    root = tmp_path / "study"
    shutil.copytree(EXAMPLE_STUDY, root)
    ok = CliRunner().invoke(cli, ["validate", str(root), "--json"])
    assert ok.exit_code == 0 and '"codebooks"' in ok.stdout

    (root / "codebook.yaml").write_text("hypotheses:\n  7: [churn]\n", "utf-8")
    result = CliRunner().invoke(cli, ["validate", str(root)])
    assert result.exit_code == 1
    assert f"Error: {root / 'codebook.yaml'}:2: cue terms for hypothesis 7" in (
        result.stderr
    )
