"""Start-up: ``research --help`` and ``research status`` (target: under 0.3 s)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks._util import (
    EXAMPLE_STUDY,
    Row,
    median_command_seconds,
    research_command,
)


def benchmarks() -> list[Row]:
    bare = median_command_seconds([sys.executable, "-c", "pass"])
    rows = [
        Row("start-up", "python -c pass", bare),
        Row(
            "start-up",
            "research --help",
            median_command_seconds(research_command("--help")),
            baseline=bare,
            note="ratio to a bare interpreter",
        ),
    ]

    # status on a copy brought up to date first, so --check exits 0 each time.
    with tempfile.TemporaryDirectory() as tmp:
        study = Path(tmp) / EXAMPLE_STUDY.name
        shutil.copytree(EXAMPLE_STUDY, study)
        subprocess.run(
            research_command("status", str(study)), check=True, capture_output=True
        )
        rows.append(
            Row(
                "start-up",
                "research status --check (example study)",
                median_command_seconds(
                    research_command("status", str(study), "--check")
                ),
                baseline=bare,
            )
        )
    return rows
