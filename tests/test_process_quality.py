"""Regression guard: process's figures on the gold set stay above a floor.

The floors sit a little below what was measured when the rules were last
tuned (see docs/process.md), on all three gold transcripts, without and
with the example study's codebook; they catch a rule change that quietly
makes the suggestions worse, not a particular output.
"""

from __future__ import annotations

import pytest

from benchmarks.quality_gold import GoldResult, gold_files, run_gold
from research_tool.nlp import load_pipeline

pytestmark = pytest.mark.skipif(not gold_files(), reason="no gold set in tests/gold")


@pytest.fixture(scope="module")
def measured() -> GoldResult:
    return run_gold(load_pipeline(blank=True), codebook=False)


@pytest.fixture(scope="module")
def with_codebook() -> GoldResult:
    return run_gold(load_pipeline(blank=True), codebook=True)


def test_evidence_stays_above_its_floor_and_the_keyword_baseline(
    measured: GoldResult,
) -> None:
    assert measured.evidence.precision >= 0.30
    assert measured.evidence.recall >= 0.42
    assert measured.evidence.f1 > measured.baseline.f1 + 0.15
    assert measured.evidence.precision > 3 * measured.baseline.precision


def test_evidence_with_the_codebook_stays_above_its_floor(
    with_codebook: GoldResult,
) -> None:
    assert with_codebook.evidence.precision >= 0.24
    assert with_codebook.evidence.recall >= 0.44
    assert with_codebook.evidence.f1 > with_codebook.baseline.f1 + 0.1
    stance = with_codebook.evidence.stance
    assert stance is not None and stance >= 0.76


def test_stance_and_type_accuracy_stay_above_their_floor(measured: GoldResult) -> None:
    assert measured.evidence.stance is not None and measured.evidence.stance >= 0.76
    assert measured.types >= 0.70
    assert measured.types > measured.types_baseline
