"""``research init``: a new study whose plan parses and passes lint."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from research_tool import plans
from research_tool.cli import cli
from research_tool.errors import WriteRefused
from research_tool.lint.engine import lint_plan
from research_tool.scaffold import PLACEHOLDER_HYPOTHESIS, init_study, study_slug

HYPOTHESES = (
    "Administrators import patient lists by hand at least once a week",
    "Clinics miss go-live when IT approval takes more than 2 weeks | or longer",
)


def _init(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["init", *map(str, args)])


def test_init_creates_the_study(tmp_path: Path) -> None:
    root = tmp_path / "Onboarding Friction"
    args = ["--title", "Onboarding friction", "--date", "2026-03-01"]
    result = _init(root, *args, "--hypothesis", HYPOTHESES[0])

    assert result.exit_code == 0, result.output
    plan = root / "2026-03-01-onboarding-friction-research-plan.md"
    files = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert files == [
        plan.name,
        "interviews/.gitkeep",
        "reports/.gitkeep",
        "transcripts/.gitignore",
    ]
    assert result.stdout.split("\n")[0] == str(plan)
    assert "*" in (root / "transcripts" / ".gitignore").read_text("utf-8")


def test_generated_plan_parses_with_what_was_asked(tmp_path: Path) -> None:
    created = init_study(
        tmp_path / "onboarding",
        title="Onboarding friction",
        hypotheses=HYPOTHESES,
        outcome='Reduce "time to live" for new clinics',
        sample_size=8,
        date=dt.date(2026, 3, 1),
    )
    plan = plans.parse_plan(created.plan)

    assert plan.frontmatter["title"] == "Onboarding friction"
    assert plan.frontmatter["status"] == "planned"
    assert plan.frontmatter["outcome"] == 'Reduce "time to live" for new clinics'
    assert plan.frontmatter["hypotheses"] == list(HYPOTHESES)
    assert plan.frontmatter["interviews_completed"] == 0
    assert [(h.number, h.text, h.status) for h in plan.hypotheses] == [
        (1, HYPOTHESES[0], "UNTESTED"),
        (2, HYPOTHESES[1], "UNTESTED"),
    ]
    assert len(plan.schedule) == 8 and plans.sample_size_target(plan) == 8
    assert any("story" in s.title.casefold() for s in plan.sections)
    assert len(plans.checklists(plan)["Human Review Checklist"]) == 6


@pytest.mark.parametrize("hypotheses", [(), HYPOTHESES])
def test_generated_plan_passes_lint(
    tmp_path: Path, hypotheses: tuple[str, ...]
) -> None:
    created = init_study(tmp_path / "study", title="T", hypotheses=hypotheses)

    assert lint_plan(created.plan).findings == []
    result = CliRunner().invoke(cli, ["lint", str(created.plan)])
    assert result.exit_code == 0, result.output


def test_placeholder_hypothesis_when_none_given(tmp_path: Path) -> None:
    created = init_study(tmp_path / "study", title="T")

    plan = plans.parse_plan(created.plan)
    assert [h.text for h in plan.hypotheses] == [PLACEHOLDER_HYPOTHESIS]
    assert plan.frontmatter["date"] == dt.date.today()


def test_same_arguments_same_plan(tmp_path: Path) -> None:
    args = ["--title", "T", "--hypothesis", HYPOTHESES[0], "--date", "2026-03-01"]
    _init(tmp_path / "a" / "study", *args)
    _init(tmp_path / "b" / "study", *args)

    name = "2026-03-01-study-research-plan.md"
    first = (tmp_path / "a" / "study" / name).read_bytes()
    assert first == (tmp_path / "b" / "study" / name).read_bytes()


def test_init_into_an_empty_existing_folder(tmp_path: Path) -> None:
    (tmp_path / "study").mkdir()

    assert _init(tmp_path / "study", "--title", "T").exit_code == 0


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    root = tmp_path / "study"
    root.mkdir()
    (root / "notes.md").write_text("mine", "utf-8")

    result = _init(root, "--title", "T")

    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {root}: already exists and is not empty")
    assert [p.name for p in root.iterdir()] == ["notes.md"]
    assert (root / "notes.md").read_text("utf-8") == "mine"


def test_refuses_a_second_init(tmp_path: Path) -> None:
    root = tmp_path / "study"
    _init(root, "--title", "T", "--date", "2026-03-01")
    plan = root / "2026-03-01-study-research-plan.md"
    before = plan.read_bytes()

    result = _init(root, "--title", "Other", "--date", "2026-03-01")

    assert result.exit_code == 1 and "Error: " in result.stderr
    assert plan.read_bytes() == before


def test_json_output(tmp_path: Path) -> None:
    root = tmp_path / "study"
    result = _init(root, "--title", "T", "--date", "2026-03-01", "--json")

    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert data["study"] == str(root)
    assert data["plan"] == str(root / "2026-03-01-study-research-plan.md")
    assert data["created"][0] == data["plan"] and len(data["created"]) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--title", "T", "--date", "01/03/2026"], "--date"),
        (["--title", "T", "--sample-size", "0"], "--sample-size"),
        ([], "--title"),
    ],
)
def test_bad_options_are_usage_errors(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = _init(tmp_path / "study", *args)

    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "study").exists()


@pytest.mark.parametrize(
    ("name", "slug"),
    [("onboarding", "onboarding"), ("Q3 Churn: Deep-Dive!", "q3-churn-deep-dive")],
)
def test_study_slug(tmp_path: Path, name: str, slug: str) -> None:
    assert study_slug(tmp_path / name) == slug


def test_a_name_without_letters_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteRefused, match="letters or digits"):
        init_study(tmp_path / "!!!", title="T")
    assert not (tmp_path / "!!!").exists()


# A backslash before a pipe cannot live in a table cell; init refuses it
# (test_backslash_pipe_is_refused).
_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1
).filter(lambda text: text.strip() and "\\|" not in text)


@settings(max_examples=30, deadline=None)
@given(title=_TEXT, hypotheses=st.lists(_TEXT, min_size=1, max_size=3))
def test_any_title_and_hypotheses_give_a_plan_that_parses(
    tmp_path_factory: pytest.TempPathFactory, title: str, hypotheses: list[str]
) -> None:
    root = tmp_path_factory.mktemp("init") / "study"
    created = init_study(root, title=title, hypotheses=hypotheses)
    plan = plans.parse_plan(created.plan)

    def flat(text: str) -> str:
        return " ".join(text.split())

    assert plan.frontmatter["title"] == flat(title)
    assert plan.frontmatter["hypotheses"] == [flat(h) for h in hypotheses]
    assert [h.text for h in plan.hypotheses] == [flat(h) for h in hypotheses]


def test_backslash_pipe_is_refused(tmp_path: Path) -> None:
    result = _init(tmp_path / "study", "--title", "T", "--hypothesis", "a \\| b")

    assert result.exit_code == 1
    assert "hypothesis 1: a table cell cannot hold a backslash" in result.stderr
    assert not (tmp_path / "study").exists()
