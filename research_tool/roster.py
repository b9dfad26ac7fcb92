"""The study roster: real names and organisations -> stable pseudonyms.

``transcripts/roster.yaml`` is the only place the mapping lives, and it
stays out of git with the raw transcripts. People may write it by hand;
the tool only ever appends entries to it, leaving what was typed alone.

    people:
      - name: Marcus Bell
        pseudonym: "[colleague-1]"
        aliases: [Marc]
    organisations:
      - name: Northwind Health Plan
        pseudonym: "[client-org-1]"
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import yaml

from research_tool.errors import RosterError
from research_tool.fileio import atomic_write, read_text
from research_tool.roster_append import append_entries

ROSTER_NAME = "roster.yaml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SECTIONS = ("people", "organisations")
GITIGNORE = """\
# Raw transcripts and the roster name real people: keep them out of git.
*
!.gitignore
"""
# kind -> pseudonym prefix for new entries
PREFIXES = {
    "colleague": "colleague",
    "person": "person",
    "client-org": "client-org",
    "organisation": "client-org",
    "org": "org",
}


class _HasTranscripts(Protocol):
    @property
    def transcripts_dir(self) -> Path: ...


@dataclass(frozen=True)
class Entry:
    """One person or organisation; ``line`` is 0 for entries not yet saved."""

    name: str
    pseudonym: str
    aliases: tuple[str, ...] = ()
    line: int = 0


@dataclass
class Roster:
    people: list[Entry] = field(default_factory=list)
    organisations: list[Entry] = field(default_factory=list)
    added: list[tuple[str, Entry]] = field(default_factory=list)  # (section, entry)

    def find_person(self, name: str) -> Entry | None:
        """The person called ``name`` (full name, alias, or first name)."""
        key = _key(name)
        for entry in self.people:
            if key in {_key(entry.name), *map(_key, entry.aliases)}:
                return entry
        firsts = [e for e in self.people if _key(e.name.split()[0]) == key]
        return firsts[0] if len(firsts) == 1 and " " not in key else None

    def find_organisation(self, name: str) -> Entry | None:
        key = _key(name)
        for entry in self.organisations:
            if key in {_key(entry.name), *map(_key, entry.aliases)}:
                return entry
        return None

    def pseudonyms(self) -> set[str]:
        return {e.pseudonym for e in (*self.people, *self.organisations)}


def roster_path(study: _HasTranscripts) -> Path:
    """``transcripts/roster.yaml`` of a study."""
    return study.transcripts_dir / ROSTER_NAME


def load_roster(path: Path) -> Roster:
    """Read a roster; a missing file is an empty roster.

    Raises RosterError with the line for broken YAML, a missing ``name`` or
    ``pseudonym``, or one pseudonym given to two different names.
    """
    if not path.exists():
        return Roster()
    return parse_roster(path, read_text(path).text)


def parse_roster(path: Path, text: str) -> Roster:
    """Parse roster ``text``; ``path`` is for messages."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(exc, "problem", None) or "is not valid YAML"
        raise RosterError(path, line, f"{problem}; fix the YAML syntax") from None

    roster = Roster()
    if root is None:
        return roster
    if not isinstance(root, yaml.MappingNode):
        raise RosterError(path, _line(root), "expected `people:` and `organisations:`")
    for key_node, value in root.value:
        section = key_node.value
        if section not in SECTIONS:
            raise RosterError(path, _line(key_node), _UNKNOWN_SECTION.format(section))
        getattr(roster, section).extend(_entries(path, value))

    _check_unique(path, roster)
    return roster


_UNKNOWN_SECTION = "unknown section `{}`; expected `people:` or `organisations:`"


def _entries(path: Path, node: yaml.Node) -> list[Entry]:
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise RosterError(path, _line(node), "expected a list of `- name: ...` entries")

    entries = []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            raise RosterError(path, _line(item), "expected `name:` and `pseudonym:`")
        fields = {k.value: v for k, v in item.value}
        for required in ("name", "pseudonym"):
            value = fields.get(required)
            if not isinstance(value, yaml.ScalarNode) or not value.value.strip():
                raise RosterError(path, _line(item), f"entry has no `{required}:`")
        aliases = _aliases(path, fields.get("aliases"))
        name, pseudonym = (
            fields["name"].value.strip(),
            fields["pseudonym"].value.strip(),
        )
        entries.append(Entry(name, pseudonym, aliases, _line(item)))
    return entries


def _aliases(path: Path, node: yaml.Node | None) -> tuple[str, ...]:
    if node is None:
        return ()
    if isinstance(node, yaml.ScalarNode):
        return (node.value.strip(),) if node.value.strip() else ()
    if isinstance(node, yaml.SequenceNode):
        return tuple(
            str(n.value).strip() for n in node.value if isinstance(n, yaml.ScalarNode)
        )
    raise RosterError(path, _line(node), "`aliases:` must be a list of names")


def _check_unique(path: Path, roster: Roster) -> None:
    """One pseudonym, one name (the same name may appear twice)."""
    owners: dict[str, str] = {}
    for entry in (*roster.people, *roster.organisations):
        owner = owners.setdefault(entry.pseudonym, _key(entry.name))
        if owner != _key(entry.name):
            message = (
                f"pseudonym {entry.pseudonym!r} is already given to someone else; "
                "give each person or organisation its own pseudonym"
            )
            raise RosterError(path, entry.line, message)


def assign(roster: Roster, name: str, kind: str) -> str:
    """The pseudonym of ``name``, adding a new entry when it has none.

    ``kind`` is ``colleague`` or ``person`` (``[colleague-N]``,
    ``[person-N]``) or ``client-org``/``organisation``/``org``. New entries
    are kept in ``roster.added`` until ``save_roster`` writes them.
    """
    if kind not in PREFIXES:
        raise ValueError(f"unknown roster kind {kind!r}")
    is_org = PREFIXES[kind] in ("client-org", "org")
    existing = roster.find_organisation(name) if is_org else roster.find_person(name)
    if existing is not None:
        return existing.pseudonym

    pseudonym = next_free(roster, PREFIXES[kind])
    add(roster, name, pseudonym, organisation=is_org)
    return pseudonym


def add(roster: Roster, name: str, pseudonym: str, *, organisation: bool) -> Entry:
    """Add ``name`` with a pseudonym chosen elsewhere (e.g. by the entity pass)."""
    entry = Entry(name=" ".join(name.split()), pseudonym=pseudonym)
    section = "organisations" if organisation else "people"
    getattr(roster, section).append(entry)
    roster.added.append((section, entry))
    return entry


def next_free(roster: Roster, prefix: str) -> str:
    """The first ``[prefix-N]`` no entry uses."""
    used = roster.pseudonyms()
    number = 1
    while f"[{prefix}-{number}]" in used:
        number += 1
    return f"[{prefix}-{number}]"


_HEADER = "# Real names -> stable pseudonyms. Keep this file out of git.\n"


def save_roster(path: Path, roster: Roster) -> None:
    """Append ``roster.added`` to the file, atomically, leaving the rest as typed.

    New people go after the last person, new organisations after the last
    organisation; a missing section is added at the end of the file.
    """
    if not roster.added and path.exists():
        return
    original = read_text(path) if path.exists() else None
    text = original.text if original else _HEADER

    for section in SECTIONS:
        new = [entry for name, entry in roster.added if name == section]
        if new:
            text = append_entries(text, section, new)

    _check_written(path, text, roster)
    expected = original.digest if original else None
    atomic_write(path, text, expected=expected)
    roster.added.clear()


def _check_written(path: Path, text: str, roster: Roster) -> None:
    """Refuse to write a roster that would not read back with the new entries."""
    written = parse_roster(path, text)
    names = {(e.name, e.pseudonym) for e in (*written.people, *written.organisations)}
    missing = [e for _, e in roster.added if (e.name, e.pseudonym) not in names]
    if missing:
        message = "could not append new names to this roster; add them by hand"
        raise RosterError(path, 0, message)


def ensure_gitignore(transcripts_dir: Path) -> bool:
    """Write ``transcripts/.gitignore`` (everything but itself) when missing."""
    target = transcripts_dir / ".gitignore"
    if target.exists():
        return False
    transcripts_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(target, GITIGNORE)
    target.chmod(0o644)
    return True


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _key(name: str) -> str:
    return " ".join(re.split(r"\s+", name.strip())).casefold()
