"""Whether a lone name token in the text stands for the person.

A full name is always the person. A lone token that is also an English
word ("Joy", "Will", "Bell") is judged by where it stands. A first name
the study gave (a roster, speaker or Schedule name, or one found and added
to the roster) is the person wherever it is capitalised, at the start of a
sentence too, unless the next word shows the ordinary word ("Will you",
"Mark my words"). Any other such token (a surname, an organisation's
word) counts only when capitalised and mid-sentence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from research_tool.redaction.words import is_ordinary_opening

if TYPE_CHECKING:
    from research_tool.redaction.names import Name

_SENTENCE_END = frozenset(".!?:;…\n")
_OPENERS = frozenset(" \t\"'“”‘’([*_-—–")
_DETERMINER = re.compile(
    r"(?<![\w])(?:the|a|an|this|that|our|my|your) $", re.IGNORECASE
)
_ARTICLE = re.compile(r"(?<![\w])(?:the|a|an) $", re.IGNORECASE)
_CAPITALISED = re.compile(r" [A-Z[]")  # a pseudonym stood for a capital
_ANOTHER_NAME = re.compile(r" (?!I\b)[A-Z[]")  # "Joy Lopez", not "Joy I'd"
_FOLLOWING = re.compile(r"['’]s\b|\s+([\w'’]+)")


def accepted(name: Name, found: str, text: str, start: int, end: int) -> bool:
    """Whether ``found``, at ``text[start:end]``, is the person ``name`` names."""
    if " " in found.strip() or "\n" in found:
        return True
    if found.isupper() and len(found) <= 4 and not name.form.isupper():
        return False  # an acronym: "SAM" is not Sam
    if found.islower() and name.kind != "organisation":
        return not name.strict
    if not name.strict:
        return True

    if not found[0].isupper():
        return False
    if name.given:
        return given_name_accepted(found, text, start, end)
    return (
        not at_sentence_start(text, start)
        and _DETERMINER.search(text, max(start - 8, 0), start) is None
        and _CAPITALISED.match(text, end) is None
    )


def given_name_accepted(found: str, text: str, start: int, end: int) -> bool:
    """A capitalised first name that is also a word: the person, mostly.

    Not after an article ("the Hope", a boat), not before another capitalised
    word ("Joy Lopez", someone else; "Will I" is allowed), and not opening a
    sentence as the word ("Will you...", "Mark the ticket").
    """
    if _ARTICLE.search(text, max(start - 4, 0), start) is not None:
        return False
    if _ANOTHER_NAME.match(text, end) is not None:
        return False

    if at_sentence_start(text, start):
        return not is_ordinary_opening(found, following_word(text, end))
    return True


def following_word(text: str, end: int) -> str:
    """The word after ``text[:end]``, or ``'s`` when one is attached."""
    match = _FOLLOWING.match(text, end)
    if match is None:
        return ""
    return match.group(1) or match.group(0)


def at_sentence_start(text: str, start: int) -> bool:
    """True when only openers (spaces, quotes, brackets) follow a sentence end."""
    index = start - 1
    while index >= 0 and text[index] in _OPENERS:
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END
