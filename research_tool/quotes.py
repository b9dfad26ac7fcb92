"""Finding a quote in its source text, forgivingly but not loosely.

A quote matches when it appears in the text allowing only:

- whitespace differences (any run of spaces and line breaks is one space);
- curly versus straight quotes and apostrophes, and ``…`` versus ``...``;
- an ellipsis for an omitted stretch: the parts must appear in order, each
  within ``MAX_GAP`` characters of the one before, and the omitted stretch
  may not cross into another speaker's ``Label: ...`` paragraph;
- bracketed replacements. A pseudonym (hyphenated, such as ``[colleague-1]``
  or ``[our-company]``, or one of ``[email]``, ``[phone]``, ``[address]``,
  ``[url]``, ``[handle]``) matches only the same pseudonym in the source. Any other
  bracketed text is an editorial insertion (``[the dashboard]``, ``[W]e``)
  and stands for itself or for up to ``MAX_EDITORIAL`` characters that hold
  no bracket (so a pseudonym of another shape, ``[Client A]``, matches
  itself); at either end of the quote it stands for nothing.

When a quote is not found, ``locate`` offers the closest passage: windows
anchored on the quote's rarest words, compared with difflib.
"""

from __future__ import annotations

import difflib
import html
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

MAX_GAP = 1000
MAX_EDITORIAL = 80
CLOSEST_MIN_SCORE = 0.5
ANCHORS = 3
OCCURRENCES = 6

_STYLE = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "\u00a0": " ",
    }
)
# Words joined by single spaces map one to one, so they make one chunk.
_CHUNK = re.compile(r"[^\s…]+(?: [^\s…]+)*|\s+|…")
_ELLIPSIS = re.compile(r"\s*\.{3,}\s*")
_BRACKET = re.compile(r"\[[^\[\]]*\]")
PSEUDONYM = re.compile(
    r"\[(?:[A-Za-z]+(?:-[A-Za-z0-9]+)+|email|phone|address|url|handle|Interviewer"
    r"|participant)\]"
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote is (offsets into the original text), or what is closest."""

    found: bool
    start: int
    end: int
    closest: str | None
    score: float


_UNESCAPES = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}  # what html.escape writes
_ESCAPED = re.compile("|".join(_UNESCAPES))


def escape_html(quote: str) -> str:
    """``quote`` with ``&``, ``<`` and ``>`` as entities, for a Markdown line.

    A participant's words may hold ``<script>``; findings.md writes them
    escaped so that a viewer rendering raw HTML shows them as text.
    """
    return html.escape(quote, quote=False)


def unescape_html(quote: str) -> str:
    """Undo ``escape_html``: only its three entities, in one pass."""
    return _ESCAPED.sub(lambda m: _UNESCAPES[m.group()], quote)


def normalise(text: str) -> str:
    """One space for any whitespace, straight quotes, ``...`` for ``…``."""
    text = text.translate(_STYLE).replace("…", "...")
    return " ".join(text.split())


@dataclass(frozen=True)
class _Prepared:
    text: str  # normalised; "\n" marks a paragraph break
    starts: list[int]  # original start of each normalised character
    ends: list[int]  # original end of each normalised character
    words: list[tuple[int, int]]  # word spans in ``text``
    positions: dict[str, list[int]]  # case-folded word -> indexes in ``words``

    @property
    def flat(self) -> str:
        return _flat(self.text)


@lru_cache(maxsize=16)
def _prepare(original: str) -> _Prepared:
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for chunk in _CHUNK.finditer(original.translate(_STYLE)):
        piece, at = chunk.group(0), chunk.start()
        if piece.isspace():
            if parts:
                parts.append("\n" if piece.count("\n") >= 2 else " ")
                starts.append(at)
                ends.append(chunk.end())
            continue
        if piece == "…":
            parts.append("...")
            starts += [at] * 3
            ends += [at + 1] * 3
            continue
        parts.append(piece)
        starts += range(at, at + len(piece))
        ends += range(at + 1, at + len(piece) + 1)

    text = "".join(parts).rstrip()
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    positions: dict[str, list[int]] = defaultdict(list)
    for index, (start, end) in enumerate(words):
        positions[text[start:end].casefold()].append(index)
    return _Prepared(text, starts, ends, words, dict(positions))


def locate(quote: str, text: str) -> QuoteMatch:
    """Find ``quote`` in ``text`` under the rules above."""
    prepared = _prepare(text)
    wanted = _trim(normalise(quote))
    if not wanted:
        return QuoteMatch(False, 0, 0, None, 0.0)

    span = _search(wanted, prepared.text, prepared.flat)
    if span is not None:
        start, end = span
        original = (prepared.starts[start], prepared.ends[end - 1])
        return QuoteMatch(True, original[0], original[1], None, 1.0)

    closest, score = _closest(wanted, prepared)
    return QuoteMatch(False, 0, 0, closest, score)


def _trim(quote: str) -> str:
    """Drop ellipses and editorial brackets at either end of a quote."""
    previous = None
    while previous != quote:
        previous = quote
        quote = re.sub(r"^\.{3,}\s*|\s*\.{3,}$", "", quote).strip()
        edge = re.match(r"^\[[^\[\]]*\]\s*", quote)
        if edge and not PSEUDONYM.fullmatch(edge.group(0).strip()):
            quote = quote[edge.end() :]
        edge = re.search(r"\s*\[[^\[\]]*\]$", quote)
        if edge and not PSEUDONYM.fullmatch(edge.group(0).strip()):
            quote = quote[: edge.start()]
    return quote.strip()


@lru_cache(maxsize=16)
def _flat(text: str) -> str:
    return text.replace("\n", " ")


# An omitted stretch: any text short of a new speaker's ``Label: `` paragraph.
_GAP = rf"(?:(?!\n[^\n:]{{1,60}}: ).){{0,{MAX_GAP}}}?"


def _search(quote: str, text: str, flat: str) -> tuple[int, int] | None:
    parts = [p for p in _ELLIPSIS.split(quote) if p]
    editorial = any(not PSEUDONYM.fullmatch(b) for b in _BRACKET.findall(quote))
    if len(parts) == 1 and not editorial:
        at = flat.find(parts[0])
        return None if at < 0 else (at, at + len(parts[0]))

    pattern = re.compile(_GAP.join(_part_pattern(part) for part in parts), re.DOTALL)
    match = pattern.search(text)
    return None if match is None or match.end() == match.start() else match.span()


def _part_pattern(part: str) -> str:
    """A literal pattern, with editorial insertions standing for short stretches.

    Spaces around an insertion go with it, so ``it [the export] was`` matches
    ``it was`` as well as ``it always was``.
    """
    pieces: list[str] = []
    position = 0
    for bracket in _BRACKET.finditer(part):
        before = part[position : bracket.start()]
        token = bracket.group(0)
        if PSEUDONYM.fullmatch(token):
            pieces += [_literal(before), re.escape(token)]
            position = bracket.end()
            continue

        after = part[bracket.end() :]
        left, right = before.endswith(" "), after.startswith(" ")
        stretch = rf"(?:{re.escape(token)}|{_STRETCH})"
        pieces += [_literal(before.removesuffix(" ")), _editorial(stretch, left, right)]
        position = bracket.end() + (1 if right else 0)
    pieces.append(_literal(part[position:]))
    return "".join(pieces)


_STRETCH = rf"[^\[\]]{{0,{MAX_EDITORIAL}}}?"


def _literal(text: str) -> str:
    return re.escape(text).replace(r"\ ", "[ \n]")


def _editorial(stretch: str, left: bool, right: bool) -> str:
    if left and right:
        return rf"(?:[ \n]{stretch})?[ \n]"
    if left:
        return rf"(?:[ \n]{stretch})?"
    if right:
        return rf"(?:{stretch}[ \n])?"
    return stretch


def _closest(quote: str, prepared: _Prepared) -> tuple[str | None, float]:
    """The best window around the quote's rarest words, and its similarity."""
    quote_words = [w.casefold() for w in _WORD.findall(quote)]
    positions = prepared.positions
    present = sorted(
        {w for w in quote_words if w in positions},
        key=lambda w: (len(positions[w]), w),
    )
    if not present:
        return None, 0.0

    size = len(quote_words)
    starts: set[int] = set()
    for anchor in present[:ANCHORS]:
        offset = quote_words.index(anchor)
        hits = positions[anchor][:OCCURRENCES]
        starts.update(max(i - offset, 0) for i in hits)

    best, best_score = None, 0.0
    for first in sorted(starts):
        last = min(first + size, len(prepared.words)) - 1
        window = prepared.flat[prepared.words[first][0] : prepared.words[last][1]]
        matcher = difflib.SequenceMatcher(None, quote, window, autojunk=False)
        if (
            matcher.real_quick_ratio() <= best_score
            or matcher.quick_ratio() <= best_score
        ):
            continue
        score = matcher.ratio()
        if score > best_score:
            best, best_score = window, score

    if best_score < CLOSEST_MIN_SCORE:
        return None, best_score
    return best, round(best_score, 3)
