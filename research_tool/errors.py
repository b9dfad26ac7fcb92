"""Domain exceptions. The CLI turns each into ``Error: FILE:LINE: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, at one line (1-based; 0 when unknown)."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class ResearchError(Exception):
    """Base class: something in the researcher's files stops the command."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        self.problem = Problem(Path(path), line, message)
        super().__init__(str(self.problem))

    @property
    def path(self) -> Path:
        return self.problem.path

    @property
    def line(self) -> int:
        return self.problem.line


class ProblemsError(ResearchError):
    """Several problems found at once; ``str()`` lists every one of them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        first = self.problems[0]
        super().__init__(first.path, first.line, first.message)
        self.args = ("\n".join(str(p) for p in self.problems),)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class FileReadError(ResearchError):
    """The file cannot be read as text (missing, binary, wrong encoding)."""


class PlanError(ResearchError):
    """A study plan is malformed."""


class SnapshotError(ResearchError):
    """An interview snapshot is malformed."""


class UnknownHypothesis(SnapshotError):
    """A snapshot names a hypothesis that its plan does not have."""


class StudyError(ResearchError):
    """A study folder cannot be resolved (no plan, two plans, missing folder)."""


class TranscriptFormatError(ResearchError):
    """A transcript cannot be read into speaker turns."""


class RosterError(ResearchError):
    """A study roster (names to pseudonyms) is malformed."""


class CodebookError(ResearchError):
    """A study codebook is malformed."""


class WriteRefused(ResearchError):
    """Writing would overwrite a researcher's edit or an existing file."""
