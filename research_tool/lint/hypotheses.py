"""Rules for hypotheses: falsifiable statements about what people do.

A hypothesis passes when it names an action someone could observe or count
(a word from ``ACTIONS``, in any inflection), and says "how many" or "how
often" with a measure rather than a vague word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from research_tool.lint.document import PlanDoc
from research_tool.lint.findings import Finding
from research_tool.lint.text import words
from research_tool.lint.wordlists import ACTIONS, FEELINGS, VAGUE, inflections
from research_tool.model import PlanHypothesis

_ACTION_FORMS = frozenset(form for verb in ACTIONS for form in inflections(verb))
_FEELING_FORMS = frozenset(FEELINGS)
_VAGUE = re.compile(r"\b(?:" + "|".join(VAGUE) + r")\b", re.IGNORECASE)
_MEASURE = re.compile(
    r"\d|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|majority|"
    r"per|every|daily|weekly|monthly|at\s+least|more\s+than|fewer\s+than|"
    r"less\s+than)\b",
    re.IGNORECASE,
)

NO_ACTION_WHY = (
    "A hypothesis you can test names something people do that you could see, "
    "count or find in their tools. Without an action, no interview can "
    "challenge it."
)
FEELING_WHY = (
    "Feelings are reported, not observed, and almost everyone agrees with a "
    "statement about how they feel. Name the behaviour the feeling leads to."
)
VAGUE_WHY = (
    'Words like "some", "many" or "often" fit any result, so the hypothesis '
    "cannot fail. Say how many or how often, with a number."
)
SHAPE = '"[Who] [does what you could see or count] [how often] because [why]"'


def hypothesis_no_action(doc: PlanDoc) -> Iterator[Finding]:
    """Hypotheses that name no observable action."""
    for hypothesis in doc.plan.hypotheses:
        found = set(words(hypothesis.text))
        if not found & _ACTION_FORMS and not found & _FEELING_FORMS:
            message = f"hypothesis {hypothesis.number} names no observable action"
            yield Finding(hypothesis.line, message, SHAPE)


def hypothesis_feeling(doc: PlanDoc) -> Iterator[Finding]:
    """Hypotheses about feelings with no behaviour behind them."""
    for hypothesis in doc.plan.hypotheses:
        found = set(words(hypothesis.text))
        feelings = sorted(found & _FEELING_FORMS)
        if feelings and not found & _ACTION_FORMS:
            listed = ", ".join(feelings)
            message = f"hypothesis {hypothesis.number} states only feelings ({listed})"
            yield Finding(hypothesis.line, message, SHAPE)


def hypothesis_vague(doc: PlanDoc) -> Iterator[Finding]:
    """Hypotheses with vague quantifiers and no measure."""
    for hypothesis in doc.plan.hypotheses:
        vague = _vague_words(hypothesis)
        if vague:
            listed = ", ".join(f'"{word}"' for word in vague)
            message = f"hypothesis {hypothesis.number} has no measure for {listed}"
            suggestion = (
                'Say how much: "at least 3 of 6 participants", '
                '"more than 2 hours a week", "every Monday"'
            )
            yield Finding(hypothesis.line, message, suggestion)


def _vague_words(hypothesis: PlanHypothesis) -> list[str]:
    if _MEASURE.search(hypothesis.text):
        return []
    found = [match.group(0).lower() for match in _VAGUE.finditer(hypothesis.text)]
    return list(dict.fromkeys(found))
