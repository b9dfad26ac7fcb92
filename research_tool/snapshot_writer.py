"""Writing snapshots: rendering a new one, and the pieces edits share.

Rendering goes through ``templates/snapshot.md.j2`` (a study may override
it). Whatever comes from a transcript is escaped for where it lands: a
table cell gets its pipes escaped and its line breaks flattened; a quote or
a field stays on one line; frontmatter values are double-quoted YAML, so no
transcript text can end the frontmatter, add a key, or break a table.

Editing an existing snapshot (``research tag`` / ``untag``) lives in
``snapshot_edit``, which writes its evidence blocks with ``evidence_block``
and recomputes a row's status with ``status_for`` from here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from research_tool.mdtable import escape_cell
from research_tool.model import Stance
from research_tool.templating import environment
from research_tool.timecodes import format_timestamp

TEMPLATE = "snapshot.md.j2"
PLACEHOLDER = "[{} — fill in]"
NO_EVIDENCE = "—"
INSIGHT_SECTIONS = (
    ("Pain Points", "pain-point"),
    ("Needs", "need"),
    ("Behaviors", "behavior"),
    ("Workarounds", "workaround"),
    ("Desires", "desire"),
    ("Motivations", "motivation"),
)


@dataclass(frozen=True)
class SnapshotMeta:
    """The frontmatter of a snapshot to write."""

    participant_id: str
    date: str  # YYYY-MM-DD
    research_plan: str
    source_transcript: str
    pipeline: str
    role: str = ""
    company_type: str = ""
    focus: str = ""
    duration_minutes: int | None = None
    tags: tuple[str, ...] = ()

    def filled(self) -> SnapshotMeta:
        """Blank fields replaced by a visible placeholder."""
        return SnapshotMeta(
            **{
                **self.__dict__,
                "role": self.role or PLACEHOLDER.format("role"),
                "company_type": self.company_type or PLACEHOLDER.format("company type"),
                "focus": self.focus or PLACEHOLDER.format("focus"),
            }
        )


@dataclass(frozen=True)
class EvidenceItem:
    quote: str
    stance: Stance
    at: float | None = None
    why: str = ""


@dataclass(frozen=True)
class HypothesisRow:
    number: int
    text: str
    evidence: tuple[EvidenceItem, ...] = field(default_factory=tuple)

    @property
    def status(self) -> str:
        return status_for([e.stance for e in self.evidence])

    @property
    def cell(self) -> str:
        return quote(self.evidence[0].quote) if self.evidence else NO_EVIDENCE


def status_for(stances: Sequence[str]) -> str:
    """SUPPORTED, CHALLENGED, MIXED or NO DATA from the stances found."""
    kinds = set(stances)
    if not kinds:
        return "NO DATA"
    if kinds == {"supports"}:
        return "SUPPORTED"
    if kinds == {"challenges"}:
        return "CHALLENGED"
    return "MIXED"


def render_snapshot(
    meta: SnapshotMeta,
    *,
    summary: Sequence[str],
    steps: Sequence[Any],
    insights: Sequence[Any],
    opportunities: Sequence[Any],
    hypotheses: Sequence[HypothesisRow],
    observations: Any,
    study_root: Path | None = None,
) -> str:
    """The snapshot's text. Insights need ``quote``, ``type``, ``topics``,
    ``context`` and ``at``; steps ``step``, ``what``, ``feeling``, ``tools``;
    opportunities ``text``, ``strength``, ``quote``."""
    env = environment(study_root)
    env.filters.update(yaml=yaml_string, cell=cell, line=line, quote=quote)
    env.filters["timestamp"] = format_timestamp
    env.globals["evidence_block"] = evidence_block
    text = env.get_template(TEMPLATE).render(
        meta=meta.filled(),
        summary=list(summary),
        steps=list(steps),
        sections=INSIGHT_SECTIONS,
        insights=list(insights),
        opportunities=list(opportunities),
        hypotheses=list(hypotheses),
        observations=observations,
    )
    return text.rstrip("\n") + "\n"


def evidence_block(
    number: int | str, text: str, stance: str, at: float | None, why: str = ""
) -> str:
    """One ``### Evidence for hypothesis N`` block, without trailing newline."""
    lines = [
        f"### Evidence for hypothesis {number}",
        "",
        f"> {quote(text)}",
        f"- **Stance:** {stance}",
    ]
    if at is not None:
        lines.append(f"- **At:** {format_timestamp(at)}")
    if why:
        lines.append(f"- **Why:** {line(why)}")
    return "\n".join(lines)


# Escaping ------------------------------------------------------------------


def line(text: object) -> str:
    """Text on one line: every run of whitespace becomes one space."""
    return " ".join(str(text).split())


def quote(text: object) -> str:
    """A quote in straight double quotes, on one line, its words untouched."""
    flat = str(text).replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return f'"{flat.strip()}"'


def cell(text: object) -> str:
    """Text safe in one Markdown table cell."""
    return escape_cell(line(text))


def yaml_string(value: object) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML).

    Characters YAML will not read raw (DEL, C1 controls) are escaped.
    """
    dumped = json.dumps(line(value), ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\ufffe\uffff]")
