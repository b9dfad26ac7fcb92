from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from research_tool.errors import PlanError
from research_tool.mdtable import escape_cell, replace_cell, set_cell, split_cells
from research_tool.yamlblock import load
from research_tool.yamledit import set_scalar

PATH = Path("plan.md")


@pytest.mark.parametrize(
    ("line", "value", "expected"),
    [
        ("status: planned", "in-progress", "status: in-progress"),
        ("status: 'planned'  ", "complete", "status: 'complete'  "),
        ('status: "planned" # note', "in-progress", 'status: "in-progress" # note'),
        ("status:   planned   # note", "complete", "status:   complete   # note"),
        ("status: planned", "yes", 'status: "yes"'),
        ("status: 'it''s'", "it's new", "status: 'it''s new'"),
        ('status: "a \\"b\\""', 'say "hi"', 'status: "say \\"hi\\""'),
        ("interviews_completed: 0", 3, "interviews_completed: 3"),
        ("status:", "planned", "status: planned"),
        ("status:   # fill me", "planned", "status:   planned # fill me"),
    ],
)
def test_set_scalar_keeps_style(line: str, value: str | int, expected: str) -> None:
    key = line.split(":")[0]
    text = f"---\ntitle: x\n{line}\n---\nbody\n"

    result = set_scalar(PATH, text, key, value)
    assert result == f"---\ntitle: x\n{expected}\n---\nbody\n"
    assert yaml.safe_load(result.split("---")[1])[key] == value


def test_crlf_and_missing_key() -> None:
    text = "---\r\ntitle: x\r\n---\r\nbody\r\n"

    result = set_scalar(PATH, text, "status", "planned")
    assert result == "---\r\ntitle: x\r\nstatus: planned\r\n---\r\nbody\r\n"


def test_block_value_is_refused() -> None:
    with pytest.raises(PlanError, match="one-line value"):
        set_scalar(PATH, "---\nstatus: |\n  planned\n---\n", "status", "complete")


def test_cells_split_on_unescaped_pipes_and_escape() -> None:
    line = r"| 1 | a \| b | UNTESTED |"
    cells = split_cells(line)

    assert [c.text for c in cells] == ["1", "a | b", "UNTESTED"]
    assert replace_cell(line, cells[2], "x | y") == r"| 1 | a \| b | x \| y |"
    assert escape_cell("two\nlines") == "two lines"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("|1|a|UNTESTED|", "|1|a|MIXED|"),
        ("| 1 | a |  |", "| 1 | a | MIXED |"),
        ("| 1 | a | UNTESTED      |", "| 1 | a | MIXED         |"),
        ("| 1 | a | UNTESTED", "| 1 | a | MIXED"),
    ],
)
def test_replace_cell_keeps_the_row_style(line: str, expected: str) -> None:
    assert replace_cell(line, split_cells(line)[2], "MIXED") == expected


@pytest.mark.parametrize(
    ("line", "index", "expected"),
    [
        ("| 1 | a |", 2, "| 1 | a | MIXED |"),
        ("| 1 | a", 2, "| 1 | a | MIXED |"),
        ("| 1 |", 3, "| 1 |  |  | MIXED |"),
        ("| 1 | a | x |", 2, "| 1 | a | MIXED |"),
    ],
)
def test_set_cell_adds_missing_cells(line: str, index: int, expected: str) -> None:
    assert set_cell(line, split_cells(line), index, "MIXED") == expected


@settings(max_examples=80, deadline=None)
@given(
    st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=30),
    st.sampled_from(["planned", "'planned'", '"planned"', "planned  # note"]),
    st.sampled_from(["\n", "\r\n"]),
)
@example(value="\xa0", old="planned", newline="\n")  # Unicode space, not YAML's
def test_any_value_round_trips_in_any_style(value: str, old: str, newline: str) -> None:
    text = newline.join(["---", "title: x", f"status: {old}", "---", "body", ""])

    result = set_scalar(PATH, text, "status", value)
    assert load(PATH, result)[0]["status"] == value
    lines, before = result.split(newline), text.split(newline)
    assert lines[:2] == before[:2] and lines[3:] == before[3:]
    assert set_scalar(PATH, result, "status", value) == result
