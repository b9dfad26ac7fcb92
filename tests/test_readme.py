"""The README is a tested quick start: its session is real, its commands complete.

The session block is rebuilt from SESSION with ``pytest --update-golden``, on
purpose, never by hand.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from research_tool.cli import COMMANDS, cli

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
STUDY = "studies/account-management-effectiveness"
SESSION = [
    f"research process {STUDY}/transcripts/2026-02-17-dominic.vtt"
    ' --role "Director of Customer Success"'
    ' --company-type "Healthcare analytics vendor" --no-input',
    f"research status {STUDY}",
    f"research verify {STUDY}",
    f"research report {STUDY}",
]
BLOCK = re.compile(r"(<!-- session:start -->\n)(.*?)(<!-- session:end -->)", re.S)


def run_session(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each command and what it printed (stdout and stderr, in order)."""
    monkeypatch.chdir(workdir)
    parts = []
    for command in SESSION:
        args = shlex.split(command)[1:]
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        parts.append(f"$ {command}\n{result.output}")
    return "```console\n" + "\n".join(parts).rstrip("\n") + "\n```\n"


def test_session_output_is_real(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    shutil.copytree(ROOT / STUDY, tmp_path / STUDY)
    session = run_session(tmp_path, monkeypatch)
    readme = README.read_text(encoding="utf-8")
    match = BLOCK.search(readme)
    assert match is not None, "README.md lost its session markers"

    if update_golden:
        README.write_text(BLOCK.sub(lambda m: m[1] + session + m[3], readme), "utf-8")
    assert match[2] == session or update_golden, "run: pytest --update-golden"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_in_the_readme_and_has_help(command: str) -> None:
    assert f"research {command}" in README.read_text(encoding="utf-8")

    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"{command} --help shows no example"


def test_the_readme_shows_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text
