"""research search: ranked quotes across studies, from an index never stale."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from research_tool.cli import cli
from research_tool.errors import ResearchError
from research_tool.search import Filters, index_path, search
from research_tool.search.query import fts_query

FIXTURE = Path(__file__).parent / "fixtures" / "export" / "tooling-study"
SLIPPING = "I need one place that tells me which accounts are slipping this month."
MALFORMED = "---\nparticipant_id: [unclosed\n---\n\n# Interview Snapshot\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """Two studies under one folder: the fixture study and a renamed copy."""
    shutil.copytree(FIXTURE, tmp_path / "studies" / "tooling-study")
    shutil.copytree(FIXTURE, tmp_path / "studies" / "second-study")
    return tmp_path


def _snapshot(root: Path, study: str = "tooling-study") -> Path:
    return root / "studies" / study / "interviews" / "2026-03-02-participant-001.md"


def _quotes(root: Path, query: str, **filters: str) -> list[tuple[str, str]]:
    hits = search(query, root=root, filters=Filters(**filters)).hits
    return [(hit.study, hit.quote) for hit in hits]


def test_finds_quotes_in_every_study_with_where_and_when(root: Path) -> None:
    hits = search("slipping", root=root).hits

    assert [hit.study for hit in hits] == ["second-study", "tooling-study"]
    hit = hits[1]
    assert (
        hit.where == "studies/tooling-study/interviews/2026-03-02-participant-001.md:55"
    )
    assert (hit.participant, hit.timestamp, hit.type) == (
        "user-001",
        "00:00:51",
        "need",
    )
    assert hit.highlighted == SLIPPING.replace("slipping", "**slipping**")


def test_a_match_in_the_quote_outranks_one_in_topics_or_context(root: Path) -> None:
    hits = search("spreadsheet", root=root / "studies" / "tooling-study").hits

    assert hits[0].quote.startswith("-- honestly, the spreadsheet")
    assert "**spreadsheet**" in hits[0].highlighted
    assert {hit.participant for hit in hits[1:]} == {"user-001"}
    assert [hit.score for hit in hits] == sorted(hit.score for hit in hits)


def test_words_must_all_match_phrases_in_order_and_prefixes_extend(root: Path) -> None:
    deck = "Every Friday I rebuild the weekly status deck by hand from three exports."
    one = root / "studies" / "tooling-study"

    assert _quotes(one, "weekly exports") == [("tooling-study", deck)]
    assert _quotes(one, "weekly nowhere") == []
    assert _quotes(one, '"status deck"') == [("tooling-study", deck)]
    assert _quotes(one, '"deck status"') == []
    assert _quotes(one, "slipp*") == [("tooling-study", SLIPPING)]


def test_filters_narrow_by_tag_hypothesis_stance_and_participant(root: Path) -> None:
    one = root / "studies" / "tooling-study"

    assert len(_quotes(one, "", type="need")) == 1
    assert len(_quotes(one, "", topic="weekly-reporting")) == 2
    challenged = _quotes(one, "", hypothesis="H2", stance="challenges")
    assert [q for _, q in challenged] == [
        "-- honestly, the spreadsheet is the only thing I trust."
    ]
    assert _quotes(one, "spreadsheet", participant="user-001") != []
    assert _quotes(one, "honestly", participant="user-001") == []
    assert _quotes(one, "") == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab *\"():^-+NEAROT{}.,'\\"), max_size=20))
def test_no_input_is_an_fts5_syntax_error(text: str) -> None:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5 (body)")
    connection.execute("INSERT INTO t VALUES ('a b near or not')")

    match = fts_query(text)

    if match:
        connection.execute("SELECT * FROM t WHERE t MATCH ?", (match,)).fetchall()


def test_a_changed_snapshot_is_never_served_stale(root: Path) -> None:
    assert len(_quotes(root, "slipping")) == 2

    path = _snapshot(root)
    path.write_text(
        path.read_text(encoding="utf-8").replace("slipping", "drifting"),
        encoding="utf-8",
    )

    assert _quotes(root, "slipping") == [("second-study", SLIPPING)]
    assert _quotes(root, "drifting") == [
        ("tooling-study", SLIPPING.replace("slipping", "drifting"))
    ]


def test_only_changed_files_are_parsed_again(root: Path) -> None:
    first = search("deck", root=root).stats
    second = search("deck", root=root).stats

    assert (first.indexed, second.indexed, second.unchanged) == (4, 0, 4)


def test_a_deleted_snapshot_leaves_the_index(root: Path) -> None:
    search("slipping", root=root)
    _snapshot(root, "second-study").unlink()

    result = search("slipping", root=root)

    assert result.stats.removed == 1
    assert [hit.study for hit in result.hits] == ["tooling-study"]


def test_deleting_the_index_loses_nothing(root: Path) -> None:
    before = search("spreadsheet", root=root).hits
    index_path(root).unlink()

    after = search("spreadsheet", root=root).hits

    assert after == before and after
    assert (root / ".research" / ".gitignore").read_text(encoding="utf-8") == "*\n"


def test_a_corrupt_index_is_rebuilt(root: Path) -> None:
    before = _quotes(root, "deck")
    index_path(root).write_bytes(b"not a database at all" * 100)

    assert _quotes(root, "deck") == before
    assert len(before) == 4  # the deck quote, and a context naming the deck


def test_a_malformed_snapshot_is_skipped_with_a_warning(root: Path) -> None:
    bad = (
        root
        / "studies"
        / "tooling-study"
        / "interviews"
        / "2026-03-09-participant-009.md"
    )
    bad.write_text(MALFORMED, encoding="utf-8")

    result = CliRunner().invoke(cli, ["search", "slipping", "--root", str(root)])

    assert result.exit_code == 0, result.output
    assert f"Warning: skipped {bad}:" in result.stderr
    assert result.stdout.count("**slipping**") == 2


def test_cli_prints_each_hit_with_file_line_and_tags(root: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "search",
            "Excel tracker",
            "--root",
            str(root),
            "--participant",
            "user-001",
            "--limit",
            "1",
        ],
        catch_exceptions=False,
    )

    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "studies/second-study/interviews/2026-03-02-participant-001.md:70  user-001"
    )
    assert lines[1] == "  workaround · spreadsheet-tracking · H2 supports"
    assert "**tracker**" in lines[2]


def test_cli_json_lists_hits_and_warnings(root: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["search", '"status deck"', "--root", str(root), "--json"],
        catch_exceptions=False,
    )

    data = json.loads(result.stdout)
    assert data["warnings"] == []
    assert [hit["study"] for hit in data["hits"]] == ["second-study", "tooling-study"]
    assert data["hits"][0]["hypotheses"] == [{"number": "1", "stance": "supports"}]


def test_cli_reports_no_match_and_bad_options(root: Path) -> None:
    runner = CliRunner()

    none = runner.invoke(cli, ["search", "zebra", "--root", str(root)])
    missing = runner.invoke(cli, ["search", "x", "--root", str(root / "nowhere")])
    bad_type = runner.invoke(cli, ["search", "x", "--type", "wish"])

    assert (none.exit_code, none.stdout, none.stderr) == (
        0,
        "",
        "No matching quotes.\n",
    )
    assert missing.exit_code == 1
    assert missing.stderr.startswith(f"Error: {root / 'nowhere'}: is not a folder")
    assert bad_type.exit_code == 2


def test_a_python_without_fts5_gets_a_clear_error(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = sqlite3.connect

    def no_fts5(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = real(*args, **kwargs)  # type: ignore[arg-type]
        if args and args[0] == ":memory:":
            connection.close()
            raise sqlite3.OperationalError("no such module: fts5")
        return connection

    monkeypatch.setattr(sqlite3, "connect", no_fts5)

    with pytest.raises(ResearchError, match="no FTS5 full-text search"):
        search("deck", root=root)


def test_search_the_example_study(example_study: Path) -> None:
    if not any((example_study / "interviews").glob("*.md")):
        pytest.skip("the example study has no snapshots yet")

    hits = search("salesforce", root=example_study.parent).hits
    workarounds = search(
        "", root=example_study.parent, filters=Filters(type="workaround")
    )

    assert hits and {hit.study for hit in hits} == {example_study.name}
    assert all(hit.path.startswith(f"{example_study.name}/interviews/") for hit in hits)
    assert any("**Salesforce**" in hit.highlighted for hit in hits)
    assert workarounds.hits and {h.type for h in workarounds.hits} == {"workaround"}


def test_the_insight_type_is_searchable_as_a_word(root: Path) -> None:
    one = root / "studies" / "tooling-study"

    assert len(_quotes(one, "workaround")) == 1
    assert len(_quotes(one, "pain-point")) == 3


def test_a_locked_index_is_an_error_not_a_traceback(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from research_tool.search import schema

    search("deck", root=root)
    (root / "studies" / "tooling-study" / "interviews" / "new.md").write_text(
        MALFORMED, encoding="utf-8"
    )
    monkeypatch.setattr(schema, "LOCK_TIMEOUT", 0.05)
    holder = sqlite3.connect(index_path(root))
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = CliRunner().invoke(cli, ["search", "deck", "--root", str(root)])
    finally:
        holder.close()

    assert result.exit_code == 1
    assert "the search index could not be used (database is locked)" in result.stderr


def test_the_root_may_be_an_interviews_folder(root: Path) -> None:
    interviews = root / "studies" / "tooling-study" / "interviews"

    hits = search("slipping", root=interviews).hits

    assert [(hit.study, hit.where) for hit in hits] == [
        ("tooling-study", "2026-03-02-participant-001.md:55")
    ]


def test_parsing_in_worker_processes_gives_the_same_index(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from research_tool.search import parse

    serial = search("spreadsheet", root=root).hits
    index_path(root).unlink()
    monkeypatch.setattr(parse, "PARALLEL_MIN", 2)

    parallel = search("spreadsheet", root=root)

    assert parallel.stats.indexed == 4
    assert parallel.hits == serial


def _docs_layout(tmp_path: Path) -> Path:
    """A project keeping its research in docs/research/{plans,interviews,...}."""
    project = tmp_path / "acme"
    research = project / "docs" / "research"
    shutil.copytree(FIXTURE / "interviews", research / "interviews")
    shutil.copytree(FIXTURE / "transcripts", research / "transcripts")
    (research / "plans").mkdir()
    for plan in FIXTURE.glob("*-plan.md"):
        shutil.copy(plan, research / "plans" / plan.name)
    return project


def test_docs_research_layouts_name_each_quote_by_its_plan(tmp_path: Path) -> None:
    project = _docs_layout(tmp_path)

    hits = search("slipping", root=project).hits

    assert [(hit.study, hit.path) for hit in hits] == [
        ("tooling-study", "docs/research/interviews/2026-03-02-participant-001.md")
    ]


def test_an_unreadable_snapshot_is_skipped_and_its_rows_dropped(root: Path) -> None:
    interviews = root / "studies" / "tooling-study" / "interviews"
    search("slipping", root=root)
    snapshot = interviews / "2026-03-02-participant-001.md"
    snapshot.unlink()
    snapshot.symlink_to(interviews / "missing.md")

    result = search("slipping", root=root)

    assert [hit.study for hit in result.hits] == ["second-study"]
    assert result.warnings == [f"{snapshot}: cannot read: No such file or directory"]
