"""Bytes to text: byte order marks, UTF-16, CRLF, and a Latin-1 guess."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from research_tool.errors import TranscriptFormatError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}
BINARY_FIX = (
    "holds binary data, not a transcript; export the transcript as text "
    "(.vtt, .srt, .txt) or as a Word file (.docx)"
)


@dataclass(frozen=True)
class Decoded:
    text: str  # LF line endings, no byte order mark
    encoding: str
    guessed: bool


def decode(path: Path, data: bytes) -> Decoded:
    """Decode a transcript's bytes and normalise its line endings.

    UTF-8 (with or without a byte order mark) and UTF-16 with a byte order
    mark are read as they are; UTF-16 without one and Latin-1 are guessed,
    and ``guessed`` says so. Binary data raises TranscriptFormatError.
    """
    text, encoding, guessed = _decode(path, data)

    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise TranscriptFormatError(path, line, BINARY_FIX)

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text=text, encoding=encoding, guessed=guessed)


def _decode(path: Path, data: bytes) -> tuple[str, str, bool]:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return (
                _strict(path, data[len(bom) :], codec.replace("-sig", "")),
                name,
                False,
            )

    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _strict(path, data, utf16), "utf-16", True

    if _looks_binary(data):
        raise TranscriptFormatError(path, 1, BINARY_FIX)

    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass

    try:
        return data.decode("cp1252"), "cp1252", True
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", True


def _strict(path: Path, data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise TranscriptFormatError(
            path, 1, f"is not valid {codec} at byte {exc.start}; {BINARY_FIX}"
        ) from None


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of ASCII-ish text is NUL."""
    sample = data[:2000]
    if len(sample) < 4 or len(sample) % 2:
        return None

    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls > max(2, len(sample) // 20)
