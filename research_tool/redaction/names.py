"""Names to pseudonyms: one table, one combined expression, one scan.

Every spelling of every known person and organisation (full name, first
name, last name, aliases) goes into a dict keyed by its case-folded form,
and into one alternation, longest first. A match is looked up in the dict
and checked against the rules for lone tokens that are also English words
(``context.accepted``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from research_tool.redaction.context import accepted
from research_tool.redaction.words import is_ambiguous, is_never_alone

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class Name:
    """What one spelling stands for."""

    pseudonym: str  # as written in text, e.g. "[colleague-1]"
    kind: str  # participant, interviewer, person, organisation
    strict: bool  # lone English word: judged by where it stands
    form: str = ""  # the spelling as given
    given: bool = False  # a person's first name or nickname, not a surname


def bracketed(pseudonym: str) -> str:
    """``user-001`` -> ``[user-001]``; already bracketed stays as it is."""
    return pseudonym if pseudonym.startswith("[") else f"[{pseudonym}]"


def name_tokens(name: str) -> list[str]:
    """The capitalised words of a name that may stand for the person alone.

    A hyphenated name gives its parts too: ``Mary-Jane`` gives ``Mary``.
    """
    words = _TOKEN.findall(name)
    parts = [part for word in words if "-" in word for part in word.split("-")]
    return [
        token
        for token in (*words, *parts)
        if len(token) >= 2 and token[0].isupper() and not is_never_alone(token)
    ]


class NameTable:
    """Spellings of known names, compiled into one expression on demand."""

    def __init__(self) -> None:
        self._names: dict[str, Name] = {}
        self._forms: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, form: str) -> bool:
        return _key(form) in self._names

    def add_person(
        self, name: str, pseudonym: str, kind: str, aliases: tuple[str, ...] = ()
    ) -> None:
        """Add a full name, its first and last names, and its aliases.

        The first name and one-word aliases other than a surname ("Joy",
        "Will") are given names: capitalised, they are the person even
        when they are also words.
        """
        surnames = {_key(token) for token in _surnames(name)}
        for form in (name, *aliases, *name_tokens(name)):
            self.add(form, pseudonym, kind, given=_key(form) not in surnames)

    def add_organisation(
        self, name: str, pseudonym: str, aliases: tuple[str, ...] = ()
    ) -> None:
        """Add an organisation's name and aliases (never its words alone)."""
        for form in (name, *aliases):
            self.add(form, pseudonym, "organisation")

    def add(self, form: str, pseudonym: str, kind: str, *, given: bool = False) -> None:
        """Add one spelling; the first meaning given to a spelling stays."""
        form = " ".join(form.split())
        key = _key(form)
        single = " " not in form
        if not key or key in self._names or (single and is_never_alone(form)):
            return
        if single and len(form) < 2:
            return

        strict = single and (is_ambiguous(form) or not form[0].isupper())
        self._names[key] = Name(bracketed(pseudonym), kind, strict, form, given)
        self._forms[key] = form
        self._pattern = None

    def pattern(self) -> re.Pattern[str] | None:
        """The combined expression, longest spelling first (None when empty)."""
        if self._pattern is None and self._forms:
            forms = sorted(self._forms.values(), key=lambda f: (-len(f), f))
            alternation = "|".join(
                r"\s+".join(map(re.escape, f.split())) for f in forms
            )
            self._pattern = re.compile(
                rf"(?<![\w\[\]])(?:{alternation})(?![\w\[\]])", re.IGNORECASE
            )
        return self._pattern

    def replace(self, text: str, tally: Counter[tuple[str, str]]) -> str:
        """Replace every accepted mention in ``text``, counting each."""
        pattern = self.pattern()
        if pattern is None:
            return text

        def substitute(match: re.Match[str]) -> str:
            found = match.group(0)
            name = self._names[_key(found)]
            if not accepted(name, found, text, match.start(), match.end()):
                return found
            tally[(name.kind, name.pseudonym)] += 1
            return name.pseudonym

        return pattern.sub(substitute, text)

    def merged(self, other: NameTable) -> NameTable:
        """A new table with this table's spellings, then ``other``'s."""
        table = NameTable()
        table._names = {**other._names, **self._names}
        table._forms = {**other._forms, **self._forms}
        return table

    def next_pseudonym(self, prefix: str) -> str:
        """The next free ``[prefix-N]`` among the pseudonyms in the table."""
        pattern = re.compile(rf"^\[{re.escape(prefix)}-(\d+)\]$")
        numbers = [
            int(match.group(1))
            for name in self._names.values()
            if (match := pattern.match(name.pseudonym))
        ]
        return f"[{prefix}-{max(numbers, default=0) + 1}]"

    def covers(self, text: str) -> bool:
        """True when ``text`` is, as a whole, a known spelling."""
        return _key(text) in self._names


def _key(form: str) -> str:
    return " ".join(form.split()).casefold()


def _surnames(name: str) -> list[str]:
    """The words after a name's first, with the parts of hyphenated ones."""
    words = _TOKEN.findall(name)[1:]
    return [*words, *(part for word in words for part in word.split("-"))]
