"""The roster: reading it strictly, appending to it without rewriting it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from research_tool.cli import cli
from research_tool.errors import RosterError
from research_tool.roster import (
    Roster,
    assign,
    ensure_gitignore,
    load_roster,
    save_roster,
)

TYPED = """\
# Kept by hand: do not reorder.
people:
  - name: Krista Halvorsen
    pseudonym: user-001
    aliases: [Krista]   # she goes by Krista
  - name: Marcus Bell
    pseudonym: "[colleague-1]"

organisations:
  - name: Northwind Health Plan
    pseudonym: "[client-org-1]"
    aliases:
      - Northwind
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "roster.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_reads_people_organisations_aliases_and_lines(tmp_path: Path) -> None:
    roster = load_roster(write(tmp_path, TYPED))

    assert [(e.name, e.pseudonym, e.line) for e in roster.people] == [
        ("Krista Halvorsen", "user-001", 3),
        ("Marcus Bell", "[colleague-1]", 6),
    ]
    assert roster.organisations[0].aliases == ("Northwind",)
    assert roster.find_person("Krista") is roster.people[0]
    assert roster.find_organisation("northwind") is roster.organisations[0]


def test_missing_roster_is_empty(tmp_path: Path) -> None:
    assert load_roster(tmp_path / "roster.yaml") == Roster()


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("people:\n  - name: [Krista\n", 3, "YAML"),
        ("people:\n  - name: Krista\n", 2, "no `pseudonym:`"),
        ("people:\n  - pseudonym: user-001\n", 2, "no `name:`"),
        (
            "people:\n  - name: A\n    pseudonym: x\n  - name: B\n    pseudonym: x\n",
            4,
            "x",
        ),
        ("staff:\n  - name: A\n", 1, "unknown section"),
        ("people: Krista\n", 1, "expected a list"),
    ],
)
def test_broken_roster_names_the_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = write(tmp_path, text)

    with pytest.raises(RosterError) as caught:
        load_roster(path)

    assert caught.value.line == line
    assert words in str(caught.value)


def test_same_name_may_repeat_with_its_pseudonym(tmp_path: Path) -> None:
    text = (
        "people:\n  - name: A B\n    pseudonym: x\n  - name: a  b\n    pseudonym: x\n"
    )

    assert len(load_roster(write(tmp_path, text)).people) == 2


def test_assign_reuses_then_numbers_the_next_free(tmp_path: Path) -> None:
    roster = load_roster(write(tmp_path, TYPED))

    assert assign(roster, "Marcus Bell", "colleague") == "[colleague-1]"
    assert assign(roster, "Owen Gallagher", "colleague") == "[colleague-2]"
    assert assign(roster, "Bluestem Health", "client-org") == "[client-org-2]"
    assert assign(roster, "Northwind", "organisation") == "[client-org-1]"
    assert [e.name for _, e in roster.added] == ["Owen Gallagher", "Bluestem Health"]
    with pytest.raises(ValueError):
        assign(roster, "X", "pet")


def test_save_appends_and_keeps_every_typed_line(tmp_path: Path) -> None:
    path = write(tmp_path, TYPED)
    roster = load_roster(path)
    assign(roster, "Owen Gallagher", "colleague")
    assign(roster, "Bluestem Health", "client-org")

    save_roster(path, roster)

    written = path.read_text(encoding="utf-8")
    assert all(line in written.splitlines() for line in TYPED.splitlines())
    again = load_roster(path)
    assert again.find_person("Owen Gallagher").pseudonym == "[colleague-2]"  # type: ignore[union-attr]
    assert again.organisations[-1].name == "Bluestem Health"
    assert roster.added == []


@pytest.mark.parametrize(
    "text",
    ["", "people: []\n", "people: [{name: A, pseudonym: x}]\n", "organisations:\n"],
)
def test_save_handles_empty_and_flow_sections(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    roster = load_roster(path)
    assign(roster, "Owen Gallagher", "colleague")
    assign(roster, "Bluestem Health", "organisation")

    save_roster(path, roster)

    again = load_roster(path)
    assert again.find_person("Owen") is not None
    assert again.find_organisation("Bluestem Health") is not None


def test_save_creates_a_missing_roster(tmp_path: Path) -> None:
    roster = Roster()
    assign(roster, "Lydia Chen", "colleague")

    save_roster(tmp_path / "roster.yaml", roster)

    assert load_roster(tmp_path / "roster.yaml").people[0].pseudonym == "[colleague-1]"


def test_gitignore_written_once_and_ignores_everything_else(tmp_path: Path) -> None:
    folder = tmp_path / "transcripts"

    assert ensure_gitignore(folder) is True
    assert ensure_gitignore(folder) is False
    lines = (folder / ".gitignore").read_text().splitlines()
    assert "*" in lines and "!.gitignore" in lines


def test_redact_command_reports_a_broken_roster_with_its_line(tmp_path: Path) -> None:
    study = tmp_path / "study"
    (study / "transcripts").mkdir(parents=True)
    (study / "interviews").mkdir()
    (study / "2026-01-01-demo-plan.md").write_text(
        "---\ntitle: Demo\n---\n\n# Demo\n", encoding="utf-8"
    )
    (study / "transcripts" / "roster.yaml").write_text(
        "people:\n  - name: [Krista\n", encoding="utf-8"
    )
    transcript = study / "transcripts" / "t.txt"
    transcript.write_text("Interviewer: Hello.\nKrista: Hi.\n", encoding="utf-8")

    result = CliRunner().invoke(cli, ["redact", str(transcript)])

    assert result.exit_code == 1
    assert f"Error: {study / 'transcripts' / 'roster.yaml'}:3: " in result.output
