"""A --model that did not load is said on stderr, and blank names live in nlp."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import research_tool.nlp as nlp
from research_tool.cli import cli
from research_tool.process import Options, read_state, study_of

MISSING = "no_such_pipeline_sm"


def test_verify_says_the_model_fell_back_to_blank(example_study: Path) -> None:
    result = CliRunner().invoke(
        cli, ["verify", str(example_study), "--model", MISSING], catch_exceptions=False
    )

    note = nlp.fallback_note(MISSING, nlp.BLANK)
    assert note
    assert result.exit_code == 0, result.output
    assert note in result.stderr
    assert note not in result.stdout


@pytest.mark.parametrize("model", [None, "blank"])
def test_verify_says_nothing_when_blank_is_what_was_asked(
    example_study: Path, model: str | None
) -> None:
    args = ["verify", str(example_study)] + (["--model", model] if model else [])
    result = CliRunner().invoke(cli, args, catch_exceptions=False)

    assert result.exit_code == 0, result.output
    assert "is not installed" not in result.stderr


def test_process_takes_its_blank_names_from_nlp(
    example_study: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name added to ``nlp.BLANK_NAMES`` is blank for ``process`` too."""
    from research_tool.interview import Interview

    calls: list[tuple[Any, bool]] = []
    load = nlp.load_pipeline

    def record(model: str | None = None, *, blank: bool = False) -> nlp.Pipeline:
        calls.append((model, blank))
        return load(blank=True)

    monkeypatch.setattr(nlp, "BLANK_NAMES", (*nlp.BLANK_NAMES, "rules-only"))
    monkeypatch.setattr(nlp, "load_pipeline", record)

    Interview(read_state(study_of(example_study)), Options(model="rules-only"))

    assert calls == [(None, True)]
