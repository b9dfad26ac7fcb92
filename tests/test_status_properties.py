"""Property tests: text around the owned lines survives regeneration untouched."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from research_tool.fileio import digest
from research_tool.plans import parse_plan_text
from research_tool.rollup import rollup
from research_tool.snapshots import parse_snapshot
from research_tool.status import regenerate
from tests.study_builder import PLAN_NAME, PLANS, SNAPSHOTS

BASE = (PLANS / PLAN_NAME).read_text("utf-8")
SNAPS = [parse_snapshot(p) for p in sorted(SNAPSHOTS.glob("*.md"))]

# Where filler goes: after each anchor line.
ANCHORS = (
    "date: 2026-03-01\n",
    "## Objective\n",
    "## Hypotheses\n",
    "| 3 | Go-live dates slip because IT approval arrives late | UNTESTED |\n",
    "## Schedule\n",
    "| 3 | TBD | TBD | Not scheduled |\n",
)

# Lines that cannot start a Markdown block able to swallow or split a table.
_SAFE_START = st.characters(categories=("L", "N"))
_REST = st.characters(
    categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="|\r\n"
)
_LINE = st.builds(
    lambda a, b, c: a + b + c,
    _SAFE_START,
    st.text(_REST, max_size=40),
    st.sampled_from(["", " ", "  ", "\t"]),
)
_FILLER = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)
_COMMENT = st.text(st.characters(categories=("L", "N", "P", "Zs")), max_size=30)


def _fill(text: str, fillers: list[str], comment: str) -> str:
    for anchor, filler in zip(ANCHORS[1:], fillers, strict=True):
        text = text.replace(anchor, f"{anchor}\n{filler}\n\n" if filler else anchor, 1)
    if comment:
        text = text.replace(ANCHORS[0], f"{ANCHORS[0]}# {comment}\n", 1)
    return text


def _regenerate(text: str) -> str:
    plan = parse_plan_text(PLANS / PLAN_NAME, text, digest(text.encode()))
    return regenerate(plan, SNAPS, rollup(plan, SNAPS))[0]


AFTER = _regenerate(BASE)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(st.just(""), _FILLER), min_size=5, max_size=5),
    _COMMENT,
    st.sampled_from(["\n", "\r\n"]),
)
def test_text_around_tables_survives(
    fillers: list[str], comment: str, newline: str
) -> None:
    before = _fill(BASE, fillers, comment).replace("\n", newline)
    expected = _fill(AFTER, fillers, comment).replace("\n", newline)

    after = _regenerate(before)
    assert after == expected
    assert _regenerate(after) == after


@settings(max_examples=40, deadline=None)
@given(st.text(_REST, max_size=20))
def test_trailing_text_on_other_lines_survives(suffix: str) -> None:
    before = BASE.replace("## Notes\n", f"## Notes {suffix}\n").replace(
        "Free text", f"{suffix}Free text"
    )
    assert _regenerate(before) == AFTER.replace(
        "## Notes\n", f"## Notes {suffix}\n"
    ).replace("Free text", f"{suffix}Free text")
