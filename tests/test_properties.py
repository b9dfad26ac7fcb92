"""Property tests for the parsers and writers the owners' tests leave open.

Parsers (plan, snapshot, roster, codebook, frontmatter) take any text and
either return their data or raise the domain error, never anything else.
Writers (the snapshot template, table cells, evidence edits, roster
appends) write what reads back, and keep every byte outside what they own.
"""

from __future__ import annotations

import contextlib
import difflib
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from benchmarks.synthetic import PLAN_NAME, make_study
from research_tool.codebook import parse_codebook
from research_tool.errors import CodebookError, ResearchError, RosterError
from research_tool.mdtable import escape_cell, split_cells
from research_tool.model import Stance
from research_tool.plans import parse_plan_text
from research_tool.roster import Entry, Roster, parse_roster, save_roster
from research_tool.snapshot_edit import add_evidence, remove_evidence
from research_tool.snapshot_writer import (
    EvidenceItem,
    HypothesisRow,
    SnapshotMeta,
    render_snapshot,
)
from research_tool.snapshots import parse_snapshot_text
from research_tool.yamlblock import load

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
FILE = Path("study/file.md")
SNAPSHOT_NAME = "2026-01-05-participant-001.md"

# Text a person might type, punctuation and markup included.
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=80,
)
_WORDS = _TEXT.filter(lambda t: bool(t.strip()))
_LINE = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\x85"
    ),
    max_size=60,
)


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A well-formed plan and snapshot, from the synthetic study."""
    study = make_study(tmp_path_factory.mktemp("props"), 2)
    return {
        "plan": (study / PLAN_NAME).read_text(encoding="utf-8"),
        "snapshot": (study / "interviews" / SNAPSHOT_NAME).read_text("utf-8"),
    }


def mutate(text: str, data: st.DataObject) -> str:
    """``text`` with one line dropped, replaced, or one line inserted."""
    lines = text.split("\n")
    index = data.draw(st.integers(0, len(lines) - 1), label="line")
    action = data.draw(st.sampled_from(["drop", "replace", "insert"]), label="action")
    typed = data.draw(_TEXT, label="typed")
    if action == "drop":
        del lines[index]
    elif action == "replace":
        lines[index] = typed
    else:
        lines.insert(index, typed)
    return "\n".join(lines)


# --- Parsers: data or the domain error, nothing else -------------------------


@SETTINGS
@given(text=_TEXT)
def test_any_text_is_a_plan_or_a_plan_problem(text: str) -> None:
    with contextlib.suppress(ResearchError):
        parse_plan_text(FILE, text, "digest")


@SETTINGS
@given(data=st.data())
def test_a_damaged_plan_is_a_plan_or_a_plan_problem(
    originals: dict[str, str], data: st.DataObject
) -> None:
    try:
        parse_plan_text(FILE, mutate(originals["plan"], data), "digest")
    except ResearchError as exc:
        assert str(exc).startswith(str(FILE))


@SETTINGS
@given(text=_TEXT)
def test_any_text_is_a_snapshot_or_a_snapshot_problem(text: str) -> None:
    with contextlib.suppress(ResearchError):
        parse_snapshot_text(FILE, text, "digest")


@SETTINGS
@given(data=st.data())
def test_a_damaged_snapshot_is_a_snapshot_or_a_problem(
    originals: dict[str, str], data: st.DataObject
) -> None:
    try:
        parse_snapshot_text(FILE, mutate(originals["snapshot"], data), "digest")
    except ResearchError as exc:
        assert str(exc).startswith(str(FILE))


@SETTINGS
@given(text=_TEXT)
def test_any_frontmatter_loads_with_problems_not_exceptions(text: str) -> None:
    load(FILE, f"---\n{text}\n---\n# Body\n")


# YAML documents of any shape: what a hand-edited roster or codebook can be.
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), _LINE)
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(_LINE, st.integers()), inner, max_size=4),
    ),
    max_leaves=12,
)


@SETTINGS
@given(text=st.one_of(_TEXT, _DOCUMENTS.map(yaml.safe_dump)))
def test_any_roster_text_is_a_roster_or_a_roster_error(text: str) -> None:
    with contextlib.suppress(RosterError):
        parse_roster(Path("roster.yaml"), text)


@SETTINGS
@given(
    people=st.lists(
        st.fixed_dictionaries({"name": _DOCUMENTS, "pseudonym": _DOCUMENTS}),
        max_size=3,
    )
)
def test_any_roster_entries_are_a_roster_or_a_roster_error(
    people: list[dict[str, object]],
) -> None:
    with contextlib.suppress(RosterError):
        parse_roster(Path("roster.yaml"), yaml.safe_dump({"people": people}))


@SETTINGS
@given(text=st.one_of(_TEXT, _DOCUMENTS.map(yaml.safe_dump)))
def test_any_codebook_text_is_a_codebook_or_a_codebook_error(text: str) -> None:
    with contextlib.suppress(CodebookError):
        parse_codebook(Path("codebook.yaml"), text)


@SETTINGS
@given(topics=_DOCUMENTS, cues=_DOCUMENTS)
def test_any_codebook_sections_are_a_codebook_or_an_error(
    topics: object, cues: object
) -> None:
    text = yaml.safe_dump({"topics": topics, "hypotheses": cues})
    with contextlib.suppress(CodebookError):
        parse_codebook(Path("codebook.yaml"), text)


# --- Writers: what they write reads back --------------------------------------


@SETTINGS
@given(cells=st.lists(_TEXT.filter(lambda t: "\\" not in t), min_size=1, max_size=5))
def test_escaped_cells_split_back_into_the_same_cells(cells: list[str]) -> None:
    row = "| " + " | ".join(escape_cell(text) for text in cells) + " |"

    back = [cell.text for cell in split_cells(row)]

    flat = [" ".join(t.replace("\r", " ").split("\n")).strip() for t in cells]
    assert back == flat


def _insight(text: str, kind: str) -> SimpleNamespace:
    return SimpleNamespace(
        quote=text, type=kind, topics=("weekly-reporting",), context=text, at=None
    )


@SETTINGS
@given(
    role=_TEXT,
    focus=_TEXT,
    quotes=st.lists(_WORDS, min_size=1, max_size=4),
    hypothesis=_WORDS,
)
def test_a_written_snapshot_reads_back(
    role: str, focus: str, quotes: list[str], hypothesis: str
) -> None:
    assume(not any(q.strip().startswith("[") for q in quotes))
    meta = SnapshotMeta(
        participant_id="user-001",
        date="2026-01-05",
        research_plan="synthetic-study",
        source_transcript="2026-01-05-participant-001.vtt",
        pipeline="blank-en",
        role=role,
        focus=focus,
    )
    evidence = tuple(EvidenceItem(q, "supports") for q in quotes)
    text = render_snapshot(
        meta,
        summary=quotes[:1],
        steps=[],
        insights=[_insight(q, "pain-point") for q in quotes],
        opportunities=[],
        hypotheses=[HypothesisRow(1, hypothesis, evidence)],
        observations=SimpleNamespace(
            tools=[], frequency=[], emotions=[], workarounds=[]
        ),
    )

    snapshot = parse_snapshot_text(FILE, text, "digest")

    def norm(value: str) -> str:
        return " ".join(value.split())

    assert norm(str(snapshot.frontmatter["role"])) == norm(role) or not role.strip()
    assert [norm(i.quote) for i in snapshot.insights] == [norm(q) for q in quotes]
    entry = snapshot.hypotheses[0]
    assert [norm(e.quote) for e in entry.evidence] == [norm(q) for q in quotes]


# --- Regeneration keeps every byte outside the region it owns ----------------


def _changed_lines(before: str, after: str) -> list[int]:
    """1-based lines of ``before`` that an edit replaced or deleted."""
    matcher = difflib.SequenceMatcher(None, before.split("\n"), after.split("\n"))
    changed = []
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            changed += range(i1 + 1, i2 + 1)
    return changed


@SETTINGS
@given(notes=st.lists(_LINE, min_size=3, max_size=3), evidence=_WORDS)
def test_tagging_touches_only_hypothesis_tracking(
    originals: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
    notes: list[str],
    evidence: str,
) -> None:
    text = originals["snapshot"]
    text = text.replace("## Experience Map", f"{notes[0]}\n\n## Experience Map")
    text = text.replace("## Behavioral Observations", f"{notes[1]}\n\n## Behav")
    text = text.replace("## Behav\n", "## Behavioral Observations\n") + notes[2]
    try:
        before = parse_snapshot_text(FILE, text, "digest")
    except ResearchError:
        assume(False)
    row = next(h.line for h in before.hypotheses if h.number == "2")
    path = tmp_path_factory.mktemp("tag") / SNAPSHOT_NAME
    path.write_bytes(text.encode("utf-8"))

    add_evidence(path, "2", EvidenceItem(evidence, "supports"))

    # Only hypothesis 2's row is rewritten; its evidence block is inserted.
    after = path.read_bytes().decode("utf-8")
    assert _changed_lines(text, after) == [row]
    assert after.endswith(notes[2])
    tagged = parse_snapshot_text(FILE, after, "digest")
    quotes = [e.quote for h in tagged.hypotheses if h.number == "2" for e in h.evidence]
    assert [" ".join(q.split()) for q in quotes] == [" ".join(evidence.split())]


@SETTINGS
@given(
    number=st.sampled_from(["1", "2", "3", "4", "5"]),
    evidence=_WORDS,
    stance=st.sampled_from(["supports", "challenges"]),
)
def test_untag_undoes_tag_byte_for_byte(
    originals: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
    number: str,
    evidence: str,
    stance: Stance,
) -> None:
    text = originals["snapshot"]
    path = tmp_path_factory.mktemp("untag") / SNAPSHOT_NAME
    path.write_bytes(text.encode("utf-8"))
    try:
        add_evidence(path, number, EvidenceItem(evidence, stance))
    except ResearchError:  # the quote is already evidence for this hypothesis
        assume(False)

    remove_evidence(path, number, evidence)

    assert path.read_bytes() == text.encode("utf-8")


_NAME = st.text(st.characters(whitelist_categories=("Lu", "Ll")), min_size=2).map(
    str.capitalize
)


@SETTINGS
@given(
    comments=st.lists(_LINE.map(lambda t: "# " + t), min_size=2, max_size=2),
    names=st.lists(_NAME, min_size=1, max_size=3, unique=True),
    newcomer=_NAME,
)
def test_a_roster_append_keeps_every_typed_line(
    tmp_path_factory: pytest.TempPathFactory,
    comments: list[str],
    names: list[str],
    newcomer: str,
) -> None:
    assume(newcomer not in names)
    people = "".join(
        f"  - name: {name} Quill\n    pseudonym: user-{i:03d}\n"
        for i, name in enumerate(names, start=1)
    )
    typed = f"{comments[0]}\npeople:\n{people}{comments[1]}\n"
    path = tmp_path_factory.mktemp("roster") / "roster.yaml"
    path.write_text(typed, encoding="utf-8")
    roster = parse_roster(path, typed)
    roster.people.append(Entry(f"{newcomer} Quill", "[person-1]"))
    roster.added.append(("people", roster.people[-1]))

    save_roster(path, roster)

    after = path.read_text(encoding="utf-8")
    assert _changed_lines(typed, after) == []
    back = parse_roster(path, after)
    assert [e.name for e in back.people][-1] == f"{newcomer} Quill"
    assert isinstance(back, Roster)
