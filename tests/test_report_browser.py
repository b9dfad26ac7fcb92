"""The findings page in a real browser: headless Chromium renders it whole.

Skipped, with the reason, where Chromium is not installed (``.ci/run``
installs Debian's ``chromium`` package before the tests).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from report_study import Interview, write_study

from research_tool.report.build import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--hide-scrollbars",
]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
)


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    profile = tmp_path / "profile"
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, timeout=60, check=True)


def _page(tmp_path: Path) -> Path:
    quote = "Friday afternoon goes to the weekly reporting deck every single week."
    interviews = [
        Interview(
            n,
            f"2026-02-0{n}",
            insights=[
                (quote, "pain-point", f"weekly-reporting, topic-{n}", "00:03:10")
            ],
            evidence={1: [(quote, "supports" if n < 3 else "challenges", "00:03:10")]},
        )
        for n in (1, 2, 3)
    ]
    study = write_study(tmp_path, interviews)
    return write_report(study, formats=("html",)).paths["html"]


def _rows(png: bytes, limit: int) -> list[bytes]:
    """The first ``limit`` pixel rows of an 8-bit RGB or RGBA PNG, unfiltered."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert depth == 8 and colour in (2, 6)
    channels = 3 if colour == 2 else 4

    data, offset = b"", 8
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind = png[offset + 4 : offset + 8]
        if kind == b"IDAT":
            data += png[offset + 8 : offset + 8 + length]
        offset += 12 + length
    raw = zlib.decompress(data)

    stride, rows, previous = width * channels, [], bytearray(width * channels)
    for y in range(min(height, limit)):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + best) & 255
        rows.append(bytes(line))
        previous = line
    return rows


def test_dom_after_load_holds_tables_and_both_charts(tmp_path: Path) -> None:
    page = _page(tmp_path)

    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout.decode("utf-8")

    assert '<table class="verdicts">' in dom
    assert '<table class="themes">' in dom
    assert dom.count("<svg") == 2
    assert 'aria-labelledby="matrix-title matrix-desc"' in dom
    assert 'aria-labelledby="saturation-title saturation-desc"' in dom
    assert "Friday afternoon goes to the weekly reporting deck" in dom


def test_screenshot_is_not_blank(tmp_path: Path) -> None:
    page = _page(tmp_path)
    shot = tmp_path / "page.png"

    _chromium(tmp_path, "--window-size=900,900", f"--screenshot={shot}", page.as_uri())

    png = shot.read_bytes()
    assert len(png) > 20_000
    rows = _rows(png, limit=500)
    colours = {
        bytes(row[i : i + 3]) for row in rows[::40] for i in range(0, len(row), 12)
    }
    assert len(colours) > 20, "the screenshot is (nearly) one colour"
