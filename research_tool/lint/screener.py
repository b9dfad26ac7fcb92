"""Rules for the screener: screen on what people did, not what they think."""

from __future__ import annotations

from collections.abc import Iterator

from research_tool.lint.document import PlanDoc
from research_tool.lint.findings import Finding
from research_tool.lint.question_patterns import FUTURE, OPINION
from research_tool.lint.text import compile_all, first_match, sentences

ATTITUDE = compile_all(
    [
        r"\b(?:would|are)\s+you\s+(?:be\s+)?(?:interested|willing|open)\b",
        r"\bdo\s+you\s+(?:consider|see)\s+yourself\b",
        r"\bdo\s+you\s+find\b",
        r"\b(?:agree|disagree)\b",
        r"\bhow\s+(?:frustrated|satisfied|familiar|comfortable|confident)\b",
        r"\bhow\s+much\s+do\s+you\s+(?:like|care)\b",
    ]
)

SCREENER_WHY = (
    "People say what they think you want to hear to get into a study; what "
    "they did is harder to fake and predicts fit. Ask about recent, countable "
    "behaviour."
)
SCREENER_SUGGEST = (
    '"In the last 3 months, how many times did you ...?" or '
    '"Tell me about the last time you ..."'
)


def screener_opinion(doc: PlanDoc) -> Iterator[Finding]:
    """Screener questions about opinions, wishes or the future."""
    patterns = (*ATTITUDE, *OPINION, *FUTURE)
    for question in doc.screener:
        for sentence in sentences(question.text):
            trigger = first_match(patterns, sentence)
            if trigger:
                message = f'screener asks for an opinion or a guess ("{trigger}")'
                yield Finding(question.line, message, SCREENER_SUGGEST)
                break
