"""A synthetic study of any size, for benchmarks and scale tests.

``make_study(root, n)`` writes a plan, ``n`` Zoom WebVTT transcripts with a
roster, and one snapshot per transcript in the shape of SNAPSHOT-FORMAT.md.
Every quote in a snapshot is an exact substring of one participant cue, and
no quote holds a name, so ``research verify`` passes before and after
redaction. The same ``(n, seed)`` always writes the same bytes.

>>> from tempfile import mkdtemp
>>> study = make_study(Path(mkdtemp()), 3)
>>> sorted(p.name for p in (study / "interviews").iterdir())[0]
'2026-01-05-participant-001.md'
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

SLUG = "synthetic-study"
PLAN_NAME = f"2026-01-02-{SLUG}-research-plan.md"
START = dt.date(2026, 1, 5)
INTERVIEWER = "Rowan Ashdown"

HYPOTHESES = (
    "Account managers spend more time on manual status reporting than on customers",
    "Account health is judged from relationship signals rather than usage data",
    "Falling product usage predicts churn but nobody monitors it systematically",
    "Support ticket gaps stay invisible to account teams until a customer escalates",
    "Leadership asks for the same numbers every week from different tools",
)

# topic -> (insight type, sentences a participant might say about it)
TOPICS: dict[str, tuple[str, tuple[str, ...]]] = {
    "weekly-reporting": (
        "pain-point",
        (
            "Every Friday I rebuild the same status deck by hand from three exports.",
            "The weekly report takes me most of Thursday afternoon to pull together.",
        ),
    ),
    "account-health": (
        "need",
        (
            "I need one place that tells me which accounts are slipping this month.",
            "Honestly I judge health by how quickly they answer my emails.",
        ),
    ),
    "usage-data": (
        "need",
        (
            "Usage numbers live in Looker and I only check them before a renewal.",
            "When monthly active users drop I usually hear about it far too late.",
        ),
    ),
    "support-tickets": (
        "pain-point",
        (
            "I found out about the open Zendesk tickets when the client raised them.",
            "Nobody tells me when a ticket sits unanswered for two weeks.",
        ),
    ),
    "spreadsheet-tracking": (
        "workaround",
        (
            "I keep my own Excel tracker because Salesforce never has the notes.",
            "My Google Sheets tracker is the only thing I actually trust.",
        ),
    ),
    "leadership-visibility": (
        "pain-point",
        (
            "My director asks for numbers that are already sitting in Gainsight.",
            "Leadership wants a one-line answer and I spend an hour finding it.",
        ),
    ),
    "renewal-risk": (
        "behavior",
        (
            "Ninety days before renewal I go through every account line by line.",
            "A renewal surprise last spring is why I check contracts every month now.",
        ),
    ),
    "meeting-notes": (
        "workaround",
        (
            "I paste my meeting notes into Slack so the team can search them later.",
            "After every call I write three bullet points in Outlook for myself.",
        ),
    ),
    "multi-tool": (
        "pain-point",
        (
            "On a Monday I log into six tools before I know where anything stands.",
            "Switching between Jira and Salesforce all day wears me out.",
        ),
    ),
    "churn-signals": (
        "motivation",
        (
            "Losing an account I could have saved is the worst part of this job.",
            "The quiet customers are the ones that worry me the most.",
        ),
    ),
    "onboarding": (
        "desire",
        (
            "I wish new clients came with a clear picture of who uses what.",
            "The first ninety days decide whether a client stays with us.",
        ),
    ),
    "executive-sponsor": (
        "behavior",
        (
            "I call the executive sponsor every quarter even when nothing is wrong.",
            "When the sponsor changes jobs I treat the account as at risk.",
        ),
    ),
    "data-quality": (
        "pain-point",
        (
            "Half the fields in the account record are out of date.",
            "I cannot tell which of the two dashboards has the right number.",
        ),
    ),
    "escalations": (
        "need",
        (
            "I need to hear about an escalation before the client's VP does.",
            "Escalations come to me through the back door, usually by phone.",
        ),
    ),
    "handoffs": (
        "pain-point",
        (
            "When an account changes hands the history mostly gets lost.",
            "The handoff from sales is a single email with a contract attached.",
        ),
    ),
    "time-allocation": (
        "behavior",
        (
            "I block Wednesday mornings for customer calls and protect them.",
            "Most weeks I spend less than half my time talking to customers.",
        ),
    ),
    "alerting": (
        "desire",
        (
            "An alert when usage falls off a cliff would save me real trouble.",
            "I would trust an alert if it showed me the numbers behind it.",
        ),
    ),
    "product-feedback": (
        "need",
        (
            "Feature requests go into Jira and I never hear what happened to them.",
            "I need a way to show product which requests cost us renewals.",
        ),
    ),
}
TOPIC_NAMES = tuple(TOPICS)

QUESTIONS = (
    "Walk me through your last Monday morning.",
    "What happened next?",
    "How did you know where things stood with that account?",
    "Tell me about the last time an account was in trouble.",
    "What did you do about it?",
    "Is there anything I should have asked about?",
)
FILLERS = (
    "Let me think about that for a second.",
    "That is a good question, actually.",
    "It depends a lot on the week.",
    "So the short answer is yes.",
)
ROLES = (
    ("Strategic Account Manager", "Healthcare analytics vendor"),
    ("Account Manager", "Healthcare analytics vendor"),
    ("Director of Customer Success", "Enterprise SaaS"),
    ("Delivery Manager", "Enterprise SaaS"),
    ("Customer Success Manager", "Health insurer"),
)
FIRST = ("Orla", "Tamsin", "Bram", "Ines", "Caius", "Wren", "Ilse", "Soren", "Maud")
LAST = ("Quennell", "Abernethy", "Vantongeren", "Holloway", "Pemberton", "Szabo")

# topic -> the need behind it, in "Users need a way to ..." form
NEEDS = {
    "weekly-reporting": "produce the weekly status report without rebuilding it",
    "account-health": "see which accounts are at risk in one place",
    "usage-data": "see falling product usage before a renewal",
    "support-tickets": "know about open support tickets before the customer does",
    "spreadsheet-tracking": "keep account notes in one trusted place",
    "leadership-visibility": "give leadership status without manual updates",
    "multi-tool": "see account status without logging into many tools",
    "data-quality": "trust that account records are up to date",
    "escalations": "hear about escalations before the customer's leaders do",
    "handoffs": "keep an account's history when it changes hands",
    "meeting-notes": "keep meeting notes where the team can find them",
    "product-feedback": "follow what happened to customers' feature requests",
}
GOALS = {topic: topic.replace("-", " ") for topic in TOPIC_NAMES}


@dataclass
class Said:
    """One participant cue: the time it starts and what was said."""

    at: float
    text: str


@dataclass
class Interview:
    number: int
    date: dt.date
    name: str
    role: str
    company_type: str
    topics: list[str]
    said: dict[str, Said] = field(default_factory=dict)  # topic -> cue
    cues: list[tuple[float, str, str]] = field(default_factory=list)


def make_study(root: Path, n: int, seed: int = 0) -> Path:
    """Write a study of ``n`` interviews under ``root`` and return its folder."""
    rng = random.Random(seed)
    study = root / SLUG
    for folder in ("interviews", "transcripts", "reports"):
        (study / folder).mkdir(parents=True, exist_ok=True)

    width = id_width(n)
    interviews = [_interview(rng, i + 1) for i in range(n)]

    (study / PLAN_NAME).write_text(_plan(interviews, width), encoding="utf-8")
    (study / "transcripts" / "roster.yaml").write_text(
        _roster(interviews, width), encoding="utf-8"
    )
    for interview in interviews:
        stem = f"{interview.date.isoformat()}-participant-{interview.number:0{width}d}"
        (study / "transcripts" / f"{stem}.vtt").write_text(
            _vtt(interview), encoding="utf-8"
        )
        (study / "interviews" / f"{stem}.md").write_text(
            _snapshot(rng, interview, width, f"{stem}.vtt"), encoding="utf-8"
        )
    return study


def id_width(n: int) -> int:
    """Digits in participant numbers: three, or more for a bigger study."""
    return max(3, len(str(n)))


def participant_id(number: int, width: int = 3) -> str:
    return f"user-{number:0{width}d}"


def _interview(rng: random.Random, number: int) -> Interview:
    """Pick the participant, their topics (popular topics first) and their cues."""
    role, company = ROLES[rng.randrange(len(ROLES))]
    name = f"{FIRST[number % len(FIRST)]} {LAST[(number // len(FIRST)) % len(LAST)]}"

    # A skewed pick, so new topics dry up as interviews accumulate.
    weights = [1.0 / (rank + 1) for rank in range(len(TOPIC_NAMES))]
    topics: list[str] = []
    target = rng.randint(3, 6)
    while len(topics) < target:
        topic = rng.choices(TOPIC_NAMES, weights)[0]
        if topic not in topics:
            topics.append(topic)

    interview = Interview(
        number,
        START + dt.timedelta(days=(number - 1) // 2),
        name,
        role,
        company,
        topics,
    )
    clock = 5.0
    for index, topic in enumerate(topics):
        question = QUESTIONS[index % len(QUESTIONS)]
        interview.cues.append((clock, INTERVIEWER, question))
        clock += rng.randint(6, 20)
        sentence = rng.choice(TOPICS[topic][1])
        text = f"{rng.choice(FILLERS)} {sentence} {rng.choice(FILLERS)}"
        interview.said[topic] = Said(clock, sentence)
        interview.cues.append((clock, name, text))
        clock += rng.randint(40, 160)
    return interview


def _plan(interviews: list[Interview], width: int) -> str:
    hypotheses = "\n".join(f'  - "{text}"' for text in HYPOTHESES)
    rows = "\n".join(
        f"| {i + 1} | {HYPOTHESES[i]} | UNTESTED |" for i in range(len(HYPOTHESES))
    )
    schedule = "\n".join(
        f"| {iv.number} | {participant_id(iv.number, width)} ({iv.role}) | "
        f"{iv.date.isoformat()} | Completed |"
        for iv in interviews
    )
    return PLAN_TEMPLATE.format(
        slug=SLUG,
        hypotheses=hypotheses,
        rows=rows,
        schedule=schedule or "| 1 | TBD | TBD | Not scheduled |",
        sample=max(len(interviews), 6),
    )


def _roster(interviews: list[Interview], width: int) -> str:
    lines = ["# Real names -> stable pseudonyms (all fictional).", "people:"]
    lines += [f"  - name: {INTERVIEWER}", "    pseudonym: Interviewer"]
    for iv in interviews:
        lines += [
            f"  - name: {iv.name}",
            f"    pseudonym: {participant_id(iv.number, width)}",
        ]
    return "\n".join(lines) + "\n"


def _vtt(interview: Interview) -> str:
    blocks = ["WEBVTT", ""]
    for index, (start, speaker, text) in enumerate(interview.cues, start=1):
        end = start + max(3.0, len(text) / 15)
        blocks += [str(index), f"{_vtt_time(start)} --> {_vtt_time(end)}"]
        blocks += [f"{speaker}: {text}", ""]
    return "\n".join(blocks)


def _vtt_time(seconds: float) -> str:
    whole = int(seconds)
    millis = round((seconds - whole) * 1000)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}.{millis:03d}"


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


# Which hypotheses a topic bears on, and how.
BEARS_ON = {
    "weekly-reporting": 1,
    "leadership-visibility": 5,
    "time-allocation": 1,
    "account-health": 2,
    "executive-sponsor": 2,
    "usage-data": 3,
    "alerting": 3,
    "churn-signals": 3,
    "support-tickets": 4,
    "escalations": 4,
}


def _snapshot(rng: random.Random, iv: Interview, width: int, source: str) -> str:
    pid = participant_id(iv.number, width)
    header = SNAPSHOT_HEAD.format(
        pid=pid,
        role=iv.role,
        company=iv.company_type,
        date=iv.date.isoformat(),
        slug=SLUG,
        source=source,
        focus=f"{GOALS[iv.topics[0]].capitalize()} and the weekly routine",
        minutes=int(iv.cues[-1][0] // 60) + 2,
        tags=", ".join(sorted(iv.topics)),
    )
    parts = [header, _insights(iv), _opportunities(iv)]
    parts += [_tracking(rng, iv), SNAPSHOT_TAIL]
    return "\n".join(parts)


def _insights(iv: Interview) -> str:
    sections: dict[str, list[str]] = {}
    for topic in iv.topics:
        kind = TOPICS[topic][0]
        said = iv.said[topic]
        others = [t for t in iv.topics if t != topic][:1]
        sections.setdefault(kind, []).append(
            f'> "{said.text}"\n- **Type:** {kind}\n'
            f"- **Topics:** {', '.join([topic, *others])}\n"
            f"- **Context:** Talking about {GOALS[topic]}.\n"
            f"- **At:** {_clock(said.at)}\n"
        )
    out = ["## Insights", ""]
    for kind, title in INSIGHT_SECTIONS:
        out.append(f"### {title}\n")
        out += sections.get(kind, ["_None noted._\n"])
    return "\n".join(out)


def _opportunities(iv: Interview) -> str:
    rows = ["## Opportunities", "", "| # | Opportunity | Evidence Strength | Quote |"]
    rows.append("|---|---|---|---|")
    number = 0
    for topic in iv.topics:
        need = NEEDS.get(topic)
        if need is None:
            continue
        number += 1
        strength = ("Strong", "Medium", "Weak")[(iv.number + number) % 3]
        rows.append(
            f"| {number} | Users need a way to {need} | {strength} | "
            f'"{iv.said[topic].text}" |'
        )
    return "\n".join(rows) + "\n"


def _tracking(rng: random.Random, iv: Interview) -> str:
    rows = ["## Hypothesis Tracking", "", "| # | Hypothesis | Status | Evidence |"]
    rows.append("|---|---|---|---|")
    blocks: list[str] = []
    for number, text in enumerate(HYPOTHESES, start=1):
        topics = [t for t in iv.topics if BEARS_ON.get(t) == number]
        if not topics:
            rows.append(f"| {number} | {text} | NO DATA | — |")
            continue
        stances = [("supports", "challenges")[rng.random() < 0.25] for _ in topics]
        status = _status(stances)
        rows.append(f'| {number} | {text} | {status} | "{iv.said[topics[0]].text}" |')
        blocks.append(f"### Evidence for hypothesis {number}\n")
        for topic, stance in zip(topics, stances, strict=True):
            why = (
                f"- **Why:** {topic.replace('-', ', ')}\n" if rng.random() < 0.5 else ""
            )
            blocks.append(
                f'> "{iv.said[topic].text}"\n- **Stance:** {stance}\n'
                f"- **At:** {_clock(iv.said[topic].at)}\n{why}"
            )
    if iv.number % 7 == 0:
        said = iv.said[iv.topics[-1]]
        rows.append(
            f"| N1 | Account teams rely on private notes more than shared records "
            f'| NEW | "{said.text}" |'
        )
    return "\n".join(rows) + "\n\n" + "\n".join(blocks)


def _status(stances: list[str]) -> str:
    if all(s == "supports" for s in stances):
        return "SUPPORTED"
    if all(s == "challenges" for s in stances):
        return "CHALLENGED"
    return "MIXED"


INSIGHT_SECTIONS = (
    ("pain-point", "Pain Points"),
    ("need", "Needs"),
    ("behavior", "Behaviors"),
    ("workaround", "Workarounds"),
    ("desire", "Desires"),
    ("motivation", "Motivations"),
)

PLAN_TEMPLATE = """---
title: "Synthetic account management study"
date: 2026-01-02
status: in-progress
outcome: "Learn where account teams lose time and how they spot churn risk early"
hypotheses:
{hypotheses}
participant_criteria: "Account managers and customer success leaders"
sample_size: {sample}
interviews_completed: 0
---

# Synthetic Account Management Study

## Objective

Understand how account teams assess account health and report status.

## Three Most Important Things to Learn

1. **Current behavior:** How do account managers assess account health and usage today?
2. **Pain points:** Where do they lose time on weekly reporting and support tickets?
3. **Desired outcomes:** What alerting would they trust to flag churn risk early?

## Hypotheses

| # | Hypothesis | Status |
|---|-----------|--------|
{rows}

## Schedule

| # | Participant | Date | Status |
|---|-----------|------|--------|
{schedule}
"""

SNAPSHOT_HEAD = """---
participant_id: {pid}
role: "{role}"
company_type: "{company}"
date: {date}
research_plan: "{slug}"
source_transcript: "{source}"
focus: "{focus}"
duration_minutes: {minutes}
tags: [{tags}]
---

# Interview Snapshot: {pid}

## Summary

The participant described how they keep track of their accounts across a
typical week. They talked about the tools they open first, how they decide
which account needs attention, and what they report upwards. Several
workarounds came up along the way.

## Experience Map

```
Trigger → Gather numbers → Judge account health → Report upwards → Outcome
```

| Step | What Happened | Feeling | Tools/Process |
|------|---------------|---------|---------------|
| 1 | Opened the week's accounts | Hurried | Salesforce |
| 2 | Pulled usage and ticket numbers | Frustrated | Looker, Zendesk |
| 3 | Wrote the status update | Resigned | Excel |
"""

SNAPSHOT_TAIL = """## Behavioral Observations

- **Tools mentioned:** Salesforce, Looker, Zendesk, Excel
- **Frequency indicators:** weekly reporting, quarterly sponsor calls
- **Emotional signals:** frustration with manual work
- **Workaround patterns:** private spreadsheets and notes

## Human Review Checklist

- [ ] Quotes checked against the recording
- [ ] Topics reviewed
- [ ] Hypothesis evidence reviewed
"""
