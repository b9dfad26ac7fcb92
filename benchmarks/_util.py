"""Timing helpers shared by the benchmark modules."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLE_STUDY = ROOT / "studies" / "account-management-effectiveness"


@dataclass
class Row:
    """One line of the benchmark table."""

    group: str
    name: str
    value: float  # the median, in ``unit``
    unit: str = "s"
    baseline: float | None = None  # same unit; ratio = value / baseline
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None


def median_seconds(function: Callable[[], object], repeat: int = 5) -> float:
    """The median wall time of ``repeat`` calls, after one warm-up call."""
    function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_command_seconds(args: list[str], repeat: int = 5) -> float:
    """The median wall time of running a command (a fresh process each time)."""

    def once() -> None:
        subprocess.run(args, check=True, capture_output=True)

    return median_seconds(once, repeat)


def research_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "research_tool", *args]
