"""Shared fixtures: paths to the example study and the shared corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_STUDY = ROOT / "studies" / "account-management-effectiveness"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture
def example_study(tmp_path: Path) -> Path:
    """A writable copy of the example study, without caches a run left in it."""
    target = tmp_path / EXAMPLE_STUDY.name
    shutil.copytree(EXAMPLE_STUDY, target, ignore=shutil.ignore_patterns(".research"))
    return target


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files from the current output instead of comparing.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files on purpose."""
    return bool(request.config.getoption("--update-golden"))
