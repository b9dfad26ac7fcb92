"""PDF: the text of an exported transcript, extracted with pypdf.

Whitespace is normalised line by line (exports often put a tab between
words), and page furniture (``3``, ``3/8``, ``Page 3 of 8``) is left out of
the text that offsets point into.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from research_tool.errors import TranscriptFormatError

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF"
_PAGE_MARK = re.compile(r"(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?", re.IGNORECASE)


def pdf_text(path: Path, data: bytes) -> str:
    """The PDF's text, a line per extracted line, page numbers dropped."""
    if not data.startswith(PDF_MAGIC):
        raise TranscriptFormatError(path, 1, "is not a PDF file (no %PDF header)")

    from pypdf import PdfReader

    try:
        with _pypdf_messages_to_debug():
            reader = PdfReader(io.BytesIO(data))
            pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds for a damaged file
        raise TranscriptFormatError(
            path,
            1,
            f"cannot read this PDF ({type(exc).__name__}); export the "
            "transcript again, or as text",
        ) from None

    lines: list[str] = []
    for page in pages:
        for raw in page.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            line = " ".join(raw.split())
            if line and not _PAGE_MARK.fullmatch(line):
                lines.append(line)
    return "\n".join(lines)


class _Relay(logging.Handler):
    """Hands pypdf's log records to our logger, at debug level."""

    def emit(self, record: logging.LogRecord) -> None:
        log.debug("pypdf: %s", record.getMessage())


@contextmanager
def _pypdf_messages_to_debug() -> Iterator[None]:
    """pypdf's warnings and log records as our debug records, never on stderr.

    pypdf logs repairs ("EOF marker not found") as warnings; with no handler
    configured Python would print them on stderr, beside our own error line.
    """
    pypdf = logging.getLogger("pypdf")
    relay, propagate = _Relay(), pypdf.propagate
    pypdf.addHandler(relay)
    pypdf.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                yield
            finally:
                for warning in caught:
                    log.debug("pypdf: %s", warning.message)
    finally:
        pypdf.removeHandler(relay)
        pypdf.propagate = propagate
