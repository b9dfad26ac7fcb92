"""Every file of the bad-input catalogue (tests/bad/), through every command.

Each case builds a small study in tmp_path, puts one bad file where that
kind of file lives, and runs each command that reads that kind of file. A
command must fail with an ``Error:`` line naming the file, a non-zero exit
and no traceback, and must leave every file of the study as it was.
tests/bad/README.md says what each file exercises.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import runpy
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from benchmarks.synthetic import PLAN_NAME, make_study
from research_tool.cli import COMMANDS, cli

CATALOGUE = Path(__file__).parent / "bad"
GENERATOR = ".py"  # a committed generator writes the real (large) file
UNPROCESSED = "2026-01-07-participant-003.vtt"
GOOD_CODEBOOK = (
    "topics:\n  account-health: [health score, at risk]\n"
    "hypotheses:\n  1: [status report, leadership deck]\n"
)


@dataclass(frozen=True)
class Placed:
    """The study built around one bad file, and where that file went."""

    study: Path
    bad: Path

    @property
    def transcript(self) -> Path:
        return self.study / "transcripts" / UNPROCESSED


Args = Callable[[Placed], list[str]]
# A quote participant 001 said, as evidence for a hypothesis without any.
TAG_OPTIONS = (
    "--hypothesis",
    "2",
    "--stance",
    "supports",
    "--quote",
    "I block Wednesday mornings for customer calls and protect them.",
)

STUDY_COMMANDS: dict[str, Args] = {
    "validate": lambda p: ["validate", str(p.study)],
    "status": lambda p: ["status", str(p.study)],
    "verify": lambda p: ["verify", str(p.study)],
    "report": lambda p: ["report", str(p.study)],
    "export": lambda p: ["export", str(p.study), "--format", "json"],
}
FILE_COMMANDS: dict[str, Args] = {
    "inspect": lambda p: ["inspect", str(p.bad)],
    "lint": lambda p: ["lint", str(p.bad)],
    "transcript": lambda p: ["transcript", str(p.bad)],
    "redact": lambda p: ["redact", str(p.bad)],
    "process": lambda p: ["process", str(p.bad), "--no-input"],
}
# The same commands on the study's good, not yet processed transcript.
ON_TRANSCRIPT: dict[str, Args] = {
    "redact": lambda p: ["redact", str(p.transcript)],
    "process": lambda p: ["process", str(p.transcript), "--no-input"],
}

KINDS: dict[str, dict[str, Args]] = {
    "plans": {
        **{n: STUDY_COMMANDS[n] for n in ("validate", "status", "report", "export")},
        "inspect": FILE_COMMANDS["inspect"],
        "lint": FILE_COMMANDS["lint"],
        "process": lambda p: ["process", str(p.study), "--no-input"],
        "transcript": lambda p: ["transcript", str(p.transcript), "--plan", str(p.bad)],
    },
    "snapshots": {
        **STUDY_COMMANDS,
        "inspect": FILE_COMMANDS["inspect"],
        "tag": lambda p: ["tag", str(p.bad), *TAG_OPTIONS],
    },
    "transcripts": {
        **{n: FILE_COMMANDS[n] for n in ("transcript", "redact", "process")},
        # With the bad file cited as a snapshot's source transcript:
        "verify": STUDY_COMMANDS["verify"],
        "export": lambda p: ["export", str(p.study), "--format", "qdpx"],
    },
    "rosters": {**ON_TRANSCRIPT, "verify": STUDY_COMMANDS["verify"]},
    "codebooks": {
        "process": ON_TRANSCRIPT["process"],
        "validate": STUDY_COMMANDS["validate"],
    },
}

# Commands that read a transcript only as the source a snapshot cites.
CITED = {"verify", "export"}
CITING = "interviews/2026-01-05-participant-001.md"

# Snapshots that are each fine alone; only the study around them is wrong,
# so ``inspect`` and ``tag`` (one file, one edit) have nothing to refuse.
STUDY_ONLY = {
    "snapshots/duplicate-participant-id.md",
    "snapshots/missing-plan.md",
    "snapshots/unknown-hypothesis-number.md",
}

# (case, command) -> why it still fails; strict, so a fix is noticed.
KNOWN: dict[tuple[str, str], str] = {}
# ``Error: FILE:LINE: message``, or a further ``FILE:LINE: message`` line of it.
LOCATION = re.compile(r"^(?:Error: )?(?P<path>.+?)(?::\d+)?: ")


def _available(command: str) -> bool:
    module = COMMANDS[command][0]
    return importlib.util.find_spec(f"research_tool.cli.{module}") is not None


def catalogue() -> list[str]:
    """Every catalogue file, as ``kind/name``."""
    return sorted(
        p.relative_to(CATALOGUE).as_posix()
        for kind in KINDS
        for p in (CATALOGUE / kind).iterdir()
        if p.is_file()
    )


def cases() -> list[object]:
    params = []
    for case in catalogue():
        kind = case.split("/")[0]
        for command in KINDS[kind]:
            if case in STUDY_ONLY and command in ("inspect", "tag"):
                continue
            if not _available(command):
                continue
            marks = []
            if (case, command) in KNOWN:
                reason = KNOWN[case, command]
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            params.append(
                pytest.param(case, command, id=f"{case}::{command}", marks=marks)
            )
    return params


def base_study(root: Path) -> Path:
    """Two interviews with snapshots, a third transcript unprocessed, a codebook."""
    study = make_study(root, 2)
    transcripts = study / "transcripts"
    shutil.copyfile(
        transcripts / "2026-01-05-participant-002.vtt", transcripts / UNPROCESSED
    )
    (study / "codebook.yaml").write_text(GOOD_CODEBOOK, encoding="utf-8")
    return study


def place(case: str, root: Path, command: str = "") -> Placed:
    """Build the study and put the bad file where its kind of file lives."""
    study = base_study(root)
    source = CATALOGUE / case
    kind, name = case.split("/")
    if name.endswith(GENERATOR):
        name = name.removesuffix(GENERATOR)
    targets = {
        "plans": study / PLAN_NAME,
        "snapshots": study / "interviews" / name,
        "transcripts": study / "transcripts" / name,
        "rosters": study / "transcripts" / "roster.yaml",
        "codebooks": study / "codebook.yaml",
    }
    target = targets[kind]
    if source.name.endswith(GENERATOR):
        runpy.run_path(str(source))["generate"](target)
    else:
        shutil.copyfile(source, target)
    if kind == "transcripts" and command in CITED:
        cite(study, target.name)
    return Placed(study, target)


def cite(study: Path, name: str) -> None:
    """Make the first snapshot name ``name`` as its source transcript."""
    snapshot = study / CITING
    text = snapshot.read_text(encoding="utf-8")
    cited = text.replace(
        'source_transcript: "2026-01-05-participant-001.vtt"',
        f'source_transcript: "{name}"',
    )
    assert cited != text
    snapshot.write_text(cited, encoding="utf-8")


def fingerprint(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder``, by relative path."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def names(line: str, file: Path) -> bool:
    """True when ``line`` is a problem located in ``file``."""
    match = LOCATION.match(line)
    return match is not None and Path(match.group("path")).name == file.name


def invoke(args: list[str]) -> Result:
    return CliRunner().invoke(cli, args)


@pytest.mark.parametrize(("case", "command"), cases())
def test_bad_input_is_refused_cleanly(case: str, command: str, tmp_path: Path) -> None:
    placed = place(case, tmp_path, command)
    before = fingerprint(placed.study)

    result = invoke(KINDS[case.split("/")[0]][command](placed))

    lines = result.stderr.splitlines()
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception
    )
    assert "Traceback" not in result.output
    assert result.exit_code != 0, result.output
    if command == "lint":  # lint reports a broken plan as findings on stdout
        lines += result.stdout.splitlines()
    else:
        assert any(line.startswith("Error: ") for line in lines), result.output
    assert any(names(line, placed.bad) for line in lines), result.output
    assert fingerprint(placed.study) == before


GOOD = {
    "plans": PLAN_NAME,
    "snapshots": "interviews/2026-01-05-participant-001.md",
    "transcripts": f"transcripts/{UNPROCESSED}",
    "rosters": "transcripts/roster.yaml",
    "codebooks": "codebook.yaml",
}


@pytest.mark.parametrize(
    ("kind", "command"),
    [(k, c) for k, commands in KINDS.items() for c in commands if _available(c)],
)
def test_the_base_study_passes_every_command(
    kind: str, command: str, tmp_path: Path
) -> None:
    """The control: with good files in their place, every command succeeds."""
    study = base_study(tmp_path)
    good = study / GOOD[kind]
    if kind == "transcripts" and command in CITED:
        shutil.copyfile(study / "transcripts" / "2026-01-05-participant-001.vtt", good)
        cite(study, good.name)
    placed = Placed(study, good)

    result = CliRunner().invoke(
        cli, KINDS[kind][command](placed), catch_exceptions=False
    )

    # lint exits 1 for findings: the synthetic plan has a vague hypothesis.
    assert result.exit_code == (1 if command == "lint" else 0), result.output
    assert "Error:" not in result.output


def test_the_catalogue_has_a_readme_line_for_every_file() -> None:
    readme = (CATALOGUE / "README.md").read_text(encoding="utf-8")
    listed = {line.split("`")[1] for line in readme.splitlines() if "`" in line}
    assert set(catalogue()) <= listed
    assert len(catalogue()) >= 40
