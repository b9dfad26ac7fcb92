"""Processing one interview of a study, with the pipeline loaded once.

``Interview`` holds what every transcript of a run shares (the spaCy
pipeline, the compiled taggers, the study's tags) and turns one transcript
file into a written snapshot and a ``process.Result``.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from research_tool.analysis import Analyser, Analysis
from research_tool.codebook import check_hypotheses, load_codebook
from research_tool.process import (
    Options,
    Result,
    StudyState,
    target_path,
    write_snapshot,
)
from research_tool.snapshot_writer import (
    EvidenceItem,
    HypothesisRow,
    SnapshotMeta,
    render_snapshot,
)
from research_tool.timecodes import format_timestamp

MAX_SURPRISES = 3
_NUMBER = re.compile(r"(\d+)$")


class Interview:
    """The shared machinery of one ``research process`` run."""

    def __init__(self, state: StudyState, options: Options) -> None:
        from research_tool.nlp import BLANK_NAMES, load_pipeline

        self.state = state
        self.options = options
        codebook = load_codebook(state.study.root)
        check_hypotheses(codebook, {h.number for h in state.plan.hypotheses})
        self.codebook = codebook.path
        blank = options.blank or options.model in BLANK_NAMES
        model = None if options.model in BLANK_NAMES else options.model
        self.pipeline = load_pipeline(model, blank=blank)
        self.analyser = Analyser(
            self.pipeline,
            state.plan.hypotheses,
            codebook=codebook,
            existing_tags=state.tags(),
        )

    def process(self, path: Path, *, participant_id: str | None = None) -> Result:
        """Write the snapshot of ``path`` and say what was found."""
        from research_tool.plans import guide_questions
        from research_tool.redaction import read_redacted
        from research_tool.roster import ensure_gitignore

        pid, number = self._identity(path, participant_id)
        target = target_path(self.state, path, self.options, number)
        redacted = read_redacted(
            path,
            self.state.study,
            pid,
            guide=guide_questions(self.state.plan),
            pipeline=self.pipeline,
        )
        analysis = self.analyser.analyse(redacted.transcript)

        text = self._render(path, pid, target, analysis, redacted.transcript)
        backup = write_snapshot(target, text, force=self.options.force)
        _save_discovered(self.state, redacted.discovered)
        ensure_gitignore(self.state.study.transcripts_dir)
        self._remember(target)
        return self._result(path, target, pid, analysis, backup, redacted.counts)

    def _identity(self, path: Path, given: str | None) -> tuple[str, int]:
        existing = self.state.processed().get(path.name)
        pid = given or (existing.participant_id if existing else "")
        match = _NUMBER.search(pid)
        number = int(match.group(1)) if match else self.state.next_number()
        return pid or f"user-{number:03d}", number

    def _render(
        self, path: Path, pid: str, target: Path, analysis: Analysis, transcript: Any
    ) -> str:
        duration = transcript.duration_seconds
        meta = SnapshotMeta(
            participant_id=pid,
            date=target.name[:10],
            research_plan=self.state.plan.slug,
            source_transcript=_cited(path, self.state.study.transcripts_dir),
            pipeline=analysis.pipeline,
            role=self.options.role,
            company_type=self.options.company_type,
            focus=self.options.focus,
            duration_minutes=round(duration / 60) if duration else None,
            tags=tuple(analysis.tags),
        )
        return render_snapshot(
            meta,
            summary=analysis.summary,
            steps=analysis.steps,
            insights=analysis.insights,
            opportunities=analysis.opportunities,
            hypotheses=hypothesis_rows(self.state, analysis),
            observations=analysis.observations,
            study_root=self.state.study.root,
        )

    def _remember(self, target: Path) -> None:
        from research_tool.snapshots import parse_snapshot

        written = parse_snapshot(target)
        others = [s for s in self.state.snapshots if s.path != target]
        self.state.snapshots = [*others, written]

    def _result(
        self,
        path: Path,
        target: Path,
        pid: str,
        analysis: Analysis,
        backup: Path | None,
        redactions: dict[str, int],
    ) -> Result:
        from research_tool.followups import follow_ups
        from research_tool.rollup import rollup

        rows = hypothesis_rows(self.state, analysis)
        plan = self.state.plan
        pending = follow_ups(plan, rollup(plan, self.state.snapshots))
        return Result(
            transcript=path,
            snapshot=target,
            participant_id=pid,
            pipeline=analysis.pipeline,
            insights=dict(Counter(i.type for i in analysis.insights)),
            evidence={
                r.number: dict(Counter(e.stance for e in r.evidence)) for r in rows
            },
            statuses={r.number: r.status for r in rows},
            surprises=surprises(analysis),
            follow_ups=[
                {"hypothesis": f.number, "text": f.hypothesis, "probe": f.probe}
                for f in pending
            ],
            backup=backup,
            redactions=redactions,
            codebook=self.codebook,
        )


def hypothesis_rows(state: StudyState, analysis: Analysis) -> list[HypothesisRow]:
    """One row per plan hypothesis, with the evidence found for it."""
    rows = []
    for hypothesis in state.plan.hypotheses:
        items = tuple(
            EvidenceItem(f.passage.text, f.stance, f.passage.at, f.why)
            for f in analysis.evidence.get(hypothesis.number, [])
        )
        rows.append(HypothesisRow(hypothesis.number, hypothesis.text, items))
    return rows


def surprises(analysis: Analysis) -> list[str]:
    """Evidence against a hypothesis, then strong themes no hypothesis covers."""
    found = []
    for number, items in sorted(analysis.evidence.items()):
        for item in items:
            if item.stance == "challenges":
                found.append(
                    (-item.score, f"challenges hypothesis {number}", item.passage)
                )

    used = {f.passage.index for items in analysis.evidence.values() for f in items}
    for insight in analysis.insights:
        passage = insight.candidate.passage
        if passage.index not in used and insight.topics:
            label = f"new theme ({insight.type}: {', '.join(insight.topics)})"
            found.append((10 - insight.candidate.typing.score, label, passage))

    found.sort(key=lambda f: (f[0], f[2].index))
    return [
        f'{label}: "{passage.text}"'
        + (f" at {format_timestamp(passage.at)}" if passage.at is not None else "")
        for _, label, passage in found[:MAX_SURPRISES]
    ]


def _cited(path: Path, transcripts_dir: Path) -> str:
    """How the snapshot names its transcript: relative to transcripts/."""
    try:
        return path.resolve().relative_to(transcripts_dir.resolve()).as_posix()
    except ValueError:
        return path.name


def _save_discovered(
    state: StudyState, discovered: tuple[tuple[str, str, str], ...]
) -> None:
    """Add names the entity pass found to the roster, so they stay stable."""
    if not discovered:
        return
    from research_tool.roster import add, load_roster, roster_path, save_roster

    path = roster_path(state.study)
    roster = load_roster(path)
    for kind, name, pseudonym in discovered:
        add(roster, name, pseudonym, organisation=kind != "person")
    save_roster(path, roster)
