"""Load a study, build its findings, and write findings.md and findings.html.

This is the one library call behind ``research report``. Writes are atomic,
and nothing in the outputs depends on the clock: the same study gives the
same bytes, with a date only when the caller passes one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from research_tool import plans
from research_tool.generated import refuse_if_edited, write_generated
from research_tool.report.findings import assemble
from research_tool.report.quotes import Exclude, relative_path
from research_tool.report.render import environment, render_html, render_markdown
from research_tool.report.sections import Findings, Verdict, VerificationSummary
from research_tool.rollup import rollup
from research_tool.studies import LoadedStudy, load_study
from research_tool.verification import exclude_failed
from research_tool.verify import verify_study

if TYPE_CHECKING:
    from research_tool.verify import Verification

log = logging.getLogger(__name__)

FORMATS = ("md", "html")
FILE_NAMES = {"md": "findings.md", "html": "findings.html"}
COMMAND = "research report"


@dataclass(frozen=True)
class ReportResult:
    paths: dict[str, Path]  # format -> file written
    counts: dict[str, int]


def build_findings(
    loaded: LoadedStudy,
    *,
    verification: Verification | None = None,
    exclude: Exclude | None = None,
    date: str | None = None,
) -> Findings:
    """The findings of a loaded study, its hypotheses rolled up.

    ``exclude`` leaves evidence out of the roll-up and the quotes (for
    example evidence whose quote failed to verify); ``verification`` is
    summarised in the appendix and marks each quote's state.
    """
    result = rollup(loaded.plan, loaded.snapshots, exclude=exclude)
    verdicts = [
        Verdict(
            h.number, h.text, h.status, h.supports, h.challenges, h.mixed, h.no_data
        )
        for h in result.hypotheses
    ]
    return assemble(
        loaded.study.root,
        loaded.plan,
        loaded.snapshots,
        verdicts,
        things=plans.three_things(loaded.plan),
        sample_planned=plans.sample_size_target(loaded.plan),
        verification=summarise(loaded, verification) if verification else None,
        exclude=exclude,
        excluded=result.excluded_count,
        date=date,
    )


def summarise(loaded: LoadedStudy, verification: Verification) -> VerificationSummary:
    """Counts and per-quote states of the snapshots' quotes (not the old report)."""
    by_path = {s.path: s for s in loaded.snapshots}
    states: dict[tuple[str, int], str] = {}
    counts = {"verified": 0, "failed": 0, "unverifiable": 0}
    for item in verification.items:
        snapshot = by_path.get(item.path)
        if item.kind == "report" or snapshot is None:
            continue
        states[(relative_path(loaded.study.root, snapshot), item.line)] = item.state
        counts[item.state] += 1
    return VerificationSummary(
        counts["verified"], counts["failed"], counts["unverifiable"], states
    )


def render_findings(
    findings: Findings, study_root: Path, formats: tuple[str, ...] = FORMATS
) -> dict[str, str]:
    """The text of each requested format, from the study's or shipped templates."""
    env = environment(study_root)
    renderers = {"md": render_markdown, "html": render_html}
    return {fmt: renderers[fmt](findings, env) for fmt in formats}


def write_report(
    path: Path,
    *,
    formats: tuple[str, ...] = FORMATS,
    out: Path | None = None,
    date: str | None = None,
    verification: Verification | None = None,
    exclude: Exclude | None = None,
    verify: bool = True,
    allow_unverified: bool = False,
    force: bool = False,
) -> ReportResult:
    """Write the findings of the study at ``path`` into ``out`` (default reports/).

    With ``verify`` (the default) and no ``verification`` given, every quote is
    checked first; evidence whose quote is not in its transcript is left out
    unless ``allow_unverified``, and the appendix reports the result. A
    findings file someone edited by hand is not replaced unless ``force``
    (then a backup is kept); see ``research_tool.generated``.

    >>> write_report(Path("studies/account-management-effectiveness"))  # doctest: +SKIP
    """
    loaded = load_study(path)
    if verification is None and verify:
        verification = verify_study(loaded, lenient=True)
    if exclude is None and verification is not None:
        exclude = exclude_failed(verification, allow_unverified=allow_unverified)
    findings = build_findings(
        loaded, verification=verification, exclude=exclude, date=date
    )
    texts = render_findings(findings, loaded.study.root, formats)

    folder = out if out is not None else loaded.study.reports_dir
    folder.mkdir(parents=True, exist_ok=True)
    paths = {fmt: folder / FILE_NAMES[fmt] for fmt in texts}
    if not force:  # check both files before writing either
        for target in paths.values():
            refuse_if_edited(target)
    for fmt, text in texts.items():
        write_generated(paths[fmt], text, command=COMMAND)
        log.debug("wrote %s (%d characters)", paths[fmt], len(text))
    return ReportResult(paths, findings.counts())
