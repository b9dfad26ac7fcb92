"""Start-up: ``research --help`` and ``research status`` (target: under 0.3 s)."""

from __future__ import annotations

import sys

from benchmarks._util import (
    EXAMPLE_STUDY,
    Row,
    median_command_seconds,
    research_command,
)


def benchmarks() -> list[Row]:
    python_only = median_command_seconds([sys.executable, "-c", "pass"])
    rows = [
        Row("start-up", "python -c pass", python_only),
        Row(
            "start-up",
            "research --help",
            median_command_seconds(research_command("--help")),
            baseline=python_only,
            note="ratio to a bare interpreter",
        ),
    ]
    status = research_command("status", str(EXAMPLE_STUDY), "--check")
    try:
        rows.append(
            Row("start-up", "research status --check", median_command_seconds(status))
        )
    except Exception as exc:  # status exits 1 when the plan is stale
        rows.append(
            Row("start-up", "research status --check", float("nan"), note=str(exc)[:60])
        )
    return rows
