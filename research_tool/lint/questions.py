"""Rules for the Discussion Guide's questions.

Each rule reads every guide question (the story rule only those under a
heading about stories) and reports a question once, at its line, naming
the words that gave it away.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from research_tool.lint.document import PlanDoc, Question
from research_tool.lint.findings import Finding
from research_tool.lint.text import (
    compile_all,
    first_match,
    main_clause,
    one_of,
    sentences,
    shorten,
)
from research_tool.lint.text import questions as question_sentences

# A request ("Could you walk me through ...") is not a question about the future.
REQUEST_VERBS = one_of(
    "tell walk describe show talk explain share give say mind remember recall rate"
)
REQUEST = rf"(?!\s+{REQUEST_VERBS}\b)"
AUX = one_of(
    "do does did is are was were have has had can could will would should may might"
)
WH = one_of("how why what when where who whom whose which")
WHO = one_of(r"we you i they there it this that something someone anyone")
WHO = rf"(?:{WHO}|(?:the|a|an|your)\s+\w+)"
NEGATIVE = one_of(
    "don't doesn't isn't aren't wasn't weren't wouldn't won't didn't haven't "
    "hasn't couldn't shouldn't"
)
TAG = one_of(
    r"right correct no don't\s+you isn't\s+it wasn't\s+it didn't\s+you aren't\s+you"
)
HAD = one_of("already been just never had done seen gone made sent written \\w+ed")
LIKING = one_of("think like love hate prefer enjoy believe feel care value want")
RATING = one_of(
    "important useful valuable helpful satisfied happy confident comfortable interested"
)
VIEWS = one_of("opinions? thoughts views? impressions? preferences?")
JUDGED = one_of(
    "frustrating annoying painful tedious confusing stressful bad awful terrible "
    "great amazing wonderful easy hard difficult"
)
THING = one_of(
    "tool feature dashboard app button system integration alert assistant plugin "
    "bot widget view report"
)
IDEA = one_of("product prototype design solution idea concept")
DOES = one_of("would could automatically lets? shows? showed flags? tells? alerts?")
BUILT = one_of(
    "built made added created offered gave had launched provided designed shipped "
    "could changed did"
)
PLANNING = one_of(
    r"building planning thinking\s+of thinking\s+about considering working\s+on "
    "designing"
)

FUTURE = compile_all(
    [
        rf"\bif\s+{WHO}\s+(?:could|would|were|had\s+(?!to\b))",
        rf"\bif\s+we\s+{BUILT}\b",
        r"\bwhat\s+if\b",
        r"\b(?:imagine|suppose)\b",
        rf"\b(?:would|will|wouldn't|won't)\s+(?:{WHO}|people)\b{REQUEST}",
        r"\b(?:you'll|we'll)\b",
        rf"\byou'd\s+(?!{HAD}\b)",
        r"\b(?:are|is|am)\s+(?:you|they|we|it|i)\s+going\s+to\b",
        r"\bin\s+the\s+future\b",
        r"\bhow\s+likely\b",
        r"\bdo\s+you\s+(?:plan|intend|expect)\s+to\b",
    ]
)
OPINION = compile_all(
    [
        rf"\b(?:do|does)\s+(?:you|they|people|your\s+team)\s+{LIKING}\b",
        rf"\bhow\s+{RATING}\b",
        rf"\b(?:your|any)\s+{VIEWS}\b",
        r"\bon\s+a\s+scale\b",
        r"\brate\b",
    ]
)
LEADING = compile_all(
    [
        rf"^{NEGATIVE}\b",
        r"\b(?:do|would|wouldn't|don't)\s+you\s+agree\b",
        r"\bagree\s+that\b",
        rf",\s*{TAG}\?$",
        rf"\bhow\s+{JUDGED}\b",
        r"\bwhat\s+(?:was|is)\s+(?:so\s+)?(?:frustrating|annoying|painful|stressful)\b",
        r"\b(?:obviously|surely|clearly|of\s+course)\b",
    ]
)
PITCH = compile_all(
    [
        rf"\bif\s+we\s+{BUILT}\b",
        r"\bwhat\s+if\s+(?:we|there\s+(?:was|were)|you\s+had)\b",
        rf"\bwhat\s+if\s+the\s+{THING}\b",
        r"\bimagine\s+(?:a|an|if|that|we|you\s+had|there)\b",
        rf"\bwe(?:'re|\s+are)\s+{PLANNING}\b",
        rf"\bour\s+(?:new\s+)?(?:{THING}|{IDEA})\b",
        rf"\b(?:a|an|some)\s+(?:new\s+)?{THING}\s+(?:that|which|to)\s+{DOES}\b",
        r"\bwould\s+(?:it|that|an?\s+\w+)\s+(?:help|be\s+(?:useful|helpful))\b",
        rf"\b(?:something|anything|software|(?:a|an|the)\s+{THING})\s+"
        r"(?:that\s+)?(?:could|would)\s+automatically\b",
        rf"\bif\s+(?:something|software|(?:a|an|the)\s+{THING})\s+could\b",
        r"\bhow\s+about\s+(?:a|an)\b",
    ]
)
YES_NO = re.compile(rf"^{AUX}(?:n't)?\s+\w+\b{REQUEST}", re.IGNORECASE)
QUESTION_START = re.compile(rf"^(?:{WH}|{AUX})\b", re.IGNORECASE)
JOINED = re.compile(
    rf"\band\s+(?:{WH}|{AUX}\s+(?:you|they|it|that|we|he|she))\b", re.IGNORECASE
)

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

FUTURE_SUGGEST = 'Ask about the past: "Tell me about the last time you ..."'
OPINION_SUGGEST = (
    'Ask for behaviour: "Tell me about the last time ... What did you do?"'
)
LEADING_SUGGEST = 'Ask neutrally: "How did that go?" or "What happened then?"'
PITCH_SUGGEST = 'Ask about the need: "Tell me about the last time you had to ..."'
YES_NO_SUGGEST = 'Open it up: "What ...?", "How ...?" or "Tell me about ..."'

Check = Callable[[str], str]


def future_question(doc: PlanDoc) -> Iterator[Finding]:
    """Questions about the future or about hypotheticals."""
    for question, trigger in _scan(doc.guide, _searcher(FUTURE)):
        message = f'asks about the future or a hypothetical ("{trigger}")'
        yield Finding(question.line, message, _future_suggestion(question.text))


def opinion_question(doc: PlanDoc) -> Iterator[Finding]:
    """Questions that ask for an opinion or a rating."""
    for question, trigger in _scan(doc.guide, _searcher(OPINION)):
        message = f'asks for an opinion, not behaviour ("{trigger}")'
        yield Finding(question.line, message, _opinion_suggestion(question.text))


def leading_question(doc: PlanDoc) -> Iterator[Finding]:
    """Questions that suggest their answer."""
    for question, trigger in _scan(doc.guide, _searcher(LEADING)):
        message = f'leading question ("{trigger}")'
        yield Finding(question.line, message, _leading_suggestion(question.text))


def solution_pitch(doc: PlanDoc) -> Iterator[Finding]:
    """Questions that describe a feature to the participant."""
    for question, trigger in _scan(doc.guide, _searcher(PITCH)):
        message = f'describes a solution to the participant ("{trigger}")'
        yield Finding(question.line, message, PITCH_SUGGEST)


def yes_no_question(doc: PlanDoc) -> Iterator[Finding]:
    """Yes/no questions in the story-elicitation part of the guide."""
    for question, trigger in _scan(doc.story(), _closed, every_sentence=False):
        message = f'yes/no question in the story part ("{trigger}")'
        yield Finding(question.line, message, _yes_no_suggestion(question.text))


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


# Suggestions -----------------------------------------------------------------

_CHANGE = re.compile(r"\bchange\s+one\s+thing\s+about\s+(.+?)(?:\s+tomorrow)?,", re.I)
_LIKE = re.compile(r"\bdo\s+you\s+(?:like|love|hate|enjoy)\s+(.+?)\?", re.I)
_NEGATIVE_WHEN = re.compile(
    r"^(isn't|aren't|don't|doesn't|wasn't|weren't|didn't)\s+.*?\bwhen\s+(.+?)\?$", re.I
)
_ANYTHING = re.compile(
    r"^(?:is|was|were|are)\s+there\s+(any(?:thing|one)?)\s+(.+?)\?$", re.I
)
_EVER = re.compile(r"^have\s+you\s+ever\s+(.+?)\?$", re.I)


def _future_suggestion(text: str) -> str:
    change = _CHANGE.search(text)
    if change:
        return (
            f'"Tell me about the last time you had to work around {change.group(1)}."'
        )
    return FUTURE_SUGGEST


def _opinion_suggestion(text: str) -> str:
    like = _LIKE.search(text)
    if like:
        return f'"Tell me about the last time you used {like.group(1)}."'
    return OPINION_SUGGEST


def _leading_suggestion(text: str) -> str:
    for sentence in question_sentences(text):
        match = _NEGATIVE_WHEN.match(main_clause(sentence))
        if match:
            past = match.group(1).casefold() in ("wasn't", "weren't", "didn't")
            verb = "happened" if past else "happens"
            return f'"What {verb} when {match.group(2)}?"'
    return LEADING_SUGGEST


def _yes_no_suggestion(text: str) -> str:
    for sentence in question_sentences(text):
        clause = main_clause(sentence)
        anything = _ANYTHING.match(clause)
        if anything:
            return f'"Tell me about {anything.group(1).lower()} {anything.group(2)}."'
        ever = _EVER.match(clause)
        if ever:
            return f'"Tell me about a time you {ever.group(1)}."'
    return YES_NO_SUGGEST
