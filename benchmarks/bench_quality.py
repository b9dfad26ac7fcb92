"""Quality rows for the benchmark table (details: ``python -m benchmarks.quality``)."""

from __future__ import annotations

from benchmarks._util import Row
from benchmarks.quality import measure


def benchmarks() -> list[Row]:
    rows = []
    for line in measure():
        if line.measure.startswith("suggestions"):
            continue
        rows.append(
            Row(
                f"quality: {line.data}",
                line.measure,
                line.tool,
                unit="",
                baseline=line.baseline,
                note=_note(line.target),
            )
        )
    return rows


def _note(target: str) -> str:
    note = "ratio to keyword search"
    return f"{note}; target {target}" if target else note
