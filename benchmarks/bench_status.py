"""``research status`` on synthetic studies of 10, 100 and 1,000 interviews.

Targets: the roll-up of 1,000 snapshots well under a second; a whole
status run (read every snapshot, regenerate the plan) in seconds.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks._util import Row, median_seconds
from benchmarks.synthetic import make_study
from research_tool.rollup import rollup
from research_tool.status import update_status
from research_tool.studies import load_study

SIZES = (10, 100, 1000)


def benchmarks() -> list[Row]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in SIZES:
            study = make_study(Path(folder) / str(n), n)
            seconds = median_seconds(lambda s=study: update_status(s), repeat=3)
            rows.append(Row("status", f"update_status, {n} snapshots", seconds))

        loaded = load_study(study)
        seconds = median_seconds(lambda: rollup(loaded.plan, loaded.snapshots))
        rows.append(Row("status", f"rollup only, {SIZES[-1]} snapshots", seconds))
    return rows
