"""A study as a REFI-QDA project (``.qdpx``): a zip of project.qde and sources.

Participants become Cases with Variables, redacted transcripts TextSources,
quotes PlainTextSelections at the character offsets where ``quotes.locate``
finds them, and snapshot sections Notes. A quote that cannot be located is
left out and reported, never placed at a guessed offset.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from research_tool import __version__
from research_tool.export.bundle import SourceText, StudyBundle
from research_tool.export.codebook_xml import (
    codebook_element,
    record_codes,
    study_codes,
    to_xml_bytes,
)
from research_tool.export.ids import guid
from research_tool.export.notes import snapshot_notes
from research_tool.export.qdpx_parts import Cases, zip_project
from research_tool.export.records import QuoteRecord, snapshot_quotes
from research_tool.model import Snapshot

PROJECT_NS = "urn:QDA-XML:project:1.0"
COUNTS = ("cases", "sources", "selections", "codings", "notes")


@dataclass(frozen=True)
class Unlocated:
    """A quote left out of the project because its source text lacks it."""

    snapshot: str
    line: int
    quote: str
    closest: str


@dataclass
class ProjectResult:
    data: bytes
    counts: dict[str, int] = field(default_factory=dict)
    unlocated: list[Unlocated] = field(default_factory=list)


def write_qdpx(bundle: StudyBundle) -> ProjectResult:
    """The whole study as the bytes of a ``.qdpx`` zip.

    Elements are written unqualified; the root declares ``xmlns`` as the
    project namespace, which they then belong to.
    """
    builder = _Builder(bundle)
    for snapshot in bundle.snapshots:
        builder.add_snapshot(snapshot)
    return builder.finish()


class _Builder:
    """The parts of a project, filled one snapshot at a time."""

    def __init__(self, bundle: StudyBundle) -> None:
        self.bundle = bundle
        self.codes = study_codes(bundle)
        self.code_guids = {c.path: c.guid for root in self.codes for c in root.walk()}
        self.cases = Cases(bundle)
        self.sources = ET.Element("Sources")
        self.notes = ET.Element("Notes")
        self.project_notes: list[str] = []
        self.files: dict[str, str] = {}
        self.result = ProjectResult(b"")
        self.counts = dict.fromkeys((*COUNTS, "without_source", "observed"), 0)

    def add_snapshot(self, snapshot: Snapshot) -> None:
        note_guids = self._add_notes(snapshot)
        records = snapshot_quotes(snapshot)
        self.counts["observed"] += sum(1 for record in records if record.observed)
        quotes = [record for record in records if not record.observed]

        source = self.bundle.sources.get(snapshot.path)
        if source is None:
            # No transcript: the codes go on the participant's Case, the
            # notes on the project.
            self.counts["without_source"] += 1
            paths = [path for record in records for path in record_codes(record)]
            self.cases.add_codes(snapshot, [self.code_guids[p] for p in paths])
            self.project_notes += note_guids
            return
        self._add_source(snapshot, source, quotes, note_guids)

    def _add_source(
        self,
        snapshot: Snapshot,
        source: SourceText,
        quotes: list[QuoteRecord],
        note_guids: list[str],
    ) -> None:
        source_guid = guid("source", self.bundle.relative(snapshot.path))
        self.files[f"sources/{source_guid}.txt"] = source.text
        element = ET.SubElement(
            self.sources,
            "TextSource",
            guid=source_guid,
            name=source.name,
            plainTextPath=f"internal://{source_guid}.txt",
        )

        selections = [self._selection(snapshot, r, source.text) for r in quotes]
        placed = [s for s in selections if s is not None]
        element.extend(sorted(placed, key=lambda s: int(s.get("startPosition", 0))))
        for note_guid in note_guids:
            ET.SubElement(element, "NoteRef", targetGUID=note_guid)

        self.cases.add_source(snapshot, source_guid)
        self.counts["sources"] += 1

    def _selection(
        self, snapshot: Snapshot, record: QuoteRecord, text: str
    ) -> ET.Element | None:
        from research_tool.quotes import locate

        where = self.bundle.relative(snapshot.path)
        match = locate(record.quote, text)
        if not match.found:
            missing = Unlocated(where, record.line, record.quote, match.closest or "")
            self.result.unlocated.append(missing)
            return None

        selection_guid = guid("selection", where, str(record.line))
        selection = ET.Element(
            "PlainTextSelection",
            guid=selection_guid,
            name=_short(record.quote),
            startPosition=str(match.start),
            endPosition=str(match.end),
        )
        if record.context:
            ET.SubElement(selection, "Description").text = record.context
        for path in record_codes(record):
            coding_guid = guid("coding", selection_guid, path)
            coding = ET.SubElement(selection, "Coding", guid=coding_guid)
            ET.SubElement(coding, "CodeRef", targetGUID=self.code_guids[path])
        return selection

    def _add_notes(self, snapshot: Snapshot) -> list[str]:
        made = []
        for title, text in snapshot_notes(snapshot):
            note_guid = guid("note", self.bundle.relative(snapshot.path), title)
            name = f"{snapshot.participant_id or snapshot.path.stem}: {title}"
            note = ET.SubElement(self.notes, "Note", guid=note_guid, name=name)
            ET.SubElement(note, "PlainTextContent").text = text
            made.append(note_guid)
        self.counts["notes"] += len(made)
        return made

    def finish(self) -> ProjectResult:
        origin = f"research_tool {__version__}"
        project = ET.Element("Project", name=self.bundle.name, origin=origin)
        project.append(codebook_element(self.codes))
        parts = (self.cases.variables(), self.cases.element(), self.sources, self.notes)
        project.extend(part for part in parts if len(part))
        for note_guid in self.project_notes:
            ET.SubElement(project, "NoteRef", targetGUID=note_guid)

        self.counts["cases"] = self.cases.count
        self.counts["selections"] = len(list(self.sources.iter("PlainTextSelection")))
        self.counts["codings"] = len(list(self.sources.iter("Coding")))
        self.counts["unlocated"] = len(self.result.unlocated)

        self.result.data = zip_project(to_xml_bytes(project, PROJECT_NS), self.files)
        self.result.counts = self.counts
        return self.result


def _short(quote: str, limit: int = 60) -> str:
    flat = " ".join(quote.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
