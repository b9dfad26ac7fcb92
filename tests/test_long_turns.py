"""A turn longer than spaCy's ``nlp.max_length`` is parsed in pieces."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from research_tool.cli import cli
from research_tool.model import Transcript, Turn
from research_tool.nlp import load_pipeline
from research_tool.passages import passages

FIXTURES = Path(__file__).parent / "fixtures" / "process"
SENTENCES = (
    "Every Friday I spend about three hours on the status report for leadership.",
    "I copy the numbers from Salesforce into a spreadsheet by hand, because the "
    "dashboard is always out of date.",
    "It drives me crazy that I have to rebuild the same deck every week.",
    "I wish the report would just build itself from the systems we already have!",
)


def _transcript(text: str) -> Transcript:
    turn = Turn(0, "Sam", "participant", None, None, text, 0)
    return Transcript(Path("sam.txt"), "plain-txt", "utf-8", False, text, [turn])


def _spans(text: str, limit: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each passage's text, checked to index the turn exactly."""
    nlp = load_pipeline(blank=True).nlp
    monkeypatch.setattr(nlp, "max_length", limit)
    found = passages(_transcript(text), nlp)

    for passage in found:
        assert passage.text == text[passage.start : passage.end]
        assert passage.span.text.strip() == passage.text
    return [f"{p.start}:{p.end}" for p in found]


def test_process_and_verify_a_turn_of_over_a_million_characters(
    tmp_path: Path,
) -> None:
    study = tmp_path / "study"
    shutil.copytree(FIXTURES / "study", study)
    for old in (study / "transcripts").iterdir():
        old.unlink()
    lines = ["Interviewer: Walk me through the last status report you wrote.", "Sam:"]
    size = 0
    for sentence in itertools.cycle(SENTENCES):
        if size > 1_100_000:
            break
        lines.append(sentence)
        size += len(sentence) + 1
    source = study / "transcripts" / "2026-01-10-sam.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")

    runner = CliRunner()
    made = runner.invoke(
        cli, ["process", str(source), "--no-input", "--model", "blank-en"]
    )
    checked = runner.invoke(cli, ["verify", str(study)])

    assert made.exit_code == 0, made.output
    assert "I copy the numbers from Salesforce" in made.stdout
    assert checked.exit_code == 0, checked.output
    assert " 0 failed, 0 unverifiable" in checked.stderr


@settings(max_examples=50, deadline=None)
@given(
    order=st.lists(st.integers(0, len(SENTENCES) - 1), min_size=4, max_size=30),
    breaks=st.lists(st.sampled_from([" ", "\n", "\n\n"]), min_size=30, max_size=30),
    limit=st.integers(200, 2000),
)
def test_cut_at_line_breaks_the_passages_are_those_of_the_whole_turn(
    order: list[int], breaks: list[str], limit: int
) -> None:
    text = "".join(SENTENCES[i] + breaks[k] for k, i in enumerate(order)).strip()
    with pytest.MonkeyPatch.context() as monkeypatch:
        whole = _spans(text, len(text), monkeypatch)
        pieces = _spans(text, limit, monkeypatch)

    assert pieces == whole


@pytest.mark.parametrize("limit", [120, 157, 400])
def test_one_long_line_is_cut_after_a_sentence_and_offsets_stay_exact(
    limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = " ".join(SENTENCES * 5)

    found = _spans(text, limit, monkeypatch)

    assert len(found) == len(SENTENCES) * 5


def test_a_line_without_spaces_is_cut_where_it_must(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = SENTENCES[0] + " " + "x" * 500 + ". " + SENTENCES[2]

    found = _spans(text, 120, monkeypatch)

    assert found[0] == f"0:{len(SENTENCES[0])}"
    assert found[-1] == f"{len(text) - len(SENTENCES[2])}:{len(text)}"
