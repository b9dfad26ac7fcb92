from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from research_tool import studies
from research_tool.errors import ProblemsError, StudyError
from tests.study_builder import PLAN_NAME, PLANS, SNAPSHOTS, make_study, write


def _shared_layout(root: Path, base: str = "docs/research") -> Path:
    folder = root / base
    for name in ("plans", "interviews", "transcripts"):
        (folder / name).mkdir(parents=True)
    shutil.copyfile(PLANS / PLAN_NAME, folder / "plans" / PLAN_NAME)
    for file in SNAPSHOTS.glob("*.md"):
        shutil.copyfile(file, folder / "interviews" / file.name)
    return folder


def test_study_folder_and_plan_file(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    write(root / "README.md", "# Notes\n")

    by_folder = studies.resolve_study(root)
    by_plan = studies.resolve_study(root / PLAN_NAME)
    by_snapshot = studies.resolve_study(
        root / "interviews" / "2026-03-04-participant-001.md"
    )
    assert by_folder == by_plan == by_snapshot
    assert by_folder.plan_path == root / PLAN_NAME
    assert by_folder.interviews_dir == root / "interviews"
    assert by_folder.reports_dir == root / "reports"


def test_the_only_markdown_file_is_the_plan(tmp_path: Path) -> None:
    root = tmp_path / "study"
    write(root / "onboarding.md", (PLANS / PLAN_NAME).read_text("utf-8"))

    assert studies.resolve_study(root).plan_path == root / "onboarding.md"


@pytest.mark.parametrize("base", ["docs/research", "docs/user-research"])
@pytest.mark.parametrize("start", ["root", "layout", "plans"])
def test_shared_layouts(tmp_path: Path, base: str, start: str) -> None:
    folder = _shared_layout(tmp_path, base)
    where = {"root": tmp_path, "layout": folder, "plans": folder / "plans"}

    study = studies.resolve_study(where[start])
    assert study.plan_path == folder / "plans" / PLAN_NAME
    assert study.interviews_dir == folder / "interviews"
    assert study.transcripts_dir == folder / "transcripts"


def test_several_plans_are_ambiguous(tmp_path: Path) -> None:
    folder = _shared_layout(tmp_path)
    write(folder / "plans" / "2026-04-01-pricing-research-plan.md", "---\n---\n")

    with pytest.raises(StudyError) as caught:
        studies.resolve_study(folder)
    assert PLAN_NAME in str(caught.value) and "pricing" in str(caught.value)
    assert "pass the plan file" in str(caught.value)
    assert len(studies.candidate_plans(folder)) == 2


def test_no_plan(tmp_path: Path) -> None:
    with pytest.raises(StudyError, match="no study plan here"):
        studies.resolve_study(tmp_path)


def test_load_study_links_sorts_and_skips_other_plans(tmp_path: Path) -> None:
    folder = _shared_layout(tmp_path)
    write(folder / "plans" / "2026-04-01-pricing-research-plan.md", "---\n---\n")
    other = (SNAPSHOTS / "2026-03-04-participant-001.md").read_text("utf-8")
    other = other.replace(
        'research_plan: "onboarding-friction"', "research_plan: pricing"
    )
    write(folder / "interviews" / "2026-01-01-participant-009.md", other)
    write(folder / "interviews" / "README.md", "Not a snapshot.\n")

    loaded = studies.load_study(folder / "plans" / PLAN_NAME)
    assert [s.participant_id for s in loaded.snapshots] == ["user-001", "user-002"]


def test_a_snapshot_naming_a_missing_plan_is_a_problem(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    snapshot = root / "interviews" / "2026-03-09-participant-002.md"
    text = snapshot.read_text("utf-8")
    write(
        snapshot,
        text.replace("research_plan: onboarding-friction", "research_plan: onboardin"),
    )

    with pytest.raises(ProblemsError, match="research_plan 'onboardin' names no plan"):
        studies.load_study(root)


def test_research_plan_as_a_path(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    snapshot = root / "interviews" / "2026-03-09-participant-002.md"
    text = snapshot.read_text("utf-8")
    write(
        snapshot,
        text.replace(
            "research_plan: onboarding-friction", f"research_plan: ../{PLAN_NAME}"
        ),
    )

    assert len(studies.load_study(root).snapshots) == 2


def test_problems_from_every_file_at_once(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    for file in (root / "interviews").glob("*.md"):
        write(file, file.read_text("utf-8").replace("| 3 | Go-live", "| 8 | Go-live"))

    with pytest.raises(ProblemsError) as caught:
        studies.load_study(root)
    assert sorted(p.path.name for p in caught.value.problems) == sorted(
        p.name for p in SNAPSHOTS.glob("*.md")
    )


def test_transcripts_and_source_transcript(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    for name in (
        "2026-03-04-priya.txt",
        "b.vtt",
        "roster.yaml",
        "codebook.yaml",
        ".gitignore",
    ):
        write(root / "transcripts" / name, "x\n")
    study = studies.resolve_study(root)

    assert [p.name for p in studies.transcript_files(study)] == [
        "2026-03-04-priya.txt",
        "b.vtt",
    ]
    loaded = studies.load_study(root)
    first, second = loaded.snapshots
    assert (
        studies.source_transcript_path(study, first)
        == root / "transcripts" / "2026-03-04-priya.txt"
    )
    assert studies.source_transcript_path(study, second) is None
