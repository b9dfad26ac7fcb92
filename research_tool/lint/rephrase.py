"""Better phrasings for flagged questions, where a pattern allows one."""

from __future__ import annotations

import re

from research_tool.lint.text import main_clause
from research_tool.lint.text import questions as question_sentences

FUTURE_SUGGEST = 'Ask about the past: "Tell me about the last time you ..."'
OPINION_SUGGEST = (
    'Ask for behaviour: "Tell me about the last time ... What did you do?"'
)
LEADING_SUGGEST = 'Ask neutrally: "How did that go?" or "What happened then?"'
PITCH_SUGGEST = 'Ask about the need: "Tell me about the last time you had to ..."'
YES_NO_SUGGEST = 'Open it up: "What ...?", "How ...?" or "Tell me about ..."'


_CHANGE = re.compile(r"\bchange\s+one\s+thing\s+about\s+(.+?)(?:\s+tomorrow)?,", re.I)
_LIKE = re.compile(r"\bdo\s+you\s+(?:like|love|hate|enjoy)\s+(.+?)\?", re.I)
_NEGATIVE_WHEN = re.compile(
    r"^(isn't|aren't|don't|doesn't|wasn't|weren't|didn't)\s+.*?\bwhen\s+(.+?)\?$", re.I
)
_ANYTHING = re.compile(
    r"^(?:is|was|were|are)\s+there\s+(any(?:thing|one)?)\s+(.+?)\?$", re.I
)
_EVER = re.compile(r"^have\s+you\s+ever\s+(.+?)\?$", re.I)


def future(text: str) -> str:
    change = _CHANGE.search(text)
    if change:
        return (
            f'"Tell me about the last time you had to work around {change.group(1)}."'
        )
    return FUTURE_SUGGEST


def opinion(text: str) -> str:
    like = _LIKE.search(text)
    if like:
        return f'"Tell me about the last time you used {like.group(1)}."'
    return OPINION_SUGGEST


def leading(text: str) -> str:
    for sentence in question_sentences(text):
        match = _NEGATIVE_WHEN.match(main_clause(sentence))
        if match:
            past = match.group(1).casefold() in ("wasn't", "weren't", "didn't")
            verb = "happened" if past else "happens"
            return f'"What {verb} when {match.group(2)}?"'
    return LEADING_SUGGEST


def yes_no(text: str) -> str:
    for sentence in question_sentences(text):
        clause = main_clause(sentence)
        anything = _ANYTHING.match(clause)
        if anything:
            return f'"Tell me about {anything.group(1).lower()} {anything.group(2)}."'
        ever = _EVER.match(clause)
        if ever:
            return f'"Tell me about a time you {ever.group(1)}."'
    return YES_NO_SUGGEST
