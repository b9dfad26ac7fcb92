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
from research_tool.export.bundle import StudyBundle
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
_NS = ""  # elements are unqualified; the root declares xmlns=PROJECT_NS


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
    """The whole study as the bytes of a ``.qdpx`` zip."""
    result = ProjectResult(b"")
    counts = dict.fromkeys(("cases", "sources", "selections", "codings", "notes"), 0)
    counts["without_source"] = 0
    counts["observed"] = 0

    codes = study_codes(bundle)
    code_guids = {code.path: code.guid for root in codes for code in root.walk()}
    project = ET.Element(_NS + "Project", name=bundle.name, origin=_origin())
    project.append(codebook_element(codes))

    cases = Cases(bundle, _NS)
    sources = ET.Element(_NS + "Sources")
    notes = ET.Element(_NS + "Notes")
    project_notes: list[str] = []
    files: dict[str, str] = {}

    for snapshot in bundle.snapshots:
        note_guids = _add_notes(notes, bundle, snapshot)
        counts["notes"] += len(note_guids)
        records = snapshot_quotes(snapshot)
        counts["observed"] += sum(1 for record in records if record.observed)
        source = bundle.sources.get(snapshot.path)

        if source is None:
            counts["without_source"] += 1
            project_notes += note_guids
            cases.add_codes(
                snapshot, [code_guids[p] for r in records for p in record_codes(r)]
            )
            continue

        source_guid = guid("source", bundle.relative(snapshot.path))
        files[f"sources/{source_guid}.txt"] = source.text
        element = ET.SubElement(
            sources,
            _NS + "TextSource",
            guid=source_guid,
            name=source.name,
            plainTextPath=f"internal://{source_guid}.txt",
        )
        for record in (r for r in records if not r.observed):
            _add_selection(
                element, result, bundle, snapshot, record, source.text, code_guids
            )
        for note_guid in note_guids:
            ET.SubElement(element, _NS + "NoteRef", targetGUID=note_guid)
        cases.add_source(snapshot, source_guid)
        counts["sources"] += 1

    counts["cases"] = cases.count
    counts["selections"] = sum(1 for _ in sources.iter(_NS + "PlainTextSelection"))
    counts["codings"] = sum(1 for _ in sources.iter(_NS + "Coding"))
    counts["unlocated"] = len(result.unlocated)

    for element in (cases.variables(), cases.element(), sources, notes):
        if len(element):
            project.append(element)
    for note_guid in project_notes:
        ET.SubElement(project, _NS + "NoteRef", targetGUID=note_guid)

    result.data = zip_project(to_xml_bytes(project, PROJECT_NS), files)
    result.counts = counts
    return result


def _origin() -> str:
    return f"research_tool {__version__}"


def _add_notes(notes: ET.Element, bundle: StudyBundle, snapshot: Snapshot) -> list[str]:
    made = []
    for title, text in snapshot_notes(snapshot):
        note_guid = guid("note", bundle.relative(snapshot.path), title)
        name = f"{snapshot.participant_id or snapshot.path.stem}: {title}"
        note = ET.SubElement(notes, _NS + "Note", guid=note_guid, name=name)
        ET.SubElement(note, _NS + "PlainTextContent").text = text
        made.append(note_guid)
    return made


def _add_selection(
    source: ET.Element,
    result: ProjectResult,
    bundle: StudyBundle,
    snapshot: Snapshot,
    record: QuoteRecord,
    text: str,
    code_guids: dict[str, str],
) -> None:
    from research_tool.quotes import locate

    where = bundle.relative(snapshot.path)
    match = locate(record.quote, text)
    if not match.found:
        closest = str(match.closest or "")
        result.unlocated.append(Unlocated(where, record.line, record.quote, closest))
        return

    selection_guid = guid("selection", where, str(record.line))
    selection = ET.Element(
        _NS + "PlainTextSelection",
        guid=selection_guid,
        name=_short(record.quote),
        startPosition=str(match.start),
        endPosition=str(match.end),
    )
    if record.context:
        ET.SubElement(selection, _NS + "Description").text = record.context
    for path in record_codes(record):
        coding = ET.SubElement(
            selection, _NS + "Coding", guid=guid("coding", selection_guid, path)
        )
        ET.SubElement(coding, _NS + "CodeRef", targetGUID=code_guids[path])

    source.append(selection)


def _short(quote: str, limit: int = 60) -> str:
    flat = " ".join(quote.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
