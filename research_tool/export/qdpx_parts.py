"""Cases with their variables, and the deterministic zip, of a ``.qdpx``."""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
import zipfile

from research_tool.export.bundle import StudyBundle
from research_tool.export.ids import guid
from research_tool.export.records import participant_fields
from research_tool.model import Snapshot

# Variable name -> (typeOfVariable, key in participant_fields)
VARIABLES = {
    "role": ("Text", "role"),
    "company type": ("Text", "company_type"),
    "date": ("Date", "date"),
}

# 1980-01-01, the earliest time a zip entry can carry: fixed, so exports
# of one study are byte-identical.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class Cases:
    """One Case per participant, gathering the sources and codes of their snapshots."""

    def __init__(self, bundle: StudyBundle) -> None:
        self.bundle = bundle
        self.fields: dict[str, dict[str, str]] = {}
        self.sources: dict[str, list[str]] = {}
        self.codes: dict[str, list[str]] = {}
        for snapshot in bundle.snapshots:
            self._participant(snapshot)

    @property
    def count(self) -> int:
        return len(self.fields)

    def add_source(self, snapshot: Snapshot, source_guid: str) -> None:
        self.sources[self._participant(snapshot)].append(source_guid)

    def add_codes(self, snapshot: Snapshot, code_guids: list[str]) -> None:
        known = self.codes[self._participant(snapshot)]
        known.extend(code for code in code_guids if code not in known)

    def variables(self) -> ET.Element:
        element = ET.Element("Variables")
        if not self.fields:
            return element
        for name, (kind, _) in VARIABLES.items():
            ET.SubElement(
                element,
                "Variable",
                guid=guid("variable", name),
                name=name,
                typeOfVariable=kind,
            )
        return element

    def element(self) -> ET.Element:
        cases = ET.Element("Cases")
        for participant in sorted(self.fields):
            case = ET.SubElement(
                cases,
                "Case",
                guid=guid("case", participant),
                name=participant,
            )
            for code_guid in self.codes[participant]:
                ET.SubElement(case, "CodeRef", targetGUID=code_guid)
            self._values(case, self.fields[participant])
            for source_guid in self.sources[participant]:
                ET.SubElement(case, "SourceRef", targetGUID=source_guid)
        return cases

    def _participant(self, snapshot: Snapshot) -> str:
        fields = participant_fields(snapshot)
        participant = fields["participant"] or snapshot.path.stem
        if participant not in self.fields:
            self.fields[participant] = fields
            self.sources[participant] = []
            self.codes[participant] = []
        return participant

    def _values(self, case: ET.Element, fields: dict[str, str]) -> None:
        for name, (kind, key) in VARIABLES.items():
            value = fields[key]
            if not value or (kind == "Date" and not _is_date(value)):
                continue
            holder = ET.SubElement(case, "VariableValue")
            ET.SubElement(holder, "VariableRef", targetGUID=guid("variable", name))
            ET.SubElement(holder, f"{kind}Value").text = value


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def zip_project(project: bytes, files: dict[str, str]) -> bytes:
    """The ``.qdpx`` zip: project.qde first, then the sources by name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _add(archive, "project.qde", project)
        for name in sorted(files):
            _add(archive, name, files[name].encode("utf-8"))
    return buffer.getvalue()


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)
