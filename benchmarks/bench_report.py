"""``research report`` on synthetic studies of 10, 100 and 1,000 interviews.

Target: 1,000 snapshots in seconds, and time growing no faster than
linearly (a fitted log-log exponent of about 1 or less). Two measures: the
whole ``write_report`` call (loading and parsing every snapshot included),
and building plus rendering the findings of a study already loaded.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from benchmarks._util import Row, median_seconds
from benchmarks.synthetic import make_study
from research_tool.report.build import build_findings, render_findings, write_report
from research_tool.studies import load_study

SIZES = (10, 100, 1000)


def growth_exponent(sizes: list[int], seconds: list[float]) -> float:
    """The slope of log(time) against log(size), by least squares."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(t) for t in seconds]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return covariance / sum((x - mean_x) ** 2 for x in xs)


def _render(study: Path) -> float:
    loaded = load_study(study)

    def once() -> None:
        render_findings(build_findings(loaded), loaded.study.root)

    return median_seconds(once, repeat=3)


def benchmarks() -> list[Row]:
    rows: list[Row] = []
    whole: list[float] = []
    render: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for n in SIZES:
            study = make_study(Path(folder) / str(n), n)
            whole.append(median_seconds(lambda s=study: write_report(s), repeat=3))
            render.append(_render(study))
            size = (study / "reports" / "findings.html").stat().st_size // 1024
            rows.append(
                Row(
                    "report",
                    f"write_report, {n} snapshots",
                    whole[-1],
                    note=f"findings.html {size} KiB",
                )
            )
            rows.append(
                Row(
                    "report",
                    f"build + render only, {n} snapshots",
                    render[-1],
                    note="study already loaded",
                )
            )

    for name, times in (("write_report", whole), ("build + render", render)):
        rows.append(
            Row(
                "report",
                f"growth exponent, {name}",
                growth_exponent([*SIZES], times),
                unit="",
                note="log-log least squares; 1.0 = linear",
            )
        )
    return rows
