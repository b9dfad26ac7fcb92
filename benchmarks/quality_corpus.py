"""The human-coded corpus: the tool's evidence against coders' passages.

Each code of a codebook is treated as a hypothesis (its description, or its
code path) and ``research_tool.evidence`` looks for evidence for it in the
participant's speech, exactly as ``process`` does for a plan. A suggestion
is right when the coders marked the same unit with that code: a row of the
oral-history CSV (08, codebook 09), or a sentence overlapping a MAXQDA
segment of interview P2 (13, segments in 14). The baseline suggests every
unit containing any content word of the code's text.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.scoring import Item, Score, score
from research_tool.model import Transcript, Turn

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
ORAL_HISTORY = CORPUS / "08_csv-coded_oral-history-as-data_mohammad.csv"
ORAL_CODEBOOK = CORPUS / "09_codebook_oral-history-as-data_filters.csv"
PDPILOT_P2 = CORPUS / "13_pdf_pdpilot-user-study_P2.pdf"
PDPILOT_CODES = CORPUS / "14_pdf-codes_pdpilot-user-study_coded-segments_maxqda.pdf"
SKIPPED_CODES = {"highlight"}  # "Highlight" marks a passage, it says nothing
_CODE_COLUMN, _SEGMENT_COLUMN = 40, 184


@dataclass(frozen=True)
class CorpusScore:
    name: str
    tool: Score
    baseline: Score
    codes: int
    units: int


def available() -> bool:
    return ORAL_HISTORY.is_file() and PDPILOT_P2.is_file()


def oral_history(pipeline: Any) -> CorpusScore:
    """08 with 09: one unit per participant row of the CSV."""
    codes = _oral_codes()
    transcript, tags = _oral_transcript()
    gold = [
        Item(code, _row_span(transcript, index))
        for index, row_tags in tags.items()
        for code in row_tags
        if code in codes and transcript.turns[index].role == "participant"
    ]
    tool, base = _suggest(pipeline, transcript, codes, row_units=True)
    units = sum(1 for t in transcript.turns if t.role == "participant")
    return CorpusScore(
        "08 oral history (rows)",
        score(tool, gold),
        score(base, gold),
        len(codes),
        units,
    )


def pdpilot(pipeline: Any) -> CorpusScore:
    """13 with 14: sentences of P2 overlapping a coded segment."""
    from research_tool.quotes import locate
    from research_tool.transcripts import read_transcript

    transcript = read_transcript(PDPILOT_P2)
    segments = _maxqda_segments()
    codes = {
        code: code.replace(">", " ") for code in sorted({c for _, c, _ in segments})
    }

    marked = []
    for document, code, text in segments:
        if document != "P2":
            continue
        match = locate(text, transcript.text)
        if match.found:
            marked.append((code, match.start, match.end))

    tool, base = _suggest(pipeline, transcript, codes, row_units=False)
    units = _sentences(pipeline, transcript)
    gold = [
        Item(code, span)
        for code, start, end in marked
        for span in units
        if _in_text(transcript, span, start, end)
    ]
    return CorpusScore(
        "13/14 PDPilot P2 (sentences)",
        score(tool, gold),
        score(base, gold),
        len(codes),
        len(units),
    )


def _suggest(
    pipeline: Any, transcript: Transcript, codes: dict[str, str], *, row_units: bool
) -> tuple[list[Item], list[Item]]:
    """The tool's and the baseline's (code, unit) suggestions."""
    from research_tool.analysis import questions
    from research_tool.evidence import EvidenceFinder
    from research_tool.followups import content_words
    from research_tool.passages import passages

    names = list(codes)
    finder = EvidenceFinder(
        pipeline.nlp, [(i + 1, codes[n]) for i, n in enumerate(names)]
    )
    found = passages(transcript, pipeline.nlp)
    evidence = finder.find(found, questions(transcript, pipeline.nlp))

    def unit(passage: Any) -> tuple[int, int, int]:
        if row_units:
            return _row_span(transcript, passage.turn.index)
        return (passage.turn.index, passage.start, passage.end)

    tool = {
        Item(names[n - 1], unit(f.passage))
        for n, items in evidence.items()
        for f in items
    }
    base = set()
    for name in names:
        words = content_words(codes[name])
        for passage in found:
            if any(word in passage.text.lower() for word in words):
                base.add(Item(name, unit(passage)))
    return sorted(tool, key=str), sorted(base, key=str)


def _oral_codes() -> dict[str, str]:
    with ORAL_CODEBOOK.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        r["tag"].strip(): r["description"].strip()
        for r in rows
        if r["tag"].strip() not in SKIPPED_CODES
    }


def _oral_transcript() -> tuple[Transcript, dict[int, set[str]]]:
    """One turn per CSV row (so rows stay the unit); tags by turn index."""
    with ORAL_HISTORY.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))

    turns, tags, offset, speaker = [], {}, 0, ""
    for index, row in enumerate(rows):
        speaker = row["speaker"].strip().rstrip(":") or speaker
        role = "participant" if speaker.startswith("K") else "interviewer"
        text = row["words"]
        turns.append(Turn(index, speaker, role, None, None, text, offset))  # type: ignore[arg-type]
        tags[index] = {t.strip() for t in row["tags"].split(";") if t.strip()}
        offset += len(text) + 1
    full = "\n".join(t.text for t in turns)
    return Transcript(ORAL_HISTORY, "csv", "utf-8", False, full, turns), tags


def _row_span(transcript: Transcript, index: int) -> tuple[int, int, int]:
    return (index, 0, max(len(transcript.turns[index].text), 1))


def _maxqda_segments() -> list[tuple[str, str, str]]:
    """(document, code path, segment text) rows of the MAXQDA export."""
    from pypdf import PdfReader

    rows: list[list[str]] = []
    for page in PdfReader(PDPILOT_CODES).pages:
        for line in page.extract_text(extraction_mode="layout").splitlines():
            document = line[:_CODE_COLUMN].strip()
            code = line[_CODE_COLUMN:_SEGMENT_COLUMN].strip()
            text = line[_SEGMENT_COLUMN:].strip()
            if re.fullmatch(r"P\d+", document):
                rows.append([document, code, text])
            elif rows and (code or text) and document not in ("Document name",):
                rows[-1][1] = f"{rows[-1][1]} {code}".strip()
                rows[-1][2] = f"{rows[-1][2]} {text}".strip()
    return [(d, " ".join(c.split()), t) for d, c, t in rows]


def _sentences(pipeline: Any, transcript: Transcript) -> list[tuple[int, int, int]]:
    from research_tool.passages import passages

    return [(p.turn.index, p.start, p.end) for p in passages(transcript, pipeline.nlp)]


def _in_text(
    transcript: Transcript, span: tuple[int, int, int], start: int, end: int
) -> bool:
    turn = transcript.turns[span[0]]
    left, right = turn.offset + span[1], turn.offset + span[2]
    return left < end and start < right


def run_corpus(pipeline: Any = None) -> list[CorpusScore]:
    from research_tool.nlp import load_pipeline

    pipeline = pipeline or load_pipeline(blank=True)
    return [oral_history(pipeline), pdpilot(pipeline)]


__all__: Sequence[str] = ["CorpusScore", "available", "run_corpus"]
