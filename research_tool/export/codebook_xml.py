"""The study's codes as a REFI-QDA CodeBook, alone (``.qdc``) or in a project.

Codes form three trees: ``type/<insight type>``, ``topic/<topic>`` and
``hypothesis/H<n>/<stance>``. The roots and each hypothesis are groups; a
hypothesis is codable too, for evidence recorded without a stance.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from research_tool.export.bundle import StudyBundle
from research_tool.export.ids import guid
from research_tool.export.records import QuoteRecord, hypothesis_label, snapshot_quotes
from research_tool.model import INSIGHT_TYPES, STANCES

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Code:
    path: str  # "type/pain-point", "hypothesis/H1/supports"
    name: str
    codable: bool
    description: str = ""
    children: list[Code] = field(default_factory=list)

    @property
    def guid(self) -> str:
        return guid("code", self.path)

    def walk(self) -> list[Code]:
        """This code and every code under it, depth first."""
        return [self, *(code for child in self.children for code in child.walk())]


def record_codes(record: QuoteRecord) -> list[str]:
    """The code paths a quote is coded with."""
    paths = [f"type/{record.type}"] if record.type else []
    paths += [f"topic/{topic}" for topic in record.topics]
    for link in record.links:
        base = f"hypothesis/{hypothesis_label(link.hypothesis)}"
        paths.append(f"{base}/{link.stance}" if link.stance else base)
    return paths


def study_codes(bundle: StudyBundle) -> list[Code]:
    """The code trees for every type, topic and hypothesis the study uses."""
    records = [r for s in bundle.snapshots for r in snapshot_quotes(s)]
    types = sorted({r.type for r in records if r.type} - set(INSIGHT_TYPES))
    topics = sorted({topic for r in records for topic in r.topics})

    type_root = Code("type", "type", codable=False)
    for name in (*INSIGHT_TYPES, *types):
        type_root.children.append(Code(f"type/{name}", name, codable=True))

    topic_root = Code("topic", "topic", codable=False)
    for name in topics:
        topic_root.children.append(Code(f"topic/{name}", name, codable=True))

    return [type_root, topic_root, _hypothesis_tree(bundle, records)]


def _hypothesis_tree(bundle: StudyBundle, records: list[QuoteRecord]) -> Code:
    texts = (
        {str(h.number): h.text for h in bundle.plan.hypotheses} if bundle.plan else {}
    )
    for snapshot in bundle.snapshots:
        for entry in snapshot.hypotheses:
            texts.setdefault(entry.number, entry.hypothesis)
    for record in records:
        for number in record.hypotheses:
            texts.setdefault(number, "")

    root = Code("hypothesis", "hypothesis", codable=False)
    for number in sorted(texts, key=_number_order):
        label = hypothesis_label(number)
        node = Code(f"hypothesis/{label}", label, True, texts[number])
        for stance in STANCES:
            node.children.append(Code(f"{node.path}/{stance}", stance, codable=True))
        root.children.append(node)
    return root


def _number_order(number: str) -> tuple[int, int, str]:
    if number.isdigit():
        return (0, int(number), "")
    return (1, 0, number)


def codebook_element(codes: list[Code]) -> ET.Element:
    """A ``CodeBook`` element holding ``codes``.

    Elements are written without a namespace; the document's root declares
    the default namespace (``xmlns=...``), which they then belong to.
    """
    book = ET.Element("CodeBook")
    parent = ET.SubElement(book, "Codes")
    for code in codes:
        parent.append(_code_element(code))
    return book


def _code_element(code: Code) -> ET.Element:
    element = ET.Element(
        "Code",
        guid=code.guid,
        name=code.name,
        isCodable="true" if code.codable else "false",
    )
    if code.description:
        ET.SubElement(element, "Description").text = code.description
    for child in code.children:
        element.append(_code_element(child))
    return element


def to_xml_bytes(root: ET.Element, namespace: str) -> bytes:
    """Indented UTF-8 XML whose elements are all in ``namespace``.

    Characters XML 1.0 cannot hold (most control characters) are dropped.
    """
    for element in root.iter():
        if element.text:
            element.text = _NOT_XML.sub("", element.text)
        for key, value in element.attrib.items():
            element.set(key, _NOT_XML.sub("", value))
    root.set("xmlns", namespace)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")


def write_qdc(bundle: StudyBundle) -> bytes:
    """The codebook alone, as a ``.qdc`` document."""
    return to_xml_bytes(codebook_element(study_codes(bundle)), CODEBOOK_NS)
