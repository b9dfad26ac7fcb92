"""REFI-QDA export: a schema-valid project whose selections hold their quotes."""

from __future__ import annotations

import io
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xmlschema
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from research_tool.cli import cli
from research_tool.export import render
from research_tool.export.bundle import SourceText, StudyBundle, normalise_newlines
from research_tool.export.ids import guid
from research_tool.export.records import snapshot_quotes
from research_tool.model import Evidence, HypothesisEntry, Insight, Snapshot
from research_tool.quotes import normalise

HERE = Path(__file__).parent / "fixtures" / "export"
FIXTURE = HERE / "tooling-study"
XSD = HERE / "Project.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}

SOURCE = (
    "Interviewer: How do you start the week?\n"
    "user-001: Monday I open four tabs before I even know which account is on fire.\n"
    "Interviewer: And then?\n"
    "user-001: I ping [colleague-1] about it.\n"
    "And the “usage report” is always late.\n"
)


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(XSD))


def _snapshot(root: Path, name: str, pid: str, insights: list[Insight]) -> Snapshot:
    return Snapshot(
        path=root / "interviews" / name,
        text="",
        digest="",
        frontmatter={
            "participant_id": pid,
            "role": "Account Manager",
            "company_type": "Health insurer",
            "date": "2026-02-09",
        },
        insights=insights,
        hypotheses=[
            HypothesisEntry(
                "1",
                "Reporting takes too long",
                "SUPPORTED",
                (Evidence(insights[0].quote, "supports", None, 60),),
                50,
            )
        ],
        opportunities=[],
        sections={"Summary": "They open four tabs.", "Experience Map": "A → B"},
    )


def _bundle(root: Path) -> StudyBundle:
    heard = _snapshot(
        root,
        "2026-02-09-participant-001.md",
        "user-001",
        [
            Insight(
                "Monday I open four tabs before I even know which account is on fire.",
                "pain-point",
                ("morning-workflow", "multi-tool"),
                "Start of the week.",
                751.0,
                20,
            ),
            Insight(
                "I ping [colleague-1] about it.", "workaround", ("chat",), "", None, 26
            ),
            Insight(
                'And the "usage report" is always late.',
                "pain-point",
                ("usage-data",),
                "",
                None,
                31,
            ),
            Insight(
                "Nobody reads the deck anyway.",
                "pain-point",
                ("reporting",),
                "",
                None,
                36,
            ),
            Insight(
                "Opened Excel first.",
                "behavior",
                ("multi-tool",),
                "",
                None,
                41,
                observed=True,
            ),
        ],
    )
    unheard = _snapshot(
        root,
        "2026-02-10-participant-002.md",
        "user-002",
        [
            Insight(
                "I keep a spreadsheet.", "workaround", ("spreadsheets",), "", None, 20
            )
        ],
    )
    return StudyBundle(
        "demo-study",
        root,
        None,
        [heard, unheard],
        sources={heard.path: SourceText("2026-02-09-krista.vtt", SOURCE)},
    )


def _open(data: bytes) -> tuple[bytes, dict[str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        project = archive.read("project.qde")
        sources = {
            n: archive.read(n).decode("utf-8") for n in names if n != "project.qde"
        }
    assert names[0] == "project.qde"
    return project, sources


def test_project_validates_against_the_refi_qda_schema(
    tmp_path: Path, schema: xmlschema.XMLSchema
) -> None:
    project, _ = _open(render(_bundle(tmp_path), "qdpx").content)

    schema.validate(project.decode("utf-8"))
    assert ET.fromstring(project).tag == "{urn:QDA-XML:project:1.0}Project"


def test_every_selection_holds_exactly_its_quote(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path)
    project, sources = _open(render(bundle, "qdpx").content)
    root = ET.fromstring(project)

    snapshot = bundle.snapshots[0]
    quotes = {
        guid("selection", "interviews/" + snapshot.path.name, str(r.line)): r.quote
        for r in snapshot_quotes(snapshot)
    }
    checked = 0
    for source in root.iterfind(".//q:TextSource", NS):
        text = sources[
            "sources/" + source.get("plainTextPath", "").removeprefix("internal://")
        ]
        for selection in source.iterfind("q:PlainTextSelection", NS):
            start, end = (
                int(selection.get("startPosition", -1)),
                int(selection.get("endPosition", -1)),
            )
            assert normalise(text[start:end]) == normalise(
                quotes[selection.get("guid")]
            )
            checked += 1

    assert checked == 3
    assert "“usage report”" in SOURCE


def test_a_quote_missing_from_the_transcript_is_reported_not_placed(
    tmp_path: Path,
) -> None:
    rendered = render(_bundle(tmp_path), "qdpx")

    assert [(u.line, u.quote) for u in rendered.unlocated] == [
        (36, "Nobody reads the deck anyway.")
    ]
    assert rendered.counts["selections"] == 3
    assert rendered.counts["observed"] == 1
    assert b"Nobody reads" not in _open(rendered.content)[0]


def test_codes_are_hierarchical_and_codings_point_at_them(tmp_path: Path) -> None:
    project, _ = _open(render(_bundle(tmp_path), "qdpx").content)
    root = ET.fromstring(project)

    codes = {c.get("guid"): c.get("name") for c in root.iterfind(".//q:Code", NS)}
    top = [c.get("name") for c in root.iterfind("q:CodeBook/q:Codes/q:Code", NS)]
    h1 = root.find(
        "q:CodeBook/q:Codes/q:Code[@name='hypothesis']/q:Code[@name='H1']", NS
    )
    first = root.find(".//q:PlainTextSelection", NS)
    assert first is not None and h1 is not None

    assert top == ["type", "topic", "hypothesis"]
    assert [c.get("name") for c in h1.iterfind("q:Code", NS)] == [
        "supports",
        "challenges",
    ]
    applied = [
        codes[ref.get("targetGUID")] for ref in first.iterfind(".//q:CodeRef", NS)
    ]
    assert applied == ["pain-point", "morning-workflow", "multi-tool", "supports"]


def test_every_reference_names_an_element_of_the_project(tmp_path: Path) -> None:
    project, _ = _open(render(_bundle(tmp_path), "qdpx").content)
    root = ET.fromstring(project)

    known = {e.get("guid") for e in root.iter() if e.get("guid")}
    refs = [e.get("targetGUID") for e in root.iter() if e.get("targetGUID")]

    assert refs and all(ref in known for ref in refs)


def test_a_snapshot_without_transcript_keeps_its_codes_and_notes(
    tmp_path: Path,
) -> None:
    rendered = render(_bundle(tmp_path), "qdpx")
    root = ET.fromstring(_open(rendered.content)[0])

    case = root.find(".//q:Case[@name='user-002']", NS)
    assert case is not None
    assert case.find("q:SourceRef", NS) is None
    assert len(case.findall("q:CodeRef", NS)) == 3  # type, topic, H1/supports
    assert len(root.findall("q:NoteRef", NS)) == 2
    assert rendered.counts["without_source"] == 1
    assert rendered.counts["sources"] == 1


def test_cases_carry_role_company_type_and_date(tmp_path: Path) -> None:
    root = ET.fromstring(_open(render(_bundle(tmp_path), "qdpx").content)[0])

    variables = {
        v.get("name"): v.get("typeOfVariable")
        for v in root.iterfind(".//q:Variable", NS)
    }
    case = root.find(".//q:Case[@name='user-001']", NS)
    assert case is not None

    assert variables == {"role": "Text", "company type": "Text", "date": "Date"}
    values = [v.text for v in case.iterfind("q:VariableValue/*", NS) if v.text]
    assert values == ["Account Manager", "Health insurer", "2026-02-09"]


def test_control_characters_never_make_the_xml_invalid(
    tmp_path: Path, schema: xmlschema.XMLSchema
) -> None:
    bundle = _bundle(tmp_path)
    bundle.snapshots[0].sections["Summary"] = "Page\x0cbreak and a bell\x07."

    project, _ = _open(render(bundle, "qdpx").content)

    schema.validate(project.decode("utf-8"))
    assert b"Pagebreak and a bell." in project


def test_two_exports_are_byte_identical(tmp_path: Path) -> None:
    first = render(_bundle(tmp_path), "qdpx").content
    second = render(_bundle(tmp_path), "qdpx").content

    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {
            (1980, 1, 1, 0, 0, 0)
        }


def test_line_endings_are_normalised_before_offsets() -> None:
    assert normalise_newlines("a\r\nb\rc\n") == "a\nb\nc\n"


def test_codebook_alone_is_a_valid_codebook(
    tmp_path: Path, schema: xmlschema.XMLSchema
) -> None:
    qdc = render(_bundle(tmp_path), "qdc").content
    book = ET.fromstring(qdc)
    assert book.tag == "{urn:QDA-XML:codebook:1.0}CodeBook"

    # The project schema's CodeBookType is the codebook's structure: check it
    # by moving the element into the project namespace inside a Project.
    for element in book.iter():
        element.tag = element.tag.replace("codebook:1.0", "project:1.0")
    project = ET.Element("{urn:QDA-XML:project:1.0}Project", name="codebook")
    project.append(book)

    schema.validate(ET.tostring(project, encoding="unicode"))
    assert (
        len(book.findall(".//{*}Code"))
        == render(_bundle(tmp_path), "qdc").counts["codes"]
    )


def _has_reader() -> bool:
    try:
        from research_tool.transcripts import read_transcript  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _has_reader(), reason="transcript reader not available")
def test_fixture_study_exports_through_the_cli(
    tmp_path: Path, schema: xmlschema.XMLSchema
) -> None:
    study = tmp_path / FIXTURE.name
    shutil.copytree(FIXTURE, study)

    result = CliRunner().invoke(
        cli, ["export", str(study), "--format", "qdpx", "--json"]
    )

    assert result.exit_code == 0, result.output
    assert "1 quote(s) not found" in result.stderr
    out = study / "reports" / "tooling-study.qdpx"
    project, sources = _open(out.read_bytes())
    schema.validate(project.decode("utf-8"))
    assert len(sources) == 1
    assert "[colleague-1]" in next(iter(sources.values()))


WORDS = st.sampled_from(
    ["weekly", "deck", "Salesforce", "it's", "“late”", "[colleague-1]", "I", "—", "é"]
)


@settings(max_examples=50, deadline=None)
@given(
    words=st.lists(WORDS, min_size=3, max_size=30),
    breaks=st.sampled_from([" ", "\n", "\r\n", "  "]),
    data=st.data(),
)
def test_offsets_slice_the_quote_out_of_any_transcript(
    words: list[str], breaks: str, data: st.DataObject
) -> None:
    root = Path("/study")
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first + 1, len(words)))
    quote = " ".join(words[first:last])
    text = normalise_newlines("user-001: " + breaks.join(words) + "\r\n")
    bundle = _bundle(root)
    bundle.snapshots = bundle.snapshots[:1]
    bundle.snapshots[0].insights = [Insight(quote, "need", ("x",), "", None, 20)]
    bundle.sources = {bundle.snapshots[0].path: SourceText("t.txt", text)}

    project, sources = _open(render(bundle, "qdpx").content)
    selection = ET.fromstring(project).find(".//q:PlainTextSelection", NS)
    assert selection is not None
    start, end = (
        int(selection.get("startPosition", 0)),
        int(selection.get("endPosition", 0)),
    )

    assert "\r" not in next(iter(sources.values()))
    assert normalise(text[start:end]) == normalise(quote)
