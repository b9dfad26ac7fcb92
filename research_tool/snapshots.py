"""Interview snapshots (the format of SNAPSHOT-FORMAT.md) read back into data.

``parse_snapshot`` checks the whole file and raises one ProblemsError
listing every problem; when one of them is a hypothesis the plan lacks, the
error is also an UnknownHypothesis.
"""

from __future__ import annotations

import re
from pathlib import Path

from research_tool.errors import Problem, ProblemsError, UnknownHypothesis
from research_tool.fileio import read_text
from research_tool.mdtable import Document, Table, parse_markdown
from research_tool.model import (
    INSIGHT_TYPES,
    SNAPSHOT_STATUSES,
    STRENGTHS,
    Evidence,
    HypothesisEntry,
    Insight,
    Opportunity,
    Plan,
    Snapshot,
    Stance,
)
from research_tool.quoteblocks import QuoteBlock, read_blocks, unquote
from research_tool.timecodes import parse_timestamp
from research_tool.yamlblock import load

_STATUS = re.compile(r"^(SUPPORTED|CHALLENGED|MIXED|NEW|NO[ _-]DATA)\b", re.IGNORECASE)
_EVIDENCE_HEADING = re.compile(r"^evidence for hypothesis\s+(\S+)$", re.IGNORECASE)
_EMPTY_CELL = {"", "-", "—", "–", "n/a", "none", "no data"}
ROW_STANCE: dict[str, Stance] = {"SUPPORTED": "supports", "CHALLENGED": "challenges"}
STANCE_WORDS: dict[str, Stance] = {"supports": "supports", "challenges": "challenges"}


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
        _hypotheses(path, document, problems),
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


def row_stance(status: str) -> Stance | None:
    """The stance a hand-written Evidence cell takes from its row's status."""
    return ROW_STANCE.get(status)


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
                _at(path, block, problems),
                block.line,
                block.observed,
            )
        )
    return insights


def _hypotheses(
    path: Path, document: Document, problems: list[Problem]
) -> list[HypothesisEntry]:
    section = document.section("Hypothesis Tracking", 2)
    tables = document.tables_in(section) if section else []
    if section is None or not tables:
        return []
    blocks = _evidence_blocks(path, document, section.line, problems)
    table = tables[0]
    columns = [
        table.column(*names)
        for names in (("#",), ("Hypothesis",), ("Status",), ("Evidence",))
    ]
    number_col, text_col, status_col, evidence_col = columns
    if status_col is None:
        problems.append(
            Problem(
                path, table.line, "the Hypothesis Tracking table has no Status column"
            )
        )
        return []

    entries = []
    for row in table.rows:
        number = row.get(0 if number_col is None else number_col)
        match = _STATUS.match(row.get(status_col))
        if match is None:
            allowed = ", ".join(SNAPSHOT_STATUSES)
            message = f"unknown status {row.get(status_col)!r}; use one of {allowed}"
            problems.append(Problem(path, row.line, message))
            continue
        status = (
            "NO DATA"
            if match.group(1).upper().startswith("NO")
            else match.group(1).upper()
        )
        evidence = blocks.pop(number, None)
        if evidence is None:
            evidence = _cell_evidence(row.get(evidence_col), status, row.line)
        entries.append(
            HypothesisEntry(
                number, row.get(text_col), status, tuple(evidence), row.line
            )
        )

    for number, items in blocks.items():
        message = (
            f"evidence for hypothesis {number} but the table has no row "
            f"{number}; add the row"
        )
        problems.append(
            Problem(path, items[0].line if items else section.line, message)
        )
    return entries


def _evidence_blocks(
    path: Path, document: Document, after: int, problems: list[Problem]
) -> dict[str, list[Evidence]]:
    section = document.section("Hypothesis Tracking", 2)
    assert section is not None
    found: dict[str, list[Evidence]] = {}
    for sub in document.subsections(section):
        match = _EVIDENCE_HEADING.match(sub.title)
        if match is None:
            continue
        items = found.setdefault(match.group(1), [])
        for block in read_blocks(document.lines, sub.line + 1, sub.end_line):
            item = _evidence_item(path, block, problems)
            if item is not None:
                items.append(item)
    return found


def _evidence_item(
    path: Path, block: QuoteBlock, problems: list[Problem]
) -> Evidence | None:
    text, line = block.fields.get("stance", ("", block.line))
    stance = STANCE_WORDS.get(text.strip().casefold())
    if stance is None:
        found = f"unknown stance {text.strip()!r}" if text.strip() else "no **Stance:**"
        problems.append(Problem(path, line, f"{found}; use supports or challenges"))
        return None

    why = block.fields.get("why", ("", 0))[0]
    return Evidence(block.quote, stance, _at(path, block, problems), block.line, why)


def _cell_evidence(cell: str, status: str, line: int) -> list[Evidence]:
    if cell.strip().casefold() in _EMPTY_CELL:
        return []
    quote, _ = unquote(cell)
    return [Evidence(quote, row_stance(status), None, line)]


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


def _at(path: Path, block: QuoteBlock, problems: list[Problem]) -> float | None:
    text, line = block.fields.get("at", ("", 0))
    if not text.strip():
        return None
    seconds = parse_timestamp(text.strip().strip("`"))
    if seconds is None:
        problems.append(
            Problem(path, line, f"**At:** {text!r} is not a time; write it as 00:12:31")
        )
    return seconds


def _numbers(known: set[int]) -> str:
    return ", ".join(str(n) for n in sorted(known)) or "none"
