"""``research process``: what it writes, what it refuses, and how it escapes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from research_tool.cli import cli
from research_tool.process import Options, process_transcript
from research_tool.redaction import redact_for_study
from research_tool.snapshots import parse_snapshot
from research_tool.studies import resolve_study
from research_tool.transcripts import read_transcript

FIXTURES = Path(__file__).parent / "fixtures" / "process"
GOLDEN = FIXTURES / "golden" / "2026-01-10-participant-001.md"
BLANK = Options(blank=True)  # tests run the rule-only pipeline, installed model or not


@pytest.fixture
def study(tmp_path: Path) -> Path:
    target = tmp_path / "study"
    shutil.copytree(FIXTURES / "study", target)
    return target


def _process(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli, ["process", *args, "--no-input", "--model", "blank-en"]
    )
    return result.exit_code, result.stdout, result.stderr


def test_writes_the_next_snapshot_and_says_what_it_found(study: Path) -> None:
    code, out, _ = _process(str(study / "transcripts" / "2026-01-10-sam.txt"))

    assert code == 0, out
    snapshot = study / "interviews" / "2026-01-10-participant-001.md"
    assert snapshot.is_file()
    assert "pipeline blank-en" in out
    assert "hypothesis 1:" in out and "hypothesis 2:" in out
    assert (study / "transcripts" / ".gitignore").is_file()

    code, out, _ = _process(str(study / "transcripts" / "2026-01-12-alex.txt"))
    assert code == 0, out
    assert (study / "interviews" / "2026-01-12-participant-002.md").is_file()


def test_snapshot_round_trips_through_the_parser(study: Path) -> None:
    result = process_transcript(study / "transcripts" / "2026-01-10-sam.txt", BLANK)
    snapshot = parse_snapshot(result.snapshot)

    assert snapshot.participant_id == "user-001"
    assert snapshot.frontmatter["pipeline"] == "blank-en"
    assert snapshot.frontmatter["date"].isoformat() == "2026-01-10"
    counts: dict[str, int] = {}
    for insight in snapshot.insights:
        counts[insight.type] = counts.get(insight.type, 0) + 1
        assert 1 <= len(insight.topics) <= 3
        assert insight.at is not None
    assert counts == result.insights

    rows = {int(e.number): e for e in snapshot.hypotheses}
    assert set(rows) == {1, 2}
    for number, entry in rows.items():
        assert entry.status == result.statuses[number]
        stances = [e.stance for e in entry.evidence]
        assert len(stances) == sum(result.evidence[number].values())
        assert all(e.why.startswith("matched: ") for e in entry.evidence)

    inspect = CliRunner().invoke(cli, ["inspect", str(result.snapshot)])
    assert inspect.exit_code == 0, inspect.output


def test_every_quote_is_words_of_one_participant_turn(study: Path) -> None:
    path = study / "transcripts" / "2026-01-10-sam.txt"
    snapshot = parse_snapshot(process_transcript(path, BLANK).snapshot)
    redacted = redact_for_study(read_transcript(path), resolve_study(study), "user-001")
    turns = [t.text for t in redacted.transcript.turns if t.role == "participant"]

    quotes = [i.quote for i in snapshot.insights]
    quotes += [e.quote for h in snapshot.hypotheses for e in h.evidence]
    quotes += [o.quote for o in snapshot.opportunities]
    assert quotes
    for quote in quotes:
        assert any(quote in turn for turn in turns), quote


def test_refuses_to_replace_a_snapshot_without_force(study: Path) -> None:
    source = str(study / "transcripts" / "2026-01-10-sam.txt")
    assert _process(source)[0] == 0
    snapshot = study / "interviews" / "2026-01-10-participant-001.md"
    snapshot.write_text(snapshot.read_text("utf-8") + "\nMy own note.\n", "utf-8")
    edited = snapshot.read_text("utf-8")

    code, _, err = _process(source)
    assert code == 1
    assert err.startswith(f"Error: {snapshot}: already holds the snapshot of")
    assert "--force" in err
    assert snapshot.read_text("utf-8") == edited

    code, out, _ = _process(source, "--force")
    assert code == 0, out
    backup = snapshot.with_name(snapshot.name + ".bak")
    assert backup.read_text("utf-8") == edited
    assert "My own note." not in snapshot.read_text("utf-8")
    assert "previous version kept as" in out


def test_a_study_processes_every_unprocessed_transcript(study: Path) -> None:
    code, out, _ = _process(str(study), "--json")
    assert code == 0, out
    written = json.loads(out)
    assert [Path(r["snapshot"]).name for r in written] == [
        "2026-01-10-participant-001.md",
        "2026-01-12-participant-002.md",
    ]
    assert written[0]["pipeline"] == "blank-en"

    code, out, err = _process(str(study), "--json")
    assert code == 0
    assert json.loads(out) == []
    assert "Every transcript already has a snapshot." in err


def test_metadata_from_options_else_visible_placeholders(study: Path) -> None:
    source = str(study / "transcripts" / "2026-01-10-sam.txt")
    code, out, _ = _process(
        source,
        "--role",
        "Account Manager",
        "--date",
        "2026-02-01",
        "--participant-id",
        "user-007",
    )
    assert code == 0, out
    snapshot = parse_snapshot(study / "interviews" / "2026-02-01-participant-007.md")
    assert snapshot.frontmatter["role"] == "Account Manager"
    assert snapshot.frontmatter["company_type"] == "[company type — fill in]"
    assert snapshot.frontmatter["focus"] == "[focus — fill in]"
    assert snapshot.participant_id == "user-007"


def test_transcript_text_cannot_break_the_snapshot(study: Path) -> None:
    result = process_transcript(study / "transcripts" / "2026-01-12-alex.txt", BLANK)
    text = result.snapshot.read_text("utf-8")
    frontmatter = yaml.safe_load(text.split("---\n")[1])
    snapshot = parse_snapshot(result.snapshot)

    assert "title" not in frontmatter
    assert set(frontmatter) == set(snapshot.frontmatter)
    assert text.count("\n---\n") == 1  # only the frontmatter's closing line
    assert [h.number for h in snapshot.hypotheses] == ["1", "2"]
    quotes = [i.quote for i in snapshot.insights]
    quotes += [e.quote for h in snapshot.hypotheses for e in h.evidence]
    assert any("| account | status |" in q for q in quotes)
    assert any("`code` and <script>alert(1)</script>" in q for q in quotes)
    assert any(q.startswith("title: x ---") for q in quotes)
    for line in text.splitlines():
        if line.startswith("|") and "account | status" in line.replace("\\|", "|"):
            assert "\\| account \\| status \\|" in line


def test_golden_snapshot(study: Path, update_golden: bool) -> None:
    result = process_transcript(
        study / "transcripts" / "2026-01-10-sam.txt",
        Options(role="Account Manager", company_type="Analytics vendor", blank=True),
    )
    written = result.snapshot.read_text("utf-8")
    if update_golden:
        GOLDEN.write_text(written, "utf-8")
    assert GOLDEN.is_file(), "no golden file; run pytest --update-golden"
    assert written == GOLDEN.read_text("utf-8")


def test_a_study_template_overrides_the_shipped_one(study: Path) -> None:
    (study / "templates").mkdir()
    (study / "templates" / "snapshot.md.j2").write_text(
        "---\nparticipant_id: {{ meta.participant_id | yaml }}\n---\n\n"
        "# Our own layout for {{ meta.participant_id }}\n",
        "utf-8",
    )
    result = process_transcript(study / "transcripts" / "2026-01-10-sam.txt", BLANK)
    assert result.snapshot.read_text("utf-8").endswith(
        "# Our own layout for user-001\n"
    )


def test_a_study_without_a_codebook_gets_a_hint_to_write_one(study: Path) -> None:
    assert not (study / "codebook.yaml").exists()
    code, _, err = _process(str(study / "transcripts" / "2026-01-10-sam.txt"))
    assert code == 0 and "no codebook.yaml" in err

    (study / "codebook.yaml").write_text("hypotheses:\n  1: [deck]\n", "utf-8")
    code, out, err = _process(
        str(study / "transcripts" / "2026-01-12-alex.txt"), "--json"
    )
    assert code == 0 and "no codebook.yaml" not in err
    assert json.loads(out)[0]["codebook"] == str(study / "codebook.yaml")
