"""Participant speech cut into passages (sentences), parsed once.

A passage is one sentence of one participant turn, never crossing a line
break, so that its text is an exact, single-line substring of the turn.
Every token's ``norm_`` is set to its lower-case lemma, the key that the
cue, topic and evidence matchers compare on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from research_tool.model import Transcript, Turn

_ACRONYM_PLURAL = re.compile(r"^[A-Z]{2,}s$")
_MIN_WORDS = 3
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s)")
_OPENING = "([{"
# Lookup lemmas that read oddly in a Why line; the plain word is the key.
_LEMMA_FIXES = {"datum": "data", "medium": "media", "criterium": "criteria"}
# Words spaCy's lookup table reads as a form of a much rarer word ("number"
# as "numb", "bit" as "bite", "rent" as "rend", "taxes" as "taxis"): each
# keeps the reading people mean. Found by listing every lookup lemma whose
# log probability is lower than the word's own by 2 or more, less the true
# inflections ("frustrated" -> "frustrate"), and checked by hand.
_SAID_AS = {
    "bit": "bit",
    "number": "number",
    "rent": "rent",
    "matter": "matter",
    "putting": "put",
    "taxes": "tax",
    "shelves": "shelf",
    "cookies": "cookie",
    "calories": "calorie",
    "phases": "phase",
    "crosses": "cross",
    "ceiling": "ceiling",
    "crew": "crew",
    "weed": "weed",
    "wedding": "wedding",
    "plumbing": "plumbing",
    "clothes": "clothes",
    "clothing": "clothing",
    "physics": "physics",
    "politics": "politics",
    "logistics": "logistics",
    "agenda": "agenda",
    "stamina": "stamina",
    "developed": "develop",
    "developing": "develop",
    "dying": "die",
    "according": "according",
    "pending": "pending",
}

Keyer = Callable[[Any], str]


@dataclass(frozen=True)
class Passage:
    """One sentence of a participant turn, with its span in the turn's text."""

    index: int  # position among all passages of the transcript
    turn: Turn
    start: int  # character offsets into ``turn.text``
    end: int
    span: Any  # the spaCy Span of the sentence

    @property
    def text(self) -> str:
        return self.turn.text[self.start : self.end]

    @property
    def at(self) -> float | None:
        return self.turn.start

    @property
    def keys(self) -> list[str]:
        """The lemma keys of the passage's words."""
        return [t.norm_ for t in self.span if not t.is_punct and not t.is_space]


def speaking_turns(transcript: Transcript) -> list[Turn]:
    """The participant's turns; every non-interviewer turn when none is marked."""
    turns = [t for t in transcript.turns if t.role == "participant"]
    if not turns:
        turns = [t for t in transcript.turns if t.role != "interviewer"]
    return [t for t in turns if t.text.strip()]


def lemma_keyer(nlp: Any) -> Keyer:
    """A function token -> lower-case lemma, even for capitalised words."""
    table: Any = {}
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_lookup"):
            table = lookups.get_table("lemma_lookup")

    def key(token: Any) -> str:
        text = token.text
        if _ACRONYM_PLURAL.match(text):
            return str(text[:-1].lower())
        if text.lower() in _SAID_AS:
            return _SAID_AS[text.lower()]
        lemma = token.lemma_ or text
        if lemma == text and text != text.lower():
            lemma = str(table.get(text.lower(), text.lower()))
        low = str(lemma).lower()
        return _LEMMA_FIXES.get(low, low)

    return key


def set_keys(docs: Iterable[Any], key: Keyer) -> None:
    """Store every token's lemma key in ``token.norm_``."""
    for doc in docs:
        for token in doc:
            token.norm_ = key(token)


def parse_texts(nlp: Any, texts: Sequence[str]) -> list[Any]:
    """Docs for ``texts``, keyed, in one ``nlp.pipe`` pass."""
    docs = list(nlp.pipe(texts))
    set_keys(docs, lemma_keyer(nlp))
    return docs


def passages(transcript: Transcript, nlp: Any) -> list[Passage]:
    """Every sentence the participant spoke, in order.

    A turn longer than ``nlp.max_length`` is parsed in pieces (see
    ``_pieces``); offsets still index the whole turn's text.
    """
    pieces = [
        (turn, start, turn.text[start:end])
        for turn in speaking_turns(transcript)
        for start, end in _pieces(turn.text, nlp.max_length)
    ]
    docs = parse_texts(nlp, [text for _, _, text in pieces])

    found: list[Passage] = []
    for (turn, offset, text), doc in zip(pieces, docs, strict=True):
        for left, right in _sentence_bounds(doc, text):
            for start, end in _line_pieces(turn.text, offset + left, offset + right):
                span = doc.char_span(
                    start - offset, end - offset, alignment_mode="expand"
                )
                if span is None or word_count(span) < _MIN_WORDS:
                    continue
                found.append(Passage(len(found), turn, start, end, span))
    return found


def _pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that spaCy will take, in order.

    A pipeline refuses a text longer than ``nlp.max_length`` (a million
    characters by default), which a caption file without speakers can make
    of one turn. Such a turn is cut at its last line break within the limit,
    else after its last sentence end, else at a space: passages never cross
    a line break, so a cut there changes none of them.
    """
    pieces = []
    start = 0
    while len(text) - start > limit:
        stop = start + limit
        cut = text.rfind("\n", start + 1, stop)
        if cut < 0:
            ends = [m.end() for m in _SENTENCE_END.finditer(text, start + 1, stop)]
            cut = ends[-1] if ends else text.rfind(" ", start + 1, stop)
        if cut < 0:
            cut = stop
        pieces.append((start, cut))
        start = cut
    return [*pieces, (start, len(text))]


def _sentence_bounds(doc: Any, text: str) -> list[tuple[int, int]]:
    """Sentence character ranges; an opening bracket goes with what it opens.

    The sentencizer may end a sentence on the "[" of "[colleague-2] said",
    which would quote a stray bracket and cut the pseudonym in two.
    """
    bounds = [(s.start_char, s.end_char) for s in doc.sents]
    for i in range(len(bounds) - 1):
        (start, end), (_, after) = bounds[i], bounds[i + 1]
        cut = end
        while cut > start and text[cut - 1] in _OPENING + " \t":
            cut -= 1
        if cut < end and any(c in _OPENING for c in text[cut:end]):
            bounds[i], bounds[i + 1] = (start, cut), (cut, after)
    return bounds


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at line breaks, trimming whitespace."""
    pieces = []
    offset = start
    for line in text[start:end].split("\n"):
        left = offset + len(line) - len(line.lstrip())
        right = offset + len(line.rstrip())
        if right > left:
            pieces.append((left, right))
        offset += len(line) + 1
    return pieces


def word_count(span: Any) -> int:
    """The words of a span, punctuation and numbers not counted."""
    return sum(1 for t in span if t.is_alpha)
