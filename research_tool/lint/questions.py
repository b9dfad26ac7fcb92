"""Rules for the Discussion Guide's questions.

Each rule reads every guide question (the story rule only those under a
heading about stories) and reports a question once, at its line, naming
the words that gave it away.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from research_tool.lint import rephrase
from research_tool.lint.document import PlanDoc, Question
from research_tool.lint.findings import Finding
from research_tool.lint.question_patterns import (
    FUTURE,
    JOINED,
    LEADING,
    OPINION,
    PITCH,
    QUESTION_START,
    YES_NO,
)
from research_tool.lint.text import first_match, main_clause, sentences, shorten
from research_tool.lint.text import questions as question_sentences

FUTURE_WHY = (
    "People predict their own future behaviour poorly; answers about what they "
    "would do describe intentions, not habits. Ask about the last time it happened."
)
OPINION_WHY = (
    "Opinions and ratings say little about what people do; the plan wants "
    "behaviour. Ask for a recent, specific example and what they did."
)
LEADING_WHY = (
    "The question suggests its own answer, and polite participants agree. "
    "Ask neutrally and let them name the feeling or the problem."
)
PITCH_WHY = (
    "Describing a solution invites polite approval and anchors the rest of the "
    "interview on your idea. Ask about the problem as they lived it."
)
YES_NO_WHY = (
    "A yes/no question in the story part ends the story with one word. Ask an "
    "open question (what, how, tell me about) so the participant keeps talking."
)
DOUBLE_WHY = (
    "Two questions at once get one answer, usually to the easier or the last "
    "one. Ask them one at a time."
)

Check = Callable[[str], str]


def future_question(doc: PlanDoc) -> Iterator[Finding]:
    """Questions about the future or about hypotheticals."""
    for question, trigger in _scan(doc.guide, _searcher(FUTURE)):
        message = f'asks about the future or a hypothetical ("{trigger}")'
        yield Finding(question.line, message, rephrase.future(question.text))


def opinion_question(doc: PlanDoc) -> Iterator[Finding]:
    """Questions that ask for an opinion or a rating."""
    for question, trigger in _scan(doc.guide, _searcher(OPINION)):
        message = f'asks for an opinion, not behaviour ("{trigger}")'
        yield Finding(question.line, message, rephrase.opinion(question.text))


def leading_question(doc: PlanDoc) -> Iterator[Finding]:
    """Questions that suggest their answer."""
    for question, trigger in _scan(doc.guide, _searcher(LEADING)):
        message = f'leading question ("{trigger}")'
        yield Finding(question.line, message, rephrase.leading(question.text))


def solution_pitch(doc: PlanDoc) -> Iterator[Finding]:
    """Questions that describe a feature to the participant."""
    for question, trigger in _scan(doc.guide, _searcher(PITCH)):
        message = f'describes a solution to the participant ("{trigger}")'
        yield Finding(question.line, message, rephrase.PITCH_SUGGEST)


def yes_no_question(doc: PlanDoc) -> Iterator[Finding]:
    """Yes/no questions in the story-elicitation part of the guide."""
    for question, trigger in _scan(doc.story(), _closed, every_sentence=False):
        message = f'yes/no question in the story part ("{trigger}")'
        yield Finding(question.line, message, rephrase.yes_no(question.text))


def double_question(doc: PlanDoc) -> Iterator[Finding]:
    """Two questions asked as one, in the guide or the screener."""
    for question in (*doc.guide, *doc.screener):
        parts = _full_questions(question.text)
        if len(parts) > 1:
            message = f'asks {len(parts)} questions at once ("{shorten(parts[1], 40)}")'
            suggestion = f'Ask "{parts[0]}" first; then "{parts[1]}"'
            yield Finding(question.line, message, suggestion)
            continue
        joined = JOINED.search(question.text)
        if joined:
            message = f'joins two questions with "{joined.group(0)}"'
            yield Finding(question.line, message, "Split it into two questions.")


# Matching ------------------------------------------------------------------


def _scan(
    questions: Iterable[Question], check: Check, *, every_sentence: bool = True
) -> Iterator[tuple[Question, str]]:
    """Each question whose sentences ``check`` flags, with the flagged words."""
    for question in questions:
        parts = (
            sentences(question.text)
            if every_sentence
            else question_sentences(question.text)
        )
        for sentence in parts:
            trigger = check(sentence) or check(main_clause(sentence))
            if trigger:
                yield question, trigger
                break


def _searcher(patterns: tuple[re.Pattern[str], ...]) -> Check:
    return lambda sentence: first_match(patterns, sentence)


def _closed(sentence: str) -> str:
    match = YES_NO.match(main_clause(sentence))
    return shorten(match.group(0), 30) if match else ""


def _full_questions(text: str) -> list[str]:
    """Question sentences that stand alone; a short "Why that one?" does not."""
    return [
        q
        for q in question_sentences(text)
        if QUESTION_START.match(main_clause(q)) and len(q.split()) > 3
    ]
