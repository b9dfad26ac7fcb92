"""The inline SVG charts: well-formed, escaped, and described in words."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from research_tool.report.charts import (
    STANCE_COLOURS,
    SaturationPoint,
    evidence_matrix,
    saturation_curve,
)


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_matrix_colours_each_cell_by_stance() -> None:
    cells = {("user-001", "H1"): "supports", ("user-002", "H1"): "challenges"}
    cells[("user-002", "H2")] = "mixed"
    chart = evidence_matrix(["user-001", "user-002"], ["H1", "H2"], cells)

    root = _parse(chart.svg)
    rects = [r for r in root.iter("rect") if r.find("title") is not None]
    fills = {r.find("title").text: r.get("fill") for r in rects}  # type: ignore[union-attr]
    assert fills == {
        "user-001, H1: supports": STANCE_COLOURS["supports"],
        "user-001, H2: no data": STANCE_COLOURS["none"],
        "user-002, H1: challenges": STANCE_COLOURS["challenges"],
        "user-002, H2: mixed": STANCE_COLOURS["mixed"],
    }
    assert root.find("title") is not None and root.find("desc") is not None
    assert "H1: 1 support, 1 challenge, 0 mixed, 0 no data." in chart.alt
    assert "H2: 0 support, 0 challenge, 1 mixed, 1 no data." in chart.alt


def test_saturation_counts_new_tags_and_says_when_they_stopped() -> None:
    points = [
        SaturationPoint("user-001", "2026-01-01", 5, 5),
        SaturationPoint("user-002", "2026-01-02", 2, 7),
        SaturationPoint("user-003", "2026-01-03", 0, 7),
    ]
    chart = saturation_curve(points)

    root = _parse(chart.svg)
    bars = list(root.iter("rect"))
    assert [float(b.get("height", 0)) for b in bars][2] == 0
    assert float(bars[0].get("height", 0)) > float(bars[1].get("height", 0))
    assert "New tags per interview, in date order: 5, 2, 0." in chart.alt
    assert "interview 2 (user-002)" in chart.alt


def test_empty_charts_say_no_interviews_yet() -> None:
    for chart in (evidence_matrix([], ["H1"], {}), saturation_curve([])):
        assert "No interviews yet" in chart.alt
        assert "No interviews yet" in "".join(_parse(chart.svg).itertext())


def test_large_study_summarises_instead_of_listing() -> None:
    points = [
        SaturationPoint(f"user-{i:04d}", "2026-01-01", 1 if i < 20 else 0, min(i, 20))
        for i in range(1, 1001)
    ]
    chart = saturation_curve(points)

    assert "the last 100 added 0" in chart.alt
    assert len(chart.alt) < 400
    _parse(chart.svg)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=6, unique=True))
def test_any_participant_text_is_escaped(names: list[str]) -> None:
    names = [n for n in names if all(ch.isprintable() for ch in n)] or ["x"]
    cells = {(names[0], "<H1>"): "supports"}
    chart = evidence_matrix(names, ["<H1>"], cells)

    root = _parse(chart.svg)
    texts = set(root.itertext())
    assert all(name in texts or not name.strip() for name in names)
    assert not [e for e in root.iter() if e.tag in {"script", "img", "foreignObject"}]
