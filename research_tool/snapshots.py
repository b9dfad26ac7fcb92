"""Interview snapshots (the format of SNAPSHOT-FORMAT.md) read back into data.

``parse_snapshot`` checks the whole file and raises one ProblemsError
listing every problem; when one of them is a hypothesis the plan lacks, the
error is also an UnknownHypothesis.
"""

from __future__ import annotations

from pathlib import Path

from research_tool.errors import Problem, ProblemsError, UnknownHypothesis
from research_tool.fileio import read_text
from research_tool.mdtable import Document, Table, parse_markdown
from research_tool.model import (
    INSIGHT_TYPES,
    STRENGTHS,
    Insight,
    Opportunity,
    Plan,
    Snapshot,
)
from research_tool.quoteblocks import block_time, read_blocks, unquote
from research_tool.snapshot_tracking import read_tracking
from research_tool.snapshot_tracking import row_stance as row_stance
from research_tool.yamlblock import load


class UnknownHypotheses(ProblemsError, UnknownHypothesis):
    """Several problems, at least one a hypothesis number the plan lacks."""


def parse_snapshot(path: Path, *, plan: Plan | None = None) -> Snapshot:
    """Read and check a snapshot file (see ``parse_snapshot_text``)."""
    source = read_text(path)
    return parse_snapshot_text(path, source.text, source.digest, plan=plan)


def parse_snapshot_text(
    path: Path, text: str, digest: str, *, plan: Plan | None = None
) -> Snapshot:
    """Parse a snapshot; with ``plan``, also check its hypothesis numbers."""
    frontmatter, block, problems = load(path, text)
    if block is None:
        raise ProblemsError(problems)
    if not problems and not frontmatter.get("participant_id"):
        message = (
            "frontmatter has no participant_id; add e.g. 'participant_id: user-001'"
        )
        problems.append(Problem(path, 1, message))

    document = parse_markdown(text, blank_lines=block.end)
    snapshot = Snapshot(
        path,
        text,
        digest,
        frontmatter,
        _insights(path, document, problems),
        read_tracking(path, document, problems),
        _opportunities(path, document, problems),
        {s.title: document.body(s) for s in document.sections if s.level == 2},
    )

    unknown = plan_problems(snapshot, plan) if plan is not None else []
    if unknown:
        raise UnknownHypotheses(sorted(problems + unknown, key=lambda p: p.line))
    if problems:
        raise ProblemsError(problems)
    return snapshot


def plan_problems(snapshot: Snapshot, plan: Plan) -> list[Problem]:
    """Hypothesis Tracking rows that name a number the plan does not have."""
    known = {h.number for h in plan.hypotheses}
    problems = []
    for entry in snapshot.hypotheses:
        if not entry.is_new and int(entry.number) not in known:
            message = (
                f"hypothesis {entry.number} is not in the plan {plan.path.name} "
                f"(it has {_numbers(known)}); fix the number or mark the row NEW"
            )
            problems.append(Problem(snapshot.path, entry.line, message))
    return problems


def _insights(path: Path, document: Document, problems: list[Problem]) -> list[Insight]:
    section = document.section("Insights", 2)
    if section is None:
        return []
    insights = []
    for block in read_blocks(document.lines, section.line + 1, section.end_line):
        kind, kind_line = block.fields.get("type", ("", block.line))
        kind = kind.strip().strip("`").casefold()
        if kind not in INSIGHT_TYPES:
            found = (
                f"unknown insight type {kind!r}" if kind else "insight has no **Type:**"
            )
            message = f"{found}; use one of {', '.join(INSIGHT_TYPES)}"
            problems.append(Problem(path, kind_line, message))
            continue
        topics = block.fields.get("topics", ("", 0))[0]
        insights.append(
            Insight(
                block.quote,
                kind,
                tuple(t.strip().strip("`") for t in topics.split(",") if t.strip()),
                block.fields.get("context", ("", 0))[0],
                block_time(path, block, problems),
                block.line,
                block.observed,
            )
        )
    return insights


def _opportunities(
    path: Path, document: Document, problems: list[Problem]
) -> list[Opportunity]:
    section = document.section("Opportunities", 2)
    tables: list[Table] = document.tables_in(section) if section else []
    if not tables:
        return []
    table = tables[0]
    text_col = table.column("Opportunity")
    strength_col = table.column("Evidence Strength", "Strength")
    quote_col = table.column("Quote", "Evidence")
    found = []
    for row in table.rows:
        strength = row.get(strength_col).strip("*").strip().capitalize()
        if strength and strength not in STRENGTHS:
            message = (
                f"unknown evidence strength {row.get(strength_col)!r}; "
                "use Strong, Medium or Weak"
            )
            problems.append(Problem(path, row.line, message))
        found.append(
            Opportunity(
                row.get(text_col), strength, unquote(row.get(quote_col))[0], row.line
            )
        )
    return found


def _numbers(known: set[int]) -> str:
    return ", ".join(str(n) for n in sorted(known)) or "none"
