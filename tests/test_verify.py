"""verify: every quote found in its redacted source, or reported with its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import research_tool.transcripts as transcripts
from research_tool.cli import cli
from research_tool.studies import load_study
from research_tool.verify import (
    Verification,
    evidence_checks,
    exclude_failed,
    verify_study,
)

SNAPSHOT = Path("interviews/2026-02-09-participant-001.md")
QUOTE = (
    "In practice the health score for most of my accounts is whatever somebody "
    "set it to the last time they remembered to update it."
)


def edit(study: Path, old: str, new: str) -> int:
    """Replace ``old`` in the snapshot; return the 1-based line it was on."""
    path = study / SNAPSHOT
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def check(study: Path) -> Verification:
    return verify_study(load_study(study))


def failures(verification: Verification) -> list[tuple[Path, int]]:
    return [(i.path, i.line) for i in verification.items if i.state == "failed"]


def test_example_study_verifies(example_study: Path) -> None:
    verification = check(example_study)

    assert verification.failed == 0
    assert verification.verified == len(verification.items) > 20
    kinds = {item.kind for item in verification.items}
    assert kinds == {"insight", "evidence", "opportunity"}


def test_one_word_changed_fails_with_file_and_line(example_study: Path) -> None:
    line = edit(example_study, QUOTE, QUOTE.replace("somebody", "someone"))

    verification = check(example_study)

    assert failures(verification) == [(example_study / SNAPSHOT, line)]
    failed = next(i for i in verification.items if i.state == "failed")
    assert failed.source == example_study / "transcripts" / "2026-02-09-krista.vtt"
    assert failed.closest is not None and "somebody" in failed.closest
    assert failed.message().startswith(
        f"{example_study / SNAPSHOT}:{line}: quote not found in {failed.source}"
    )


def test_curly_quotes_and_ellipsis_pass(example_study: Path) -> None:
    curly = "In practice the health score for most of my accounts is … the last time"
    edit(example_study, QUOTE, curly + " they remembered to update it.")
    edit(example_study, "Most of what's in that deck", "Most of what’s in that deck")

    assert check(example_study).failed == 0


def test_bracketed_replacements_must_match(example_study: Path) -> None:
    original = "I asked [colleague-3] to add me as a CC"
    assert check(example_study).failed == 0

    line = edit(example_study, original, "I asked [colleague-2] to add me as a CC")

    assert failures(check(example_study)) == [(example_study / SNAPSHOT, line)]


def test_unredacted_name_in_a_quote_fails(example_study: Path) -> None:
    line = edit(example_study, "[colleague-3]", "Owen")

    assert failures(check(example_study)) == [(example_study / SNAPSHOT, line)]


def test_missing_transcript_is_unverifiable_not_verified(example_study: Path) -> None:
    (example_study / "transcripts" / "2026-02-09-krista.vtt").unlink()
    edit(example_study, QUOTE, QUOTE.replace("somebody", "someone"))

    verification = check(example_study)

    mine = [i for i in verification.items if i.path == example_study / SNAPSHOT]
    assert mine and {i.state for i in mine} == {"unverifiable"}
    assert verification.failed == 0
    assert verification.unverifiable == len(mine)
    assert verification.verified == len(verification.items) - len(mine)


def test_each_transcript_is_read_once(
    example_study: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Path] = []
    real = transcripts.read_transcript

    def counting(path: Path, **kwargs: object) -> object:
        reads.append(path)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(transcripts, "read_transcript", counting)

    check(example_study)

    assert sorted(p.name for p in reads) == [
        "2026-01-29-ashley.txt",
        "2026-02-09-krista.vtt",
    ]


def report_line(quote: str, line: int) -> str:
    return (
        f'> "{quote}" — user-001 (Strategic Account Manager), 00:03:10'
        f" · {SNAPSHOT}:{line}"
    )


def test_report_quotes_are_checked_at_their_line(example_study: Path) -> None:
    text = (example_study / SNAPSHOT).read_text(encoding="utf-8")
    line = text[: text.index(QUOTE)].count("\n") + 1
    report = example_study / "reports" / "findings.md"
    report.parent.mkdir(exist_ok=True)
    report.write_text(
        "# Findings\n\n"
        + report_line(QUOTE, line)
        + "\n\nSome prose.\n\n"
        + report_line(QUOTE.replace("score", "number"), line)
        + "\n",
        encoding="utf-8",
    )

    verification = check(example_study)

    reported = [i for i in verification.items if i.kind == "report"]
    assert [(i.line, i.state) for i in reported] == [(3, "verified"), (7, "failed")]
    assert failures(verification) == [(report, 7)]


def test_evidence_checks_and_exclude_predicate(example_study: Path) -> None:
    evidence_quote = "So I'd say four to five hours a week on status reporting."
    line = edit(example_study, evidence_quote, "So I'd say ten hours a week.")
    loaded = load_study(example_study)

    verification = verify_study(loaded)
    states = evidence_checks(verification)

    assert states[(example_study / SNAPSHOT, line)] == "failed"
    assert list(states.values()).count("failed") == 1
    snapshot = next(s for s in loaded.snapshots if s.path == example_study / SNAPSHOT)
    evidence = [e for h in snapshot.hypotheses for e in h.evidence]
    excluded = [e.line for e in evidence if exclude_failed(verification)(snapshot, e)]
    assert excluded == [line]
    keep_all = exclude_failed(verification, allow_unverified=True)
    assert not any(keep_all(snapshot, e) for e in evidence)


def test_command_exit_codes_and_messages(example_study: Path) -> None:
    runner = CliRunner()

    ok = runner.invoke(cli, ["verify", str(example_study)], catch_exceptions=False)
    assert ok.exit_code == 0, ok.output
    assert "0 failed" in ok.stderr

    line = edit(example_study, QUOTE, QUOTE.replace("somebody", "someone"))
    bad = runner.invoke(cli, ["verify", str(example_study)])
    assert bad.exit_code == 1
    assert f"{example_study / SNAPSHOT}:{line}: quote not found in " in bad.stdout
    assert 'closest: "' in bad.stdout
    assert "1 failed" in bad.stderr

    listed = runner.invoke(cli, ["verify", str(example_study), "--json"])
    data = json.loads(listed.stdout)
    assert [(d["line"], d["state"]) for d in data if d["state"] != "verified"] == [
        (line, "failed")
    ]


def test_command_reports_a_broken_study(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["verify", str(tmp_path / "nowhere")])

    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path / 'nowhere'}")
