"""``research status`` on synthetic studies of 10, 100 and 1,000 interviews.

Targets: the roll-up of 1,000 snapshots well under a second; a whole
status run (read every snapshot, regenerate the plan) in seconds; and
``research status --check`` on the example study under 0.3 s. Each is
timed with the quote cache in ``.research/`` warm (the usual case: nothing
changed since the last run) and cold (deleted before each run, so every
source transcript is read and redacted again).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks._util import (
    EXAMPLE_STUDY,
    Row,
    median_command_seconds,
    median_seconds,
    research_command,
)
from benchmarks.synthetic import make_study
from research_tool.fileio import TOOL_FOLDER
from research_tool.rollup import rollup
from research_tool.status import update_status
from research_tool.studies import load_study

SIZES = (10, 100, 1000)
COMMAND_RUNS = 20


def benchmarks() -> list[Row]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in SIZES:
            study = make_study(Path(folder) / str(n), n)
            warm = median_seconds(lambda s=study: update_status(s), repeat=3)
            cold = cold_seconds(study, lambda s=study: update_status(s), repeat=3)
            rows.append(Row("status", f"update_status, {n} snapshots", warm))
            rows.append(Row("status", f"  cold quote cache, {n} snapshots", cold))

        loaded = load_study(study)
        seconds = median_seconds(lambda: rollup(loaded.plan, loaded.snapshots))
        rows.append(Row("status", f"rollup only, {SIZES[-1]} snapshots", seconds))
    return rows + example_check_rows()


def example_check_rows() -> list[Row]:
    """``research status --check`` on the example study, a new process each run."""
    with tempfile.TemporaryDirectory() as tmp:
        study = Path(tmp) / EXAMPLE_STUDY.name
        shutil.copytree(
            EXAMPLE_STUDY, study, ignore=shutil.ignore_patterns(TOOL_FOLDER)
        )
        command = research_command("status", str(study))
        subprocess.run(command, check=True, capture_output=True)  # up to date
        command.append("--check")

        def check() -> None:
            subprocess.run(command, check=True, capture_output=True)

        warm = median_command_seconds(command, repeat=COMMAND_RUNS)
        cold = cold_seconds(study, check, repeat=COMMAND_RUNS)
    note = f"median of {COMMAND_RUNS} runs; target < 0.3 s"
    return [
        Row("status", "research status --check (example study)", warm, note=note),
        Row("status", "  cold quote cache (example study)", cold, note=note),
    ]


def cold_seconds(study: Path, run: Callable[[], object], repeat: int) -> float:
    """The median time of ``run`` with the study's ``.research/`` deleted first."""
    times = []
    for _ in range(repeat):
        shutil.rmtree(study / TOOL_FOLDER, ignore_errors=True)
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
