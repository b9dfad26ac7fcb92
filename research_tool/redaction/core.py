"""Redacting one transcript: speakers, contact details, names, entities.

Order matters. Contact details go first (an email holds a name), then
the entity pass discovers new names, then one scan replaces every known
spelling. The speakers' names and the study's are merged into one table,
longest spelling first, with or without a trained pipeline, so both paths
read alike ("Sam Reyes Consulting" is the organisation, not a speaker's
name and a word). Each turn is redacted on its own, so a turn's first
word starts a sentence.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from research_tool.model import Transcript, Turn
from research_tool.redaction.entities import discover
from research_tool.redaction.names import NameTable, bracketed
from research_tool.redaction.patterns import CONTACT, TOKENS, is_personal_url
from research_tool.redaction.phones import redact_phones
from research_tool.redaction.tables import (
    INTERVIEWER,
    base_table,
    speaker_pseudonyms,
    speaker_table,
)
from research_tool.roster import Roster


@dataclass(frozen=True)
class Redacted:
    """A redacted transcript and what was replaced (kinds, never originals).

    ``discovered`` lists names the entity pass found, as ``(kind, name,
    pseudonym)``, so ``process`` can add them to the roster; never print it.
    """

    transcript: Transcript
    replacements: list[tuple[str, str, int]]
    counts: dict[str, int]
    discovered: tuple[tuple[str, str, str], ...] = field(default=(), repr=False)


def redact(
    transcript: Transcript,
    *,
    participant_id: str,
    roster: Roster | None = None,
    known_names: Sequence[str] = (),
    pipeline: object | None = None,
) -> Redacted:
    """Replace personal data in every turn and in the speaker labels.

    Participants become ``participant_id``, interviewers ``Interviewer``,
    other speakers their roster pseudonym or ``[speaker-N]``. The new
    ``Transcript.text`` is the redacted ``Speaker: text`` blocks, with each
    turn's offset pointing at its text there.
    """
    speakers = speaker_pseudonyms(transcript.turns, participant_id, roster)
    table = speaker_table(speakers, roster).merged(base_table(roster, known_names))
    tally: Counter[tuple[str, str]] = Counter()

    texts = [redact_contacts(turn.text, tally) for turn in transcript.turns]
    discovered: list[tuple[str, str, str]] = []
    if is_trained(pipeline):
        discovered = discover(texts, pipeline, table)
    texts = [table.replace(text, tally) for text in texts]

    for turn in transcript.turns:
        if turn.speaker and speakers.get(turn.speaker) != turn.speaker:
            tally[("speaker", speakers[turn.speaker])] += 1

    turns = [
        dataclasses.replace(turn, speaker=speakers.get(turn.speaker, ""), text=text)
        for turn, text in zip(transcript.turns, texts, strict=True)
    ]
    return _result(transcript, turns, tally, discovered)


def redact_text(
    text: str,
    *,
    roster: Roster | None = None,
    known_names: Sequence[str] = (),
    pipeline: object | None = None,
) -> str:
    """Redact a plain string with the roster and the names given."""
    table = base_table(roster, known_names)
    tally: Counter[tuple[str, str]] = Counter()

    text = redact_contacts(text, tally)
    if is_trained(pipeline):
        table = table.merged(NameTable())  # a copy: the base table is shared
        discover([text], pipeline, table)
    return table.replace(text, tally)


def is_trained(pipeline: object | None) -> bool:
    """Whether ``pipeline`` can find entities (a trained spaCy pipeline)."""
    return bool(getattr(pipeline, "trained", False))


def redact_contacts(text: str, tally: Counter[tuple[str, str]]) -> str:
    """Replace emails, phone numbers, street addresses and personal URLs.

    North American and ``+`` numbers are found with the other contact
    details; national formats (``0161 496 0732``) after them.
    """

    def substitute(match: re.Match[str]) -> str:
        kind = match.lastgroup or "url"
        if kind == "url" and not is_personal_url(match.group(0)):
            return match.group(0)
        tally[(kind, TOKENS[kind])] += 1
        return TOKENS[kind]

    return redact_phones(CONTACT.sub(substitute, text), tally)


def rebuild_text(turns: Sequence[Turn]) -> tuple[str, list[Turn]]:
    """``Speaker: text`` blocks and turns whose offsets point into them."""
    parts: list[str] = []
    rebuilt: list[Turn] = []
    position = 0
    for turn in turns:
        prefix = f"{turn.speaker}: " if turn.speaker else ""
        rebuilt.append(dataclasses.replace(turn, offset=position + len(prefix)))
        block = prefix + turn.text + "\n\n"
        parts.append(block)
        position += len(block)
    return "".join(parts), rebuilt


def _result(
    transcript: Transcript,
    turns: list[Turn],
    tally: Counter[tuple[str, str]],
    discovered: list[tuple[str, str, str]],
) -> Redacted:
    text, turns = rebuild_text(turns)
    new = dataclasses.replace(transcript, text=text, turns=turns)

    counts: Counter[str] = Counter()
    for (kind, _), count in tally.items():
        counts[kind] += count
    replacements = [(kind, pseudo, n) for (kind, pseudo), n in sorted(tally.items())]
    return Redacted(new, replacements, dict(sorted(counts.items())), tuple(discovered))


__all__ = ["INTERVIEWER", "Redacted", "bracketed", "redact", "redact_text"]
