"""The synthetic study generator that benchmarks build on."""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.synthetic import PLAN_NAME, id_width, make_study

QUOTE = re.compile(r'^> "(.*)"$', re.MULTILINE)
SOURCE = re.compile(r'^source_transcript: "(.*)"$', re.MULTILINE)
CUE = re.compile(r"^(?P<speaker>[^:\n]+): (?P<text>.+)$", re.MULTILINE)


def _files(study: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(study)): p.read_bytes()
        for p in sorted(study.rglob("*"))
        if p.is_file()
    }


def test_layout_and_counts(tmp_path: Path) -> None:
    study = make_study(tmp_path, 12)

    assert (study / PLAN_NAME).is_file()
    assert len(list((study / "interviews").glob("*-participant-*.md"))) == 12
    assert len(list((study / "transcripts").glob("*.vtt"))) == 12
    assert (study / "transcripts" / "roster.yaml").is_file()


def test_same_seed_same_bytes_other_seed_differs(tmp_path: Path) -> None:
    first = _files(make_study(tmp_path / "a", 8, seed=3))
    again = _files(make_study(tmp_path / "b", 8, seed=3))
    other = _files(make_study(tmp_path / "c", 8, seed=4))

    assert first == again
    assert first != other


def test_every_quote_is_in_one_participant_cue(tmp_path: Path) -> None:
    study = make_study(tmp_path, 15, seed=1)

    checked = 0
    for snapshot in sorted((study / "interviews").glob("*.md")):
        text = snapshot.read_text(encoding="utf-8")
        source = SOURCE.search(text)
        assert source is not None
        vtt = (study / "transcripts" / source.group(1)).read_text(encoding="utf-8")
        said = [m["text"] for m in CUE.finditer(vtt) if m["speaker"] != "Rowan Ashdown"]
        for quote in QUOTE.findall(text):
            assert any(quote in cue for cue in said), (snapshot.name, quote)
            checked += 1
    assert checked > 15 * 3


def test_zero_interviews_still_writes_a_plan(tmp_path: Path) -> None:
    study = make_study(tmp_path, 0)

    assert (study / PLAN_NAME).is_file()
    assert list((study / "interviews").iterdir()) == []


def test_participant_numbers_widen_for_big_studies(tmp_path: Path) -> None:
    study = make_study(tmp_path, 12)

    names = sorted(p.name for p in (study / "interviews").iterdir())
    assert names[0].endswith("participant-001.md")
    assert (id_width(999), id_width(1000), id_width(12345)) == (3, 4, 5)


def test_the_study_loads_and_every_quote_verifies(tmp_path: Path) -> None:
    from research_tool.studies import load_study
    from research_tool.verify import verify_study

    loaded = load_study(make_study(tmp_path, 6, seed=5))
    verification = verify_study(loaded)

    assert len(loaded.snapshots) == 6
    assert verification.verified > 6 * 3
    assert (verification.failed, verification.unverifiable) == (0, 0)
