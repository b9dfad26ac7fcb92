"""The trained-pipeline path, run for real on a small pipeline built on disk.

No trained English model is installed where the tests run, so the fixture
builds one from parts that need no download: a sentencizer, lookup lemmas,
an entity ruler that knows a fictional person and organisation (standing in
for a trained NER), and a toy parser, named ``parser`` as in a trained
pipeline, that gives a fixed grammar a dependency parse so noun chunks work.
It is saved with ``to_disk`` and loaded back through ``--model PATH``, the
way a researcher's own pipeline would be. The toy parser is registered here,
in the tests, so only this process can load the saved pipeline.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import time
from pathlib import Path
from typing import Any

import numpy
import pytest
import spacy
from click.testing import CliRunner
from spacy.attrs import DEP, HEAD, POS
from spacy.language import Language
from spacy.tokens import Doc

from research_tool.cli import cli
from research_tool.model import Transcript, Turn
from research_tool.nlp import Pipeline, load_pipeline
from research_tool.passages import passages
from research_tool.redaction import redact, redact_text
from research_tool.roster import Entry, Roster
from research_tool.snapshots import parse_snapshot
from research_tool.topics import TopicTagger

FIXTURES = Path(__file__).parent / "fixtures" / "process" / "study"
TOY_PARSER = "research_tool_tests_toy_parser"
PERSON = "Odile Fernsby"  # fictional, in no roster or plan
ORG = "Quillon Freight"
ENTITIES = [
    {"label": "PERSON", "pattern": PERSON},
    {"label": "ORG", "pattern": ORG},
]
MENTIONS = (
    "Interviewer  0:00\nWho builds the weekly deck?\n\n"
    f"Sam  0:10\n{PERSON} builds it. {PERSON} works at {ORG}, and "
    f"Fernsby sends it to {ORG} every Friday.\n\n"
    "Interviewer  0:20\nWhat would help?\n\n"
    f"Sam  0:30\nI wish {PERSON} would stop rebuilding the deck for {ORG} by hand "
    "every week.\n"
)

# The toy grammar: a word's part of speech from a short list, the first verb
# as the sentence's root, and each noun run headed by its last noun.
NOUNS = {"dashboard", "dashboards", "deck", "night", "review", "morning"}
DETERMINERS = {"a", "an", "the", "my", "our", "every", "this"}
PRONOUNS = {"i", "we", "it", "she", "they"}
ADPOSITIONS = {"at", "before", "after", "to", "from", "in", "on", "for"}


def _part_of_speech(token: Any) -> str:
    low = token.lower_
    if not token.is_alpha:
        return "PUNCT"
    for tag, words in (
        ("NOUN", NOUNS),
        ("DET", DETERMINERS),
        ("PRON", PRONOUNS),
        ("ADP", ADPOSITIONS),
    ):
        if low in words:
            return tag
    return "PROPN" if token.is_title and not token.is_sent_start else "VERB"


def _parse(tags: list[str]) -> list[tuple[int, str]]:
    """(head index, dependency label) for each word of one sentence."""
    root = next((i for i, tag in enumerate(tags) if tag == "VERB"), 0)
    arcs = [(root, "dep") for _ in tags]
    arcs[root] = (root, "ROOT")

    nominal = ("NOUN", "PROPN", "PRON")
    for i, tag in enumerate(tags):
        if tag not in nominal or i == root:
            continue
        head = i
        while head + 1 < len(tags) and tags[head + 1] in ("NOUN", "PROPN"):
            head += 1
        if head != i:
            arcs[i] = (head, "compound")
        else:
            arcs[i] = (root, "nsubj" if i < root else "dobj")
        if i > 0 and tags[i - 1] == "DET" and arcs[i - 1][1] == "dep":
            arcs[i - 1] = (i, "det")
    return arcs


@Language.component(TOY_PARSER)
def toy_parser(doc: Doc) -> Doc:
    """Part-of-speech tags and a dependency parse from the toy grammar."""
    rows = []
    for sentence in doc.sents:
        tags = [_part_of_speech(token) for token in sentence]
        for i, (head, label) in enumerate(_parse(tags)):
            strings = doc.vocab.strings
            rows.append((head - i, strings.add(label), strings.add(tags[i])))

    if rows:
        array: Any = numpy.array(rows, dtype="int64").astype("uint64")
        doc.from_array([HEAD, DEP, POS], array)
    return doc


def build_pipeline(lang: str = "en") -> Language:
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    if lang == "en":
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe(TOY_PARSER, name="parser")
    ruler = nlp.add_pipe("entity_ruler")
    nlp.initialize()
    ruler.add_patterns(ENTITIES)  # type: ignore[attr-defined]
    return nlp


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A trained-like English pipeline saved to disk, as ``--model`` takes it."""
    path = tmp_path_factory.mktemp("models") / "fake_trained"
    build_pipeline().to_disk(path)
    return path


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """The process fixture study, with a transcript that names strangers."""
    target = tmp_path / "study"
    shutil.copytree(FIXTURES, target)
    (target / "transcripts" / "2026-01-20-sam.txt").write_text(MENTIONS)
    return target


def invoke(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def transcript(*texts: str) -> Transcript:
    turns = [
        Turn(i, "Sam", "participant", float(i), None, text, 0)
        for i, text in enumerate(texts)
    ]
    return Transcript(Path("t.txt"), "plain-txt", "utf-8", False, "", turns)


# Loading and naming


def test_a_pipeline_directory_loads_as_trained_and_is_named_by_its_folder(
    trained: Path,
) -> None:
    pipeline = load_pipeline(str(trained))

    assert pipeline.trained
    assert pipeline.name == "fake_trained-0.0.0"
    assert pipeline.nlp.has_pipe("entity_ruler")
    assert load_pipeline(str(trained) + "/").name == pipeline.name


def test_process_says_which_pipeline_ran_and_keeps_local_paths_out(
    trained: Path, study: Path
) -> None:
    source = study / "transcripts" / "2026-01-10-sam.txt"

    result = invoke("process", str(source), "--no-input", "--model", str(trained))

    assert result.exit_code == 0, result.output
    assert "(user-001, pipeline fake_trained-0.0.0)" in result.stdout
    snapshot = study / "interviews" / "2026-01-10-participant-001.md"
    assert parse_snapshot(snapshot).frontmatter["pipeline"] == "fake_trained-0.0.0"
    assert str(trained.parent) not in snapshot.read_text()


# Redaction


def test_the_trained_pipeline_redacts_people_and_organisations_it_finds(
    trained: Path, study: Path
) -> None:
    source = study / "transcripts" / "2026-01-20-sam.txt"

    result = invoke("redact", str(source), "--model", str(trained))

    assert result.exit_code == 0, result.output
    assert PERSON not in result.stdout and ORG not in result.stdout
    assert "Fernsby" not in result.stdout
    assert (
        "[person-1] builds it. [person-1] works at [org-1], and [person-1] "
        "sends it to [org-1] every Friday." in result.stdout
    )
    assert "(pipeline fake_trained-0.0.0)" in result.stderr

    report = invoke(
        "redact", str(source), "--model", str(trained), "--report", "--json"
    )
    data = json.loads(report.stdout)
    assert data["pipeline"] == "fake_trained-0.0.0"
    assert data["counts"] == {"organisation": 3, "person": 4, "speaker": 2}


def test_the_blank_pipeline_leaves_names_it_was_not_given(study: Path) -> None:
    source = study / "transcripts" / "2026-01-20-sam.txt"

    result = invoke("redact", str(source), "--model", "blank-en")

    assert result.exit_code == 0, result.output
    assert f"{PERSON} works at {ORG}" in result.stdout
    assert "[person-" not in result.stdout and "[org-" not in result.stdout
    assert "(pipeline blank-en)" in result.stderr


def test_process_adds_found_names_to_the_roster_and_never_to_the_snapshot(
    trained: Path, study: Path
) -> None:
    source = study / "transcripts" / "2026-01-20-sam.txt"

    result = invoke("process", str(source), "--no-input", "--model", str(trained))

    assert result.exit_code == 0, result.output
    roster = (study / "transcripts" / "roster.yaml").read_text()
    assert PERSON in roster and ORG in roster
    snapshot = (study / "interviews" / "2026-01-20-participant-001.md").read_text()
    assert "Fernsby" not in snapshot and "Quillon" not in snapshot
    assert "Fernsby" not in result.output and "Quillon" not in result.output


def test_quotes_with_found_names_verify_with_and_without_the_model(
    trained: Path, study: Path
) -> None:
    source = study / "transcripts" / "2026-01-20-sam.txt"
    invoke("process", str(source), "--no-input", "--model", str(trained))
    snapshot = (study / "interviews" / "2026-01-20-participant-001.md").read_text()
    assert '"I wish [person-1] would stop rebuilding the deck for [org-1]' in snapshot

    # The roster now holds the found names, so blank English redacts alike.
    for model in ("blank-en", str(trained)):
        result = invoke("verify", str(study), "--model", model)

        assert result.exit_code == 0, result.output
        assert re.search(r"\b[1-9]\d* verified, 0 failed", result.stderr)


def test_names_found_by_neither_path_are_redacted_alike(trained: Path) -> None:
    # Both paths merge the speaker and study tables into one, longest
    # spelling first; a quote taken with the model then verifies without it.
    roster = Roster(
        people=[Entry("Sam Reyes", "user-001")],
        organisations=[Entry("Sam Reyes Consulting", "[org-7]")],
    )
    t = transcript("Before this I ran Sam Reyes Consulting for years.")

    blank = redact(t, participant_id="user-001", roster=roster)
    model = redact(
        t,
        participant_id="user-001",
        roster=roster,
        pipeline=load_pipeline(str(trained)),
    )

    assert model.transcript.text == blank.transcript.text
    assert "I ran [org-7] for years." in blank.transcript.text


# Topic tags

THEMES = (
    "Dashboards load at night. Our dashboards load before the review. "
    "I check the dashboards every morning."
)


def _first_topics(pipeline: Pipeline) -> tuple[str, ...]:
    found = passages(transcript(THEMES), pipeline.nlp)
    return TopicTagger(pipeline.nlp, found).topics(found[0])


def test_topic_tags_come_from_noun_chunks_with_a_parser(trained: Path) -> None:
    assert _first_topics(load_pipeline(str(trained))) == ("dashboard",)
    assert _first_topics(load_pipeline(blank=True)) == ("dashboard-load",)


def test_one_long_turn_is_tagged_in_linear_time(trained: Path) -> None:
    nlp = load_pipeline(str(trained)).nlp
    found = passages(transcript(" ".join([THEMES] * 500)), nlp)  # 9,000 words
    tagger = TopicTagger(nlp, found)

    started = time.perf_counter()
    tags = [tagger.topics(passage) for passage in found]

    assert time.perf_counter() - started < 1.0  # was 8 s, walking the turn each time
    assert tags[0] == ("dashboard",) and len(tags) == 1500


def test_a_parse_without_noun_chunks_falls_back_to_word_runs() -> None:
    # Like a trained pipeline for a language spaCy has no noun chunker for.
    pipeline = Pipeline(build_pipeline("xx"), "xx-toy", trained=True)

    assert _first_topics(pipeline) == ("dashboards-load",)


# A model that is not there, or will not load


def test_a_missing_model_falls_back_to_blank_and_says_so_on_stderr(
    study: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = study / "transcripts" / "2026-01-20-sam.txt"

    with caplog.at_level(logging.DEBUG, logger="research_tool.nlp"):
        processed = invoke("process", str(source), "--no-input", "--model", "xx_gone")
        redacted = invoke("redact", str(source), "--model", "xx_gone")

    for result in (processed, redacted):
        assert result.exit_code == 0, result.output
        assert "'xx_gone' is not installed" in result.stderr
        assert "xx_gone" not in result.stdout
    assert "pipeline blank-en" in processed.stdout
    assert f"{PERSON} works at {ORG}" in redacted.stdout
    assert any("xx_gone" in record.getMessage() for record in caplog.records)


def test_a_model_that_will_not_load_falls_back_instead_of_crashing(
    trained: Path, tmp_path: Path, study: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(trained, broken)
    config = broken / "config.cfg"
    config.write_text(config.read_text().replace(TOY_PARSER, "no_such_component"))
    source = study / "transcripts" / "2026-01-10-sam.txt"

    assert load_pipeline(str(broken)).name == "blank-en"
    result = invoke("process", str(source), "--no-input", "--model", str(broken))

    assert result.exit_code == 0, result.output
    assert "pipeline blank-en" in result.stdout
    assert "is not installed or could not be loaded" in result.stderr


def test_a_turn_longer_than_spacy_takes_is_read_in_pieces() -> None:
    nlp = build_pipeline()
    nlp.max_length = 300
    filler = "We went over the numbers again and again. " * 5
    text = f"{filler}{PERSON} called.\n" * 3 + filler * 3 + f"Then {ORG} wrote."
    assert len(text) > 3 * nlp.max_length

    redacted = redact_text(text, pipeline=Pipeline(nlp, "toy", trained=True))

    assert PERSON not in redacted and ORG not in redacted
    assert redacted.count("[person-1] called.") == 3
    assert redacted.endswith("Then [org-1] wrote.")
