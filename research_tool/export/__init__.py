"""Export a study: REFI-QDA project (qdpx) or codebook (qdc), CSV, JSON.

``export_study`` loads the study once and hands it to the exporter for the
format; every exporter is a pure function of a ``StudyBundle``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from research_tool.errors import StudyError
from research_tool.export.bundle import StudyBundle, load_bundle
from research_tool.export.output import write_bytes
from research_tool.export.qdpx import Unlocated

FORMATS = ("qdpx", "qdc", "csv", "json")


@dataclass
class Rendered:
    """An export in memory: its bytes, counts and the quotes left out."""

    format: str
    content: bytes = field(repr=False)
    counts: dict[str, int] = field(default_factory=dict)
    unlocated: list[Unlocated] = field(default_factory=list)


@dataclass
class ExportResult:
    path: Path
    format: str
    counts: dict[str, int] = field(default_factory=dict)
    unlocated: list[Unlocated] = field(default_factory=list)

    def as_data(self) -> dict[str, Any]:
        """What ``research export --json`` prints."""
        return {
            "path": str(self.path),
            "format": self.format,
            "counts": self.counts,
            "unlocated": [
                {"snapshot": u.snapshot, "line": u.line, "quote": u.quote}
                for u in self.unlocated
            ],
        }


def export_study(
    path: Path, fmt: str, *, out: Path | None = None, pipeline: Any = None
) -> ExportResult:
    """Write the study at ``path`` as ``fmt`` to ``out`` and say what it holds.

    ``out`` defaults to ``reports/<study-name>.<fmt>`` in the study folder.
    Only qdpx reads the transcripts (to place each quote in its source).
    """
    if fmt not in FORMATS:
        choices = ", ".join(FORMATS)
        raise StudyError(
            path, 0, f"unknown export format {fmt!r}; use one of {choices}"
        )

    bundle = load_bundle(path, pipeline=pipeline, with_sources=fmt == "qdpx")
    rendered = render(bundle, fmt)
    target = out if out is not None else default_out(bundle, fmt)
    write_bytes(target, rendered.content)
    return ExportResult(target, fmt, rendered.counts, rendered.unlocated)


def render(bundle: StudyBundle, fmt: str) -> Rendered:
    """``bundle`` as the bytes of ``fmt``, with counts of what they hold."""
    from research_tool.export import codebook_xml, data, qdpx, tables

    if fmt == "qdpx":
        project = qdpx.write_qdpx(bundle)
        return Rendered(fmt, project.data, project.counts, project.unlocated)
    if fmt == "qdc":
        codes = codebook_xml.study_codes(bundle)
        count = sum(len(root.walk()) for root in codes)
        return Rendered(fmt, codebook_xml.write_qdc(bundle), {"codes": count})
    if fmt == "csv":
        content, rows = tables.write_csv(bundle)
        return Rendered(fmt, content, {"quotes": rows})
    content, counts = data.write_json(bundle)
    return Rendered(fmt, content, counts)


def default_out(bundle: StudyBundle, fmt: str) -> Path:
    reports = bundle.reports_dir or bundle.root / "reports"
    return reports / f"{bundle.name}.{fmt}"
