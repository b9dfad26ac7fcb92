from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

from research_tool.followups import content_words, follow_ups
from research_tool.plans import parse_plan
from research_tool.rollup import rollup
from research_tool.snapshots import parse_snapshot
from tests.study_builder import PLAN_NAME, PLANS, SNAPSHOTS


def test_untested_hypotheses_get_the_closest_probe() -> None:
    plan = parse_plan(PLANS / PLAN_NAME)
    snapshots = [parse_snapshot(p) for p in sorted(SNAPSHOTS.glob("*.md"))]

    (follow,) = follow_ups(plan, rollup(plan, snapshots))
    assert follow.number == 3
    assert (
        follow.probe
        == "Tell me about the week before go-live and who had to approve it."
    )
    line = (PLANS / PLAN_NAME).read_text("utf-8").split("\n")[follow.probe_line - 1]  # type: ignore[operator]
    assert follow.probe in line


def test_every_hypothesis_is_a_follow_up_before_any_interview() -> None:
    plan = parse_plan(PLANS / PLAN_NAME)
    odd = replace(plan.hypotheses[1], text="Zebras xylophone quietly")
    plan.hypotheses[1] = odd

    found = follow_ups(plan, rollup(plan, []))
    assert [f.number for f in found] == [1, 2, 3]
    assert found[1].probe is None and found[1].probe_line is None
    assert found[0].probe is not None and "imported" in found[0].probe


def test_content_words() -> None:
    assert content_words("The SAMs spend their time on reports") == {
        "sam",
        "spend",
        "time",
        "report",
    }


def test_followups_do_not_import_spacy() -> None:
    modules = "research_tool.followups, research_tool.status"
    code = f"import sys, {modules}; print('spacy' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"
