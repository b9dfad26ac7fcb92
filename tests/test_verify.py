"""verify: every quote found in its redacted source, or reported with its line."""

from __future__ import annotations

import json
import shutil
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

FIXTURE = Path(__file__).parent / "fixtures" / "verify" / "study"
SNAPSHOT = Path("interviews/2026-04-02-participant-001.md")
SOURCE = Path("transcripts/2026-04-02-tamsin.vtt")
QUOTE = "Honestly, it's the whole day. I pull usage from Tableau"
BLOCK = "Their director emailed me at [email] before [colleague-3] had even triaged it."


@pytest.fixture
def study(tmp_path: Path) -> Path:
    target = tmp_path / "renewals"
    shutil.copytree(FIXTURE, target)
    return target


def edit(study: Path, old: str, new: str, count: int = 1) -> int:
    """Replace ``old`` in the snapshot; return the 1-based line it was on."""
    path = study / SNAPSHOT
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def line_of(text: str, occurrence: int = 1) -> int:
    """The line of the ``occurrence``-th ``text`` in the fixture snapshot."""
    content = (FIXTURE / SNAPSHOT).read_text(encoding="utf-8")
    at = -1
    for _ in range(occurrence):
        at = content.index(text, at + 1)
    return content[:at].count("\n") + 1


def check(study: Path) -> Verification:
    return verify_study(load_study(study))


def failures(verification: Verification) -> list[tuple[Path, int]]:
    return [(i.path, i.line) for i in verification.items if i.state == "failed"]


def test_fixture_quotes_all_verify(study: Path) -> None:
    verification = check(study)

    assert [(i.kind, i.line) for i in verification.items] == [
        ("insight", line_of('> "Honestly')),
        ("insight", line_of('> "The client told me.')),
        ("insight", line_of("> \"I'd rather")),
        ("insight", line_of('> "I ask')),
        ("evidence", line_of('| "it\'s the whole day" |')),
        ("evidence", line_of('> "Their director')),
        ("opportunity", line_of('| "The client told me." |')),
        ("opportunity", line_of("by hand: ")),
    ]
    assert verification.verified == 8
    assert verification.summary().startswith("8 quotes: 8 verified, 0 failed")


def test_example_study_verifies(example_study: Path) -> None:
    verification = check(example_study)

    assert verification.failed == 0
    assert verification.verified == len(verification.items) > 20


def test_one_word_changed_fails_with_file_and_line(study: Path) -> None:
    line = edit(study, QUOTE, QUOTE.replace("whole", "entire"))

    verification = check(study)

    assert failures(verification) == [(study / SNAPSHOT, line)]
    failed = next(i for i in verification.items if i.state == "failed")
    assert failed.source == study / SOURCE
    assert failed.closest is not None and "whole day" in failed.closest
    assert failed.message().startswith(
        f"{study / SNAPSHOT}:{line}: quote not found in {study / SOURCE}\n  closest: "
    )


def test_curly_quotes_and_ellipsis_pass(study: Path) -> None:
    edit(study, QUOTE, "Honestly, it’s the whole day… from Tableau")

    assert check(study).failed == 0


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("[colleague-3]", "[colleague-2]"),
        ("[colleague-3]", "Owen"),
        ("[email]", "tamsin.achebe@example.com"),
        ("[email]", "[phone]"),
    ],
)
def test_bracketed_replacements_must_match(study: Path, old: str, new: str) -> None:
    line = edit(study, old, new)

    assert (study / SNAPSHOT, line) in failures(check(study))


def test_editorial_insertion_passes(study: Path) -> None:
    edit(study, "I ask [colleague-1] whether", "I ask [colleague-1] [in Slack] whether")
    edit(study, "Honestly, it's the whole day.", "[It's] the whole day.")

    assert check(study).failed == 0


def test_evidence_cell_and_opportunity_quotes_are_checked(study: Path) -> None:
    cell = edit(study, '"it\'s the whole day"', '"it\'s half the day"')
    inner = edit(study, 'by hand: "I pull', 'by hand: "I get')
    opportunity = edit(study, '"The client told me." |', '"The boss told me." |')

    assert sorted(failures(check(study))) == [
        (study / SNAPSHOT, opportunity),
        (study / SNAPSHOT, inner),
        (study / SNAPSHOT, cell),
    ]


def test_missing_transcript_is_unverifiable_not_verified(study: Path) -> None:
    (study / SOURCE).unlink()
    edit(study, QUOTE, QUOTE.replace("whole", "entire"))

    verification = check(study)

    assert {i.state for i in verification.items} == {"unverifiable"}
    assert (verification.verified, verification.failed) == (0, 0)
    assert verification.unverifiable == 8
    assert "source transcript not found" in verification.items[0].message()


def test_each_transcript_is_read_once(
    example_study: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Path] = []
    real = transcripts.read_transcript

    def counting(path: Path, **kwargs: object) -> object:
        reads.append(path)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(transcripts, "read_transcript", counting)

    verification = check(example_study)

    assert len(verification.items) > 20
    assert sorted(p.name for p in reads) == [
        "2026-01-29-ashley.txt",
        "2026-02-09-krista.vtt",
    ]


def report_line(quote: str, line: int) -> str:
    return f'> "{quote}" — user-001 (Account Manager), 00:00:07 · {SNAPSHOT}:{line}'


def test_report_quotes_are_checked_at_their_line(study: Path) -> None:
    report = study / "reports" / "findings.md"
    report.write_text(
        "# Findings\n\n"
        + report_line(QUOTE, 34)
        + "\n\nSome prose.\n\n"
        + report_line(QUOTE.replace("whole", "entire"), 34)
        + '\n\n> "Not a finding quote" but a blockquote\n',
        encoding="utf-8",
    )

    verification = check(study)

    reported = [i for i in verification.items if i.kind == "report"]
    assert [(i.line, i.state) for i in reported] == [(3, "verified"), (7, "failed")]
    assert failures(verification) == [(report, 7)]


def test_evidence_checks_and_exclude_predicate(study: Path) -> None:
    line = edit(study, BLOCK, BLOCK.replace("director", "manager"), count=2)
    loaded = load_study(study)

    verification = verify_study(loaded)
    states = evidence_checks(verification)

    cell, block = line_of('| "it\'s the whole day" |'), line_of('> "Their director')
    assert states == {
        (study / SNAPSHOT, cell): "verified",
        (study / SNAPSHOT, block): "failed",
    }
    snapshot = loaded.snapshots[0]
    evidence = [e for h in snapshot.hypotheses for e in h.evidence]
    excluded = [e.line for e in evidence if exclude_failed(verification)(snapshot, e)]
    assert excluded == [block]
    assert (study / SNAPSHOT, line) in failures(verification)
    keep_all = exclude_failed(verification, allow_unverified=True)
    assert not any(keep_all(snapshot, e) for e in evidence)


def test_command_exit_codes_and_messages(study: Path) -> None:
    runner = CliRunner()

    ok = runner.invoke(cli, ["verify", str(study)], catch_exceptions=False)
    assert (ok.exit_code, ok.stdout) == (0, "")
    assert "8 quotes: 8 verified, 0 failed, 0 unverifiable" in ok.stderr

    line = edit(study, QUOTE, QUOTE.replace("whole", "entire"))
    bad = runner.invoke(cli, ["verify", str(study)])
    assert bad.exit_code == 1
    assert bad.stdout.startswith(
        f"{study / SNAPSHOT}:{line}: quote not found in {study / SOURCE}\n"
        "  closest: \"Honestly, it's the whole day."
    )
    assert "1 failed" in bad.stderr

    listed = runner.invoke(cli, ["verify", str(study), "--json"])
    data = json.loads(listed.stdout)
    assert listed.exit_code == 1
    assert [(d["line"], d["state"]) for d in data if d["state"] != "verified"] == [
        (line, "failed")
    ]


def test_command_reports_a_broken_study(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["verify", str(tmp_path / "nowhere")])

    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path / 'nowhere'}")


def test_command_reports_a_broken_roster(study: Path) -> None:
    (study / "transcripts" / "roster.yaml").write_text("people: [\n", encoding="utf-8")

    result = CliRunner().invoke(cli, ["verify", str(study)])

    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {study / 'transcripts' / 'roster.yaml'}:")


def test_evidence_line_with_several_quotes_takes_the_worst_state() -> None:
    from research_tool.verify import QuoteCheck

    path = Path("s.md")
    items = [
        QuoteCheck(path, 4, "a b c", "verified", None, kind="evidence"),
        QuoteCheck(path, 4, "d e f", "failed", None, kind="evidence"),
        QuoteCheck(path, 4, "g h i", "unverifiable", None, kind="evidence"),
        QuoteCheck(path, 9, "g h i", "unverifiable", None, kind="evidence"),
        QuoteCheck(path, 9, "j k l", "verified", None, kind="evidence"),
        QuoteCheck(path, 12, "m n o", "failed", None, kind="insight"),
    ]

    states = evidence_checks(Verification(items))

    assert states == {(path, 4): "failed", (path, 9): "unverifiable"}


def test_evidence_note_says_what_was_left_out() -> None:
    from research_tool.verify import QuoteCheck, evidence_note

    def item(line: int, state: str) -> QuoteCheck:
        return QuoteCheck(Path("s.md"), line, "q", state, None, kind="evidence")  # type: ignore[arg-type]

    clean = Verification([item(1, "verified")])
    mixed = Verification(
        [item(1, "failed"), item(2, "unverifiable"), item(3, "failed")]
    )

    assert evidence_note(clean) == ""
    assert evidence_note(mixed) == (
        "2 evidence items left out: the quote is not in the transcript "
        "(--allow-unverified counts it); 1 unverifiable: source transcript absent"
    )
    assert evidence_note(mixed, allow_unverified=True).startswith(
        "2 evidence items counted although the quote is not in the transcript"
    )


def test_a_model_that_is_not_installed_redacts_without_entities(study: Path) -> None:
    result = CliRunner().invoke(
        cli, ["verify", str(study), "--model", "xx_not_installed_model"]
    )

    assert result.exit_code == 0, result.output
    assert "8 verified" in result.stderr
