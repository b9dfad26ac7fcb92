"""Quote checks remembered in the study's ``.research/`` folder.

Checking a quote means reading and redacting its source transcript, most of
the time ``status`` takes. The outcome depends only on the quote and on the
redacted text, and the redacted text only on what ``source_key`` hashes: the
transcript's name and bytes, the participant ID, the plan's guide questions
and Schedule cells, the roster, and the code that reads and redacts (the
package version, ``CACHE_FORMAT``, the package's files and the
installed distributions). An outcome is used only under the exact key it was
stored with, so an edit anywhere makes a new key and the old entry is never
found; a file that cannot be read or parsed counts as empty.

The file holds hashes of quotes and, for quotes not found, the closest
passage of the *redacted* transcript; never raw transcript text. Deleting it
is always safe, and failing to write it is never an error.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from research_tool import __version__, fileio
from research_tool.fileio import TOOL_FOLDER, digest, tool_folder

log = logging.getLogger(__name__)

CACHE_FORMAT = 1
CACHE_NAME = "quote-checks.json"

Outcome = tuple[bool, str | None]  # (found, closest redacted passage)


@dataclass(frozen=True)
class SourceInputs:
    """Everything the redacted text of one source transcript depends on."""

    transcript: Path
    participant: str
    guide: tuple[str, ...]  # the plan's discussion guide questions
    schedule: tuple[str, ...]  # the plan's Schedule participant cells
    roster: Path


def source_key(inputs: SourceInputs) -> str | None:
    """A sha256 over the inputs and the files' bytes; None when one cannot be read."""
    transcript = _filedigest(inputs.transcript)
    roster = _filedigest(inputs.roster)
    if transcript in (None, "absent") or roster is None:
        return None

    parts = [
        code_fingerprint(),
        inputs.transcript.name,
        transcript,
        inputs.participant,
        _plandigest(inputs.guide, inputs.schedule),
        roster,
    ]
    return digest(json.dumps(parts).encode("utf-8"))


@lru_cache(maxsize=8)
def _plandigest(guide: tuple[str, ...], schedule: tuple[str, ...]) -> str:
    """The plan's part of every key, worked out once per plan (1,000 rows or so)."""
    return digest(json.dumps([list(guide), list(schedule)]).encode("utf-8"))


@cache
def code_fingerprint() -> str:
    """The package version, cache format, package files and installed packages.

    Files are known by size and modification time, so any edit to the code
    or to a word list it reads makes new keys.
    """
    package = Path(__file__).parent
    files = []
    for folder, folders, names in os.walk(package):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(names):
            stat = os.stat(os.path.join(folder, name))
            files.append([folder, name, stat.st_size, stat.st_mtime_ns])

    installed = []
    for folder in sys.path:
        if folder.endswith("-packages") and os.path.isdir(folder):
            installed += sorted(n for n in os.listdir(folder) if "-info" in n)

    parts = [CACHE_FORMAT, __version__, sys.version, files, installed]
    return digest(json.dumps(parts).encode("utf-8"))


class QuoteCache:
    """Outcomes by source key and quote hash, loaded once and saved once.

    Only the entries used in this run are written back, so the file never
    grows past the study's current quotes.
    """

    def __init__(self, root: Path) -> None:
        self.path = root / TOOL_FOLDER / CACHE_NAME
        self._stored = _load(self.path)
        self._used: dict[str, dict[str, Outcome]] = {}
        self._added = False

    def get(self, key: str, quote: str) -> Outcome | None:
        outcome = self._stored.get(key, {}).get(digest(quote.encode("utf-8")))
        if outcome is not None:
            self._keep(key, quote, outcome)
        return outcome

    def put(self, key: str, quote: str, outcome: Outcome) -> None:
        self._keep(key, quote, outcome)
        self._added = True

    def _keep(self, key: str, quote: str, outcome: Outcome) -> None:
        self._used.setdefault(key, {})[digest(quote.encode("utf-8"))] = outcome

    def save(self) -> None:
        """Write the entries used when they differ from the file; never raise."""
        if not self._added and self._used == self._stored:
            return
        from research_tool.errors import ResearchError

        data = {
            "format": CACHE_FORMAT,
            "digest": digest(_canonical(self._used)),  # damage shows as a mismatch
            "entries": self._used,
        }
        text = json.dumps(data, sort_keys=True, ensure_ascii=False) + "\n"
        try:
            tool_folder(self.path.parent.parent)
            fileio.atomic_write(self.path, text)
        except (OSError, ResearchError) as exc:  # a read-only study is fine
            log.debug("quote cache %s not written: %s", self.path, exc)


def _load(path: Path) -> dict[str, dict[str, Outcome]]:
    """The stored entries, or nothing when the file is absent or not ours."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        return {}

    entries = data.get("entries")
    if not isinstance(entries, dict) or data.get("digest") != digest(
        _canonical(entries)
    ):
        return {}  # damaged, or edited by hand
    loaded: dict[str, dict[str, Outcome]] = {}
    for key, outcomes in entries.items():
        if isinstance(outcomes, dict):
            loaded[key] = {
                quote: (value[0], value[1])
                for quote, value in outcomes.items()
                if _is_outcome(value)
            }
    return loaded


def _is_outcome(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and isinstance(value[0], bool)
        and (value[1] is None or (isinstance(value[1], str) and not value[0]))
    )


def _filedigest(path: Path) -> str | None:
    """The sha256 of a file, ``absent`` when missing, None when unreadable."""
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return "absent"
    except OSError:
        return None


def _canonical(entries: Any) -> bytes:
    """The entries as JSON in one spelling, the bytes the digest is over."""
    return json.dumps(entries, sort_keys=True, ensure_ascii=False).encode("utf-8")
