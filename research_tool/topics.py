"""Topic tags for insights: the study's own tags first, then new ones.

A passage gets (1) the study's existing tags whose words it contains, then
(2) codebook tags whose tag words or synonyms it contains, then (3) new
tags made from its salient noun phrases: noun chunks with a trained
pipeline, else runs of content words the participant says often. New tags
are lowercase and hyphenated; one to three per insight.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from research_tool.cues import TermMatcher
from research_tool.lexicon import FILLER, GENERIC
from research_tool.passages import Passage
from research_tool.wordclass import can_be_noun

MAX_TOPICS = 3
MIN_MENTIONS = 3  # a new tag is a word the participant keeps coming back to
SHORT = 120  # passages; in a shorter interview twice is coming back
MAX_SPREAD = 0.12  # ...but not one in every other passage ("account", "client")
_NOT_TAG = re.compile(r"[^a-z0-9]+")


def tag_for(words: Sequence[str]) -> str:
    """``["Status", "update"]`` -> ``status-update``."""
    return _NOT_TAG.sub("-", " ".join(words).lower()).strip("-")


class TopicTagger:
    """Tags passages; build once per study and interview."""

    def __init__(
        self,
        nlp: Any,
        passages: Sequence[Passage],
        *,
        existing: Sequence[str] = (),
        codebook: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        known = {tag: [tag.replace("-", " ")] for tag in sorted(set(existing))}
        coded = {
            tag: [tag.replace("-", " "), *synonyms]
            for tag, synonyms in (codebook or {}).items()
        }
        self._existing = TermMatcher(nlp, known)
        self._coded = TermMatcher(nlp, coded)
        self._trained = bool(getattr(nlp, "has_pipe", lambda _: False)("parser"))
        self._chunks: dict[int, tuple[Any, list[int], list[Any]]] = {}  # by doc
        self._counts = Counter(k for p in passages for k in _content_keys(p.span))
        self._spread = Counter(k for p in passages for k in set(_content_keys(p.span)))
        short = len(passages) < SHORT  # few passages: any repeat is a theme
        self._most_passages = (
            len(passages) if short else int(MAX_SPREAD * len(passages))
        )
        self._min_mentions = MIN_MENTIONS - short

    def topics(self, passage: Passage) -> tuple[str, ...]:
        """One to three tags for ``passage`` (empty only for contentless text)."""
        tags: list[str] = []
        for matcher in (self._existing, self._coded):
            for hit in matcher(passage.span):
                if hit.label not in tags:
                    tags.append(hit.label)

        for tag in self._new_tags(passage.span):
            if len(tags) >= MAX_TOPICS:
                break
            if tag not in tags and not any(tag in t or t in tag for t in tags):
                tags.append(tag)
        return tuple(tags[:MAX_TOPICS])

    def _new_tags(self, span: Any) -> list[str]:
        """Tags from the passage's noun phrases, words said often first.

        Words the participant says at least MIN_MENTIONS times, in no more
        than an eighth of the passages, make a tag: a word said once is not a
        theme, and one said everywhere does not tell passages apart. A passage
        with no such word falls back to its first noun phrase.
        """
        runs = self._noun_chunks(span) if self._trained else _runs(span)
        themes = [self._trimmed(run) for run in runs]
        themes = [run for run in themes if run] or runs[:1]  # else its own words
        scored = [
            (-sum(self._counts[k] for k in run), tag_for(run[-2:])) for run in themes
        ]
        return [tag for _, tag in sorted(scored)]

    def _trimmed(self, run: list[str]) -> list[str]:
        """The run without the words at either end that are not themes."""
        marks = [i for i, key in enumerate(run) if self._is_theme(key)]
        return run[marks[0] : marks[-1] + 1] if marks else []

    def _is_theme(self, key: str) -> bool:
        return (
            self._counts[key] >= self._min_mentions
            and self._spread[key] <= self._most_passages
        )

    def _noun_chunks(self, span: Any) -> list[list[str]]:
        """The content words of the noun chunks inside ``span``, else its runs."""
        starts, found = self._doc_chunks(span.doc)
        chunks = []
        for chunk in found[bisect_left(starts, span.start) :]:
            if chunk.start >= span.end:
                break
            keys = [t.norm_ for t in chunk if _is_content(t)]
            if chunk.end <= span.end and keys:
                chunks.append(keys)
        return chunks or _runs(span)

    def _doc_chunks(self, doc: Any) -> tuple[list[int], list[Any]]:
        """A turn's noun chunks and where they start, found once per turn.

        ``Span.noun_chunks`` walks the whole doc on every call, which made a
        long unbroken turn quadratic (11 s for one 10,000-word turn).
        """
        if id(doc) not in self._chunks:
            found = _doc_noun_chunks(doc)
            self._chunks[id(doc)] = (doc, [c.start for c in found], found)
        _, starts, found = self._chunks[id(doc)]
        return starts, found


def _doc_noun_chunks(doc: Any) -> list[Any]:
    """Noun chunks; none without a parse or a chunker for the language."""
    if not doc.has_annotation("DEP"):
        return []
    try:
        return list(doc.noun_chunks)
    except NotImplementedError:  # spaCy has none for Chinese, Russian, ...
        return []


def _runs(span: Any) -> list[list[str]]:
    """Runs of adjacent content words; a rough stand-in for noun phrases."""
    runs: list[list[str]] = [[]]
    for token in span:
        if _is_content(token):
            runs[-1].append(token.norm_)
        else:
            runs.append([])
    return [run for run in runs if run]


def _content_keys(span: Any) -> list[str]:
    return [t.norm_ for t in span if _is_content(t)]


def _is_content(token: Any) -> bool:
    key = token.norm_
    return bool(
        token.is_alpha
        and not token.like_num
        and not token.is_stop
        and len(key) > 2
        and key not in FILLER
        and key not in GENERIC
        and not key.endswith("ly")
        and can_be_noun(key)
    )
