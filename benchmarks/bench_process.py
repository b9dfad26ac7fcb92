"""``research process`` on a 60-minute transcript (target: under 2 s, 300 MB).

The transcript is the shared corpus's 01 WebVTT podcast (about an hour of
speech), placed in a copy of the example study. Wall time is for a fresh
``research process`` run, start-up included, as a researcher would see it;
peak memory is the largest resident size of those runs.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks._util import (
    CORPUS,
    EXAMPLE_STUDY,
    Row,
    median_command_seconds,
    median_seconds,
    research_command,
)

HOUR_VTT = CORPUS / "01_webvtt_talkpython-554_trustworthy-ai-in-healthcare.vtt"
NAME = "2026-03-10-podcast.vtt"
REPEAT = 5


def benchmarks() -> list[Row]:
    if not HOUR_VTT.is_file():
        return [Row("process", "60-min VTT", float("nan"), note="corpus not found")]

    with tempfile.TemporaryDirectory() as folder:
        study = Path(folder) / EXAMPLE_STUDY.name
        shutil.copytree(EXAMPLE_STUDY, study)
        source = study / "transcripts" / NAME
        shutil.copyfile(HOUR_VTT, source)
        command = research_command(
            "process", str(source), "--no-input", "--force", "--model", "blank-en"
        )

        subprocess.run(command, check=True, capture_output=True)
        words = _words(source)
        before = _children_cpu()
        wall = median_command_seconds(command, repeat=REPEAT)
        cpu = (_children_cpu() - before) / (REPEAT + 1)  # +1: the warm-up run
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        analyse = _analysis_seconds(study, source)

    return [
        Row(
            "process", f"60-min VTT ({words:,} words), wall", wall, note="target < 2 s"
        ),
        Row(
            "process",
            "CPU time (user + system) per run",
            cpu,
            note="wall on an idle machine; wall grows with other load",
        ),
        Row("process", "peak resident memory", peak_mb, unit="MB", note="target < 300"),
        Row(
            "process", "analysis alone (warm)", analyse, note="parse + tag, in-process"
        ),
        Row(
            "process",
            "python -c pass",
            median_command_seconds([sys.executable, "-c", "pass"]),
            note="interpreter start, for scale",
        ),
    ]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _words(source: Path) -> int:
    from research_tool.transcripts import read_transcript

    return sum(len(t.text.split()) for t in read_transcript(source).turns)


def _analysis_seconds(study: Path, source: Path) -> float:
    from research_tool.analysis import Analyser
    from research_tool.nlp import load_pipeline
    from research_tool.plans import parse_plan
    from research_tool.studies import resolve_study
    from research_tool.transcripts import read_transcript

    plan = parse_plan(resolve_study(study).plan_path)
    analyser = Analyser(load_pipeline(blank=True), plan.hypotheses)
    transcript = read_transcript(source)
    return median_seconds(lambda: analyser.analyse(transcript), repeat=5)
