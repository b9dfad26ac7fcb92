"""Scale: ``status``, ``verify`` and ``report`` on synthetic studies of N interviews.

Each library call is timed on N = 10, 100 and 1,000 (medians), and the
growth exponent k of ``time ~ N**k`` is fitted by least squares on the
log-log points. Target: k at most 1 (linear).
"""

from __future__ import annotations

import math
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks._util import Row, median_seconds
from benchmarks.synthetic import make_study

SIZES = (10, 100, 1000)
TARGET = 1.0


def operations(study: Path, out: Path) -> dict[str, Callable[[], object]]:
    """The three library calls behind the commands, on one study."""
    from research_tool.redaction import default_pipeline
    from research_tool.report.build import write_report
    from research_tool.status import update_status
    from research_tool.verify import verify_path

    pipeline = default_pipeline()
    return {
        "status": lambda: update_status(study, write=False),
        "verify": lambda: verify_path(study, pipeline=pipeline),
        "report": lambda: write_report(study, out=out),
    }


def growth_exponent(points: list[tuple[int, float]]) -> float:
    """The slope of log(seconds) against log(N), by least squares."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(seconds) for _, seconds in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    variance = sum((x - mean_x) ** 2 for x in xs)
    return covariance / variance


def measure(sizes: tuple[int, ...] = SIZES) -> dict[str, list[tuple[int, float]]]:
    """Median seconds per operation and size, each on a fresh synthetic study."""
    timings: dict[str, list[tuple[int, float]]] = {}
    for n in sizes:
        workdir = Path(tempfile.mkdtemp(prefix=f"bench-scale-{n}-"))
        try:
            study = make_study(workdir, n)
            repeat = 3 if n >= 1000 else 7
            for name, call in operations(study, workdir / "out").items():
                timings.setdefault(name, []).append((n, median_seconds(call, repeat)))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    return timings


def benchmarks() -> list[Row]:
    rows = []
    for name, points in measure().items():
        for n, seconds in points:
            per = seconds / n * 1000
            rows.append(Row("scale", f"{name}, N={n}", seconds, note=f"{per:.2f} ms/N"))
        k = growth_exponent(points)
        verdict = "ok" if k <= TARGET + 0.05 else "above target"
        rows.append(
            Row(
                "scale",
                f"{name} growth exponent",
                k,
                unit="",
                note=f"time ~ N^k, target k <= {TARGET:g}: {verdict}",
            )
        )
    return rows
