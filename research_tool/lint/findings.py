"""What the linter reports: a rule's finding, and the report for one plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Finding:
    """One problem a rule found, at a 1-based line of the plan."""

    line: int
    message: str
    suggestion: str = ""


@dataclass(frozen=True)
class Reported:
    """A finding with the rule that made it and the rule's explanation."""

    line: int
    rule: str
    message: str
    explanation: str
    suggestion: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "rule": self.rule,
            "message": self.message,
            "explanation": self.explanation,
            "suggestion": self.suggestion or None,
        }


@dataclass
class LintReport:
    """Every finding for one plan, in line order."""

    path: Path
    findings: list[Reported] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.findings

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "findings": [finding.as_dict() for finding in self.findings],
        }
