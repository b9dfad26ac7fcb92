"""Small hand-written studies for the report tests.

``write_study`` writes a plan with three hypotheses and one snapshot per
``Interview``, so each test states exactly what the participants said.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PLAN = """---
title: "Report test study"
date: 2026-01-02
status: in-progress
outcome: "Learn how teams track weekly reporting"
hypotheses:
  - "Managers spend most of Friday on weekly reporting by hand"
  - "Support tickets stay invisible until a customer escalates"
  - "Nobody checks the usage dashboard before a renewal"
participant_criteria: "Account managers"
sample_size: 4
interviews_completed: 0
---

# Report test study

## Three Most Important Things to Learn

1. **Reporting:** How much time goes into weekly reporting by hand?
2. **Tickets:** When do support tickets reach the account team?
3. **Renewals:** What happens to the usage dashboard before a renewal?

## Hypotheses

| # | Hypothesis | Status |
|---|-----------|--------|
| 1 | Managers spend most of Friday on weekly reporting by hand | UNTESTED |
| 2 | Support tickets stay invisible until a customer escalates | UNTESTED |
| 3 | Nobody checks the usage dashboard before a renewal | UNTESTED |

## Schedule

| # | Participant | Date | Status |
|---|-----------|------|--------|
| 1 | TBD | TBD | Not scheduled |
"""

HYPOTHESES = (
    "Managers spend most of Friday on weekly reporting by hand",
    "Support tickets stay invisible until a customer escalates",
    "Nobody checks the usage dashboard before a renewal",
)


@dataclass
class Interview:
    number: int
    date: str
    role: str = "Account Manager"
    # (quote, type, topics, at)
    insights: list[tuple[str, str, str, str]] = field(default_factory=list)
    # hypothesis number -> [(quote, stance, at)]
    evidence: dict[int, list[tuple[str, str, str]]] = field(default_factory=dict)
    # (opportunity, strength, quote)
    opportunities: list[tuple[str, str, str]] = field(default_factory=list)
    new: list[tuple[str, str]] = field(default_factory=list)  # (hypothesis, quote)


def write_study(
    root: Path, interviews: list[Interview], *, third: str | None = None
) -> Path:
    """Write the study; ``third`` rewords hypothesis 3 (a ``|`` is escaped)."""
    study = root / "report-test"
    (study / "interviews").mkdir(parents=True)
    (study / "transcripts").mkdir()
    plan, texts = PLAN, list(HYPOTHESES)
    if third is not None:
        texts[2] = third.replace("|", "\\|")
        plan = plan.replace(f'"{HYPOTHESES[2]}"', f'"{third}"')
        escaped = third.replace("|", "\\|")
        plan = plan.replace(f"| {HYPOTHESES[2]} |", f"| {escaped} |")
    (study / "2026-01-02-report-test-research-plan.md").write_text(plan, "utf-8")
    for interview in interviews:
        name = f"{interview.date}-participant-{interview.number:03d}.md"
        (study / "interviews" / name).write_text(snapshot(interview, texts), "utf-8")
    return study


def snapshot(iv: Interview, texts: list[str]) -> str:
    pid = f"user-{iv.number:03d}"
    topics = sorted({t.strip() for _, _, ts, _ in iv.insights for t in ts.split(",")})
    lines = [
        "---",
        f"participant_id: {pid}",
        f'role: "{iv.role}"',
        'company_type: "Analytics vendor"',
        f"date: {iv.date}",
        'research_plan: "report-test"',
        f'source_transcript: "{iv.date}-{pid}.txt"',
        f"tags: [{', '.join(topics)}]",
        "---",
        "",
        f"# Interview Snapshot: {pid}",
        "",
        "## Summary",
        "",
        f"The participant {pid} walked through a reporting week.",
        "",
        "## Insights",
        "",
    ]
    for quote, kind, topic_text, at in iv.insights:
        lines += [f'> "{quote}"', f"- **Type:** {kind}", f"- **Topics:** {topic_text}"]
        lines += ["- **Context:** During the interview.", f"- **At:** {at}", ""]
    lines += ["## Opportunities", "", "| # | Opportunity | Evidence Strength | Quote |"]
    lines += ["|---|---|---|---|"]
    for index, (text, strength, quote) in enumerate(iv.opportunities, 1):
        lines.append(f'| {index} | {text} | {strength} | "{quote}" |')
    lines += [
        "",
        "## Hypothesis Tracking",
        "",
        "| # | Hypothesis | Status | Evidence |",
    ]
    lines += ["|---|---|---|---|"]
    for number, text in enumerate(texts, 1):
        items = iv.evidence.get(number, [])
        stances = {stance for _, stance, _ in items}
        status = {
            frozenset(): "NO DATA",
            frozenset({"supports"}): "SUPPORTED",
            frozenset({"challenges"}): "CHALLENGED",
        }.get(frozenset(stances), "MIXED")
        cell = "—" if not items else "see below"
        lines.append(f"| {number} | {text} | {status} | {cell} |")
    for index, (text, quote) in enumerate(iv.new, 1):
        lines.append(f'| N{index} | {text} | NEW | "{quote}" |')
    lines.append("")
    for number, items in sorted(iv.evidence.items()):
        lines += [f"### Evidence for hypothesis {number}", ""]
        for quote, stance, at in items:
            lines += [f'> "{quote}"', f"- **Stance:** {stance}", f"- **At:** {at}", ""]
    lines += ["## Human Review Checklist", "", "- [x] Quotes checked", "- [ ] Tags", ""]
    return "\n".join(lines)
