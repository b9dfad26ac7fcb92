"""Assemble the findings document's data from a plan, snapshots and a roll-up.

Nothing here reads a file or renders text: ``assemble`` takes parsed
objects and returns a ``Findings`` value that the templates turn into
Markdown and HTML. Everything is sorted, so the same study gives the same
document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from research_tool.model import Plan, Snapshot
from research_tool.report import charts, opportunities, themes
from research_tool.report.evidence import Quoter, hypothesis_quotes, new_hypotheses
from research_tool.report.quotes import Exclude, one_line, relative_path
from research_tool.report.sections import (
    Appendix,
    Findings,
    HypothesisQuotes,
    Method,
    ParticipantSummary,
    Question,
    Verdict,
    VerificationSummary,
)
from research_tool.report.words import distinctive, words

SUMMARY_CHARS = 420
THEMES_PER_QUESTION = 4
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def assemble(
    study_root: Path,
    plan: Plan,
    snapshots: Sequence[Snapshot],
    verdicts: Sequence[Verdict],
    *,
    things: Sequence[str] = (),
    sample_planned: int | None = None,
    verification: VerificationSummary | None = None,
    exclude: Exclude | None = None,
    excluded: int = 0,
    date: str | None = None,
) -> Findings:
    """The findings of a study, ready to render.

    ``verdicts`` are the plan's hypotheses as the roll-up judged them;
    ``exclude`` leaves quotes out (it sees each quote as Evidence);
    ``excluded`` is how many quotes the roll-up left out, for the appendix.
    """
    ordered = sorted(snapshots, key=lambda s: (s.date, s.participant_id, str(s.path)))
    quoter = Quoter(study_root, verification.states if verification else {}, exclude)

    by_hypothesis = hypothesis_quotes(ordered, verdicts, quoter)
    ranked_themes = themes.rank_themes(ordered, quoter.insight)
    merged = opportunities.merge(ordered, quoter.opportunity)

    return Findings(
        title=one_line(str(plan.frontmatter.get("title") or plan.slug)),
        outcome=one_line(str(plan.frontmatter.get("outcome") or "")),
        date=date,
        method=_method(ordered, sample_planned),
        questions=_questions(things, by_hypothesis, ranked_themes),
        hypotheses=tuple(by_hypothesis),
        new_hypotheses=tuple(new_hypotheses(ordered, quoter)),
        themes=tuple(ranked_themes),
        recurring=tuple(themes.recurring(ordered, quoter.insight)),
        opportunities=tuple(merged),
        matrix=_matrix(ordered, verdicts, quoter),
        saturation=charts.saturation_curve(_saturation(ordered)),
        participants=tuple(_participant(study_root, s) for s in ordered),
        appendix=_appendix(ordered, verification, excluded),
    )


def _method(snapshots: Sequence[Snapshot], sample_planned: int | None) -> Method:
    dates = sorted(s.date for s in snapshots if s.date)
    roles = Counter(_field(s, "role") for s in snapshots)
    companies = Counter(_field(s, "company_type") for s in snapshots)
    return Method(
        interviews=len(snapshots),
        first_date=dates[0] if dates else "",
        last_date=dates[-1] if dates else "",
        roles=_by_count(roles),
        company_types=_by_count(companies),
        sample_planned=sample_planned,
    )


def _field(snapshot: Snapshot, name: str) -> str:
    return one_line(str(snapshot.frontmatter.get(name) or "not recorded"))


def _by_count(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def _questions(
    things: Sequence[str],
    by_hypothesis: Sequence[HypothesisQuotes],
    ranked: Sequence[themes.Theme],
) -> tuple[Question, ...]:
    """Match each thing to learn with hypotheses and themes by shared words."""
    texts = [one_line(thing.replace("**", "")) for thing in things]
    own_words = distinctive(texts)
    questions = []
    for number, (thing, wanted) in enumerate(zip(texts, own_words, strict=True), 1):
        hypotheses = [
            h for h in by_hypothesis if len(words(h.verdict.text) & wanted) >= 2
        ]
        matched = [t for t in ranked if words(t.topic) & wanted]
        questions.append(
            Question(
                number=number,
                text=thing,
                hypotheses=tuple(hypotheses),
                themes=tuple(matched[:THEMES_PER_QUESTION]),
            )
        )
    return tuple(questions)


def _matrix(
    snapshots: Sequence[Snapshot], verdicts: Sequence[Verdict], quoter: Quoter
) -> charts.Chart:
    labels = [v.label for v in verdicts]
    participants: list[str] = []
    cells: dict[tuple[str, str], str] = {}
    for snapshot in snapshots:
        who = snapshot.participant_id
        if who not in participants:
            participants.append(who)
        for verdict in verdicts:
            stance = quoter.stance(snapshot, str(verdict.number))
            key = (who, verdict.label)
            cells[key] = _combine(cells.get(key, "none"), stance)
    return charts.evidence_matrix(participants, labels, cells)


def _combine(old: str, new: str) -> str:
    if old == "none" or old == new:
        return new
    return old if new == "none" else "mixed"


def _saturation(snapshots: Sequence[Snapshot]) -> list[charts.SaturationPoint]:
    seen: set[str] = set()
    points = []
    for snapshot in snapshots:
        topics = themes.snapshot_topics(snapshot)
        new = topics - seen
        seen |= topics
        points.append(
            charts.SaturationPoint(
                snapshot.participant_id, snapshot.date, len(new), len(seen)
            )
        )
    return points


def _participant(study_root: Path, snapshot: Snapshot) -> ParticipantSummary:
    summary = _short(one_line(snapshot.sections.get("Summary", "")))
    quotes = len(snapshot.insights) + sum(len(h.evidence) for h in snapshot.hypotheses)

    return ParticipantSummary(
        participant=snapshot.participant_id,
        role=_field(snapshot, "role"),
        company_type=_field(snapshot, "company_type"),
        date=snapshot.date,
        path=relative_path(study_root, snapshot),
        summary=summary,
        topics=tuple(sorted(themes.snapshot_topics(snapshot))),
        quotes=quotes,
    )


def _short(text: str) -> str:
    """Whole sentences up to SUMMARY_CHARS; a cut first sentence ends in "…"."""
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        if kept and len(kept) + len(sentence) + 1 > SUMMARY_CHARS:
            break
        kept = f"{kept} {sentence}".strip()
    if len(kept) > SUMMARY_CHARS:
        kept = kept[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
    return kept


def _appendix(
    snapshots: Sequence[Snapshot],
    verification: VerificationSummary | None,
    excluded: int,
) -> Appendix:
    evidence = [e for s in snapshots for h in s.hypotheses for e in h.evidence]
    checklists = "\n".join(
        s.sections.get("Human Review Checklist", "") for s in snapshots
    )
    done = len(re.findall(r"^\s*[-*] \[[xX]\]", checklists, re.MULTILINE))
    open_ = len(re.findall(r"^\s*[-*] \[ \]", checklists, re.MULTILINE))

    return Appendix(
        suggested=sum(1 for e in evidence if e.why),
        by_hand=sum(1 for e in evidence if not e.why),
        insights=sum(len(s.insights) for s in snapshots),
        checklist_done=done,
        checklist_total=done + open_,
        verification=verification,
        excluded=excluded,
    )
