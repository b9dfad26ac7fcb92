"""Type tags from cue words, candidate selection, and topic tags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from research_tool.insights import TYPE_SHARE, InsightTagger, insight_limit
from research_tool.nlp import Pipeline, load_pipeline
from research_tool.passages import parse_texts, passages
from research_tool.topics import TopicTagger, tag_for
from tests.fixture_cases import Case, parametrize, transcript

FIXTURES = Path(__file__).parent / "fixtures" / "tagging"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return load_pipeline(blank=True)


@pytest.fixture(scope="session")
def tagger(pipeline: Pipeline) -> InsightTagger:
    return InsightTagger(pipeline.nlp)


def _span(pipeline: Pipeline, text: str) -> Any:
    return parse_texts(pipeline.nlp, [text])[0][:]


@parametrize(FIXTURES / "types.md")
def test_type_from_cues(case: Case, pipeline: Pipeline, tagger: InsightTagger) -> None:
    typing = tagger.typing(_span(pipeline, case.input))
    assert typing is not None, "no cue found"
    assert typing.type == case.expected, typing.cues


def test_no_cue_no_type(pipeline: Pipeline, tagger: InsightTagger) -> None:
    assert tagger.typing(_span(pipeline, "The weather was grey.")) is None


def test_cues_match_lemmas_not_spellings(
    pipeline: Pipeline, tagger: InsightTagger
) -> None:
    lower = tagger.typing(_span(pipeline, "it was frustrating to wait"))
    upper = tagger.typing(_span(pipeline, "Frustrating. Waited for days."))
    assert lower is not None and upper is not None
    assert lower.type == upper.type == "pain-point"


def test_candidates_come_from_participant_turns_only(
    pipeline: Pipeline, tagger: InsightTagger
) -> None:
    found = passages(
        transcript(
            ("interviewer", "I hate asking this, but is it frustrating?"),
            ("participant", "It drives me crazy that I rebuild the deck every week."),
        ),
        pipeline.nlp,
    )
    chosen = tagger.candidates(found)
    assert [c.quote for c in chosen] == [
        "It drives me crazy that I rebuild the deck every week."
    ]
    assert all(c.passage.turn.role == "participant" for c in chosen)


def test_candidates_drop_near_duplicates(
    pipeline: Pipeline, tagger: InsightTagger
) -> None:
    text = (
        "I keep my own spreadsheet on the side for renewals. "
        "I keep my own spreadsheet on the side for renewals, honestly."
    )
    found = passages(transcript(("participant", text)), pipeline.nlp)
    assert len(found) == 2
    assert len(tagger.candidates(found)) == 1


def test_quotes_are_exact_substrings_of_one_line(pipeline: Pipeline) -> None:
    text = "First line here is long enough.\nSecond  line,   spaced   oddly here."
    turn = transcript(("participant", text))
    for passage in passages(turn, pipeline.nlp):
        assert passage.text in text
        assert "\n" not in passage.text


def test_insight_limit_is_bounded() -> None:
    assert insight_limit(10) == 8
    assert insight_limit(10_000) == 20


def test_topics_reuse_existing_tags_first(pipeline: Pipeline) -> None:
    found = passages(
        transcript(
            (
                "participant",
                "I rebuild the weekly reporting deck for the account health review.",
            )
        ),
        pipeline.nlp,
    )
    tagger = TopicTagger(pipeline.nlp, found, existing=["account-health", "churn"])
    topics = tagger.topics(found[0])
    assert topics[0] == "account-health"
    assert "churn" not in topics
    assert 1 <= len(topics) <= 3


def test_topics_from_codebook_synonyms(pipeline: Pipeline) -> None:
    found = passages(
        transcript(
            ("participant", "Every Friday I put together the status deck again.")
        ),
        pipeline.nlp,
    )
    tagger = TopicTagger(
        pipeline.nlp, found, codebook={"weekly-reporting": ["status deck", "QBR"]}
    )
    assert tagger.topics(found[0])[0] == "weekly-reporting"


def test_new_topics_are_lowercase_hyphenated(pipeline: Pipeline) -> None:
    found = passages(
        transcript(
            (
                "participant",
                "The Renewal Forecast is late. The renewal forecast again.",
            ),
        ),
        pipeline.nlp,
    )
    topics = TopicTagger(pipeline.nlp, found).topics(found[0])
    assert topics
    assert all(tag == tag_for(tag.split("-")) for tag in topics)
    assert "renewal-forecast" in topics


def test_no_type_takes_all_the_insights(
    pipeline: Pipeline, tagger: InsightTagger
) -> None:
    habits = (
        "Every Monday I usually open Salesforce first thing. "
        "Each morning I typically check the usage dashboard. "
        "On Fridays I always write the weekly summary for my manager. "
        "Most mornings I review support tickets before standup. "
        "Every week I normally update the renewal forecast. "
        "I usually call my biggest client each Tuesday afternoon. "
        "Every quarter we typically run the business review together. "
        "I always log into Gainsight daily around noon. "
        "Each evening I normally skim the escalation channel. "
        "Every month I usually export invoices for finance. "
    )
    text = habits + " It drives me crazy that the numbers never match."
    found = passages(transcript(("participant", text)), pipeline.nlp)
    kinds = [c.typing.type for c in tagger.candidates(found)]
    assert "pain-point" in kinds
    share = max(2, round(insight_limit(len(found)) * TYPE_SHARE))
    assert kinds.count("behavior") <= share < len(found) - 1


def test_a_recurring_phrase_becomes_the_topic_not_a_word_said_once(
    pipeline: Pipeline,
) -> None:
    filler = [
        ("participant", f"We met on day {n} and talked about lunch plans.")
        for n in range(12)
    ]
    said = transcript(
        ("participant", "The renewal forecast sheet was wrong again on Friday."),
        ("participant", "I rebuilt the renewal forecast from scratch."),
        ("participant", "Nobody trusts the renewal forecast anymore, honestly."),
        *filler,
    )
    found = passages(said, pipeline.nlp)
    tags = TopicTagger(pipeline.nlp, found).topics(found[0])
    assert tags[0] == "renewal-forecast"
    assert "wrong" not in tags and "friday" not in tags


def test_the_study_tags_come_before_new_ones(pipeline: Pipeline) -> None:
    said = transcript(
        ("participant", "I keep a spreadsheet because the tabs never agree.")
    )
    found = passages(said, pipeline.nlp)
    tagger = TopicTagger(
        pipeline.nlp,
        found,
        existing=["usage-data"],
        codebook={"multi-tool": ("tabs", "spreadsheet")},
    )
    assert tagger.topics(found[0])[0] == "multi-tool"


def test_a_word_that_cannot_be_a_noun_is_not_a_topic(pipeline: Pipeline) -> None:
    """ "Suppose" and "honest" come back often, but they name nothing."""
    said = transcript(
        ("participant", "I suppose, honestly, the handover sheet is the problem."),
        ("participant", "I suppose the handover sheet is all I have, to be honest."),
        ("participant", "I suppose it is honest work, the handover sheet."),
    )
    found = passages(said, pipeline.nlp)
    tags = TopicTagger(pipeline.nlp, found).topics(found[0])
    assert tags[0] == "handover-sheet"
    assert not {"suppose", "honest"} & set(tags)


def test_a_topic_keeps_the_word_people_said(pipeline: Pipeline) -> None:
    """The lookup table reads "rent" as "rend" and "taxes" as "taxis"."""
    said = transcript(
        ("participant", "The rent went up and the taxes went up."),
        ("participant", "Rent is due on the first, taxes in April."),
        ("participant", "I pay the rent late when the taxes are due."),
    )
    found = passages(said, pipeline.nlp)
    tags = {t for p in found for t in TopicTagger(pipeline.nlp, found).topics(p)}
    assert {"rent", "tax"} <= tags
    assert not {"rend", "taxis"} & tags


@pytest.mark.parametrize(
    "sentence",
    [
        "He has been our plumber since then, so that's twenty years or more.",
        "She told me on the stairs, it must have been March.",
        "He texted at, I want to say, eleven at night.",
    ],
)
def test_a_cue_word_in_a_set_phrase_is_not_a_cue(
    pipeline: Pipeline, tagger: InsightTagger, sentence: str
) -> None:
    """'So that's', 'must have been' and 'I want to say' say no purpose,
    necessity or wish."""
    assert tagger.typing(_span(pipeline, sentence)) is None
