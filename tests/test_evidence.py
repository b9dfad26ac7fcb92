"""Hypothesis evidence: matching on lemmas, stance, why, and the codebook."""

from __future__ import annotations

from pathlib import Path

import pytest

from research_tool.analysis import questions
from research_tool.codebook import (
    Codebook,
    check_hypotheses,
    load_codebook,
    parse_codebook,
)
from research_tool.errors import CodebookError
from research_tool.evidence import (
    MAX_PER_HYPOTHESIS,
    WORDS_PER_ITEM,
    EvidenceFinder,
    Found,
    _limit,
    hypothesis_terms,
)
from research_tool.nlp import Pipeline, load_pipeline
from research_tool.passages import passages
from tests.fixture_cases import Case, parametrize, transcript

FIXTURES = Path(__file__).parent / "fixtures" / "tagging"
REPORTING = (
    "Account managers spend too much time on manual status reporting for leadership"
)
TICKETS = (
    "Support ticket problems stay invisible to account managers "
    "until the customer escalates"
)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return load_pipeline(blank=True)


def _find(
    pipeline: Pipeline,
    hypotheses: list[str],
    *turns: tuple[str, str],
    cues: dict[int, list[str]] | None = None,
) -> dict[int, list[Found]]:
    numbered = list(enumerate(hypotheses, start=1))
    finder = EvidenceFinder(pipeline.nlp, numbered, cues)
    built = transcript(*turns)
    return finder.find(passages(built, pipeline.nlp), questions(built, pipeline.nlp))


@parametrize(FIXTURES / "stance.md")
def test_stance(case: Case, pipeline: Pipeline) -> None:
    hypothesis, sentence = case.input.split("\n")
    found = _find(pipeline, [hypothesis], ("participant", sentence))[1]
    assert len(found) == 1, "the sentence was not taken as evidence"
    assert found[0].stance == case.expected, found[0].why


def test_matches_lemmas_and_records_why(pipeline: Pipeline) -> None:
    found = _find(
        pipeline,
        [REPORTING, TICKETS],
        ("participant", "I spent hours on status reports for leadership last week."),
    )
    assert [f.passage.text for f in found[1]] == [
        "I spent hours on status reports for leadership last week."
    ]
    assert found[1][0].why.startswith("matched: ")
    assert "status report" in found[1][0].why
    assert found[2] == []


def test_unrelated_sentences_are_not_evidence(pipeline: Pipeline) -> None:
    found = _find(
        pipeline,
        [REPORTING, TICKETS],
        ("participant", "We moved offices in the spring and the coffee got better."),
    )
    assert found == {1: [], 2: []}


def test_an_answer_about_a_hypothesis_carries_its_plainer_sentences(
    pipeline: Pipeline,
) -> None:
    plain = "Then the whole thing goes out on Monday morning to the group."
    alone = _find(pipeline, [REPORTING, TICKETS], ("participant", plain))
    answered = _find(
        pipeline,
        [REPORTING, TICKETS],
        ("interviewer", "How much time goes on status reporting for leadership?"),
        ("participant", f"I spend hours on the status report every Friday. {plain}"),
    )
    assert alone == {1: [], 2: []}
    found = {f.passage.text: f for f in answered[1]}
    assert plain in found
    assert "in an answer about: status report" in found[plain].why
    assert answered[2] == []


def test_codebook_cues_extend_a_hypothesis(pipeline: Pipeline) -> None:
    sentence = "The QBR deck for leadership eats my whole Thursday."
    without = _find(pipeline, [REPORTING], ("participant", sentence))
    with_cues = _find(
        pipeline, [REPORTING], ("participant", sentence), cues={1: ["QBR deck"]}
    )
    assert without[1] == []
    assert "QBR deck" in with_cues[1][0].why


def test_everyday_words_of_a_concept_count_for_the_hypothesis(
    pipeline: Pipeline,
) -> None:
    said = "It takes me three hours every week, copying the same numbers by hand."
    found = _find(
        pipeline,
        [REPORTING],
        ("interviewer", "How much time goes on status reporting for leadership?"),
        ("participant", said),
    )[1]
    assert [f.passage.text for f in found] == [said]
    assert "hour" in found[0].why and "by hand" in found[0].why


def test_a_hyphenated_word_of_the_hypothesis_is_one_term(pipeline: Pipeline) -> None:
    hypotheses = ["Most no-shows come from a few repeat clients"]
    said = "The no-shows are nearly always the same repeat clients."
    found = _find(pipeline, hypotheses, ("participant", said))[1]
    assert "no-show" in found[0].why
    assert found[0].stance == "supports"  # the "no" of no-show is not a negation


def test_codebook_parses_topics_and_cues(tmp_path: Path) -> None:
    (tmp_path / "codebook.yaml").write_text(
        "topics:\n  weekly-reporting: [status deck, QBR]\n"
        "hypotheses:\n  1: [status report]\n",
        "utf-8",
    )
    book = load_codebook(tmp_path)
    assert book.topics == {"weekly-reporting": ("status deck", "QBR")}
    assert book.cues == {1: ("status report",)}
    assert load_codebook(tmp_path / "nowhere") == Codebook()


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("topics:\n  ok: [a\n", 3, "not valid YAML"),
        ("topics:\n  Bad Tag: [a]\n", 2, "lowercase and hyphenated"),
        ("topics: [a, b]\n", 1, "mapping of tag"),
        ("hypotheses:\n  one: [a]\n", 2, "not a hypothesis number"),
        ("colours: {}\n", 1, "unknown key"),
        ("topics:\n  ok:\n    - [nested]\n", 3, "a word or phrase"),
    ],
)
def test_codebook_errors_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(CodebookError) as caught:
        parse_codebook(Path("codebook.yaml"), text)
    assert caught.value.line == line
    assert words in str(caught.value)


def test_codebook_cues_for_a_hypothesis_the_plan_lacks_are_refused() -> None:
    book = parse_codebook(
        Path("codebook.yaml"), "hypotheses:\n  1: [status report]\n  9: [pricing]\n"
    )
    check_hypotheses(book, {1, 2, 9})
    with pytest.raises(CodebookError) as caught:
        check_hypotheses(book, {1})
    assert caught.value.line == 3
    assert "hypothesis 9, which the plan does not have (it has 1)" in str(caught.value)


def test_a_word_two_hypotheses_share_is_not_evidence_alone(pipeline: Pipeline) -> None:
    hypotheses = [
        "Managers hate status reporting",
        "Managers miss tickets",
        "Managers trust dashboards",
    ]
    lone = "I talked to the other managers about lunch."
    strong = "Managers miss tickets all the time, for weeks."
    found = _find(
        pipeline,
        hypotheses,
        ("participant", lone),
        ("interviewer", "And the rest of the week?"),
        ("participant", strong),
    )
    assert [f.passage.text for f in found[2]] == [strong]
    assert found[1] == found[3] == []


def test_a_sentence_that_carries_the_thought_on_is_quoted_with_it(
    pipeline: Pipeline,
) -> None:
    said = "I spent hours on status reports for leadership. So Friday is gone."
    unrelated = "I spent hours on status reports for leadership. Lunch was late."
    joined = _find(pipeline, [REPORTING], ("participant", said))[1]
    single = _find(pipeline, [REPORTING], ("participant", unrelated))[1]
    assert [f.passage.text for f in joined] == [said]
    assert [f.passage.text for f in single] == [unrelated.split(". ")[0] + "."]


def test_a_quote_never_runs_across_a_line_break(pipeline: Pipeline) -> None:
    said = "I spent hours on status reports for leadership.\nSo Friday is gone."
    found = _find(pipeline, [REPORTING], ("participant", said))[1]
    assert [f.passage.text for f in found] == [
        "I spent hours on status reports for leadership."
    ]


def test_why_names_data_not_its_lookup_lemma(pipeline: Pipeline) -> None:
    found = _find(
        pipeline,
        ["Quantitative data is fragmented across tools"],
        ("participant", "The quantitative data lives in four tools."),
    )[1]
    assert "data" in found[0].why
    assert "datum" not in found[0].why


def test_a_pseudonym_in_brackets_stays_whole(pipeline: Pipeline) -> None:
    said = "I log into Gainsight anyway. [colleague-2] reads the summary."
    found = passages(transcript(("participant", said)), pipeline.nlp)
    assert [p.text for p in found] == [
        "I log into Gainsight anyway.",
        "[colleague-2] reads the summary.",
    ]


def test_a_time_frame_does_not_bring_in_the_time_words(pipeline: Pipeline) -> None:
    """ "At tax time" says when; "spend hours" says what the claim is about."""
    terms = hypothesis_terms(
        pipeline.nlp,
        [
            (1, "Landlords reconstruct repair spending at tax time"),
            (2, "Managers spend hours on manual reporting"),
        ],
        {},
    )
    assert "minute" not in terms[0].weights
    assert "minute" in terms[1].weights


def test_only_the_practice_after_a_denial_is_denied(pipeline: Pipeline) -> None:
    terms = hypothesis_terms(
        pipeline.nlp,
        [
            (
                1,
                "Landlords hire builders they know rather than by comparing quotes",
            ),
            (2, "Judged on tone rather than data because data is scattered"),
            (3, "Kitchens keep no regular record of waste"),
        ],
        {},
    )
    assert {"compare", "quote", "compare quote"} <= terms[0].denied
    assert "builder" not in terms[0].denied
    assert terms[1].denied == frozenset()  # "data" is also said outside it
    assert "record" in terms[2].denied and "waste" not in terms[2].denied


def test_a_longer_interview_keeps_more_items_per_hypothesis(
    pipeline: Pipeline,
) -> None:
    def limit(sentences: int) -> int:
        said = " ".join(["I wrote the weekly report again."] * sentences)
        return _limit(passages(transcript(("participant", said)), pipeline.nlp))

    assert limit(30) == MAX_PER_HYPOTHESIS
    assert limit(1000) == round(1000 * 6 / WORDS_PER_ITEM) > MAX_PER_HYPOTHESIS


def test_a_codebook_key_of_other_digits_is_an_error_not_a_crash() -> None:
    with pytest.raises(CodebookError, match="not a hypothesis number"):
        parse_codebook(Path("codebook.yaml"), "hypotheses:\n  ²: [word]\n")
