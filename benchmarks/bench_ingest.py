"""Reading transcripts: our readers against the bare parsers they build on.

The ratio column is our time over the bare library's time for the same file
(target: at most 2); words per second is per format; a two-hour synthetic
Zoom WebVTT and Otter text show how reading scales.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

from benchmarks._util import CORPUS, Row, median_seconds
from research_tool.transcripts import read_transcript, read_transcript_bytes

VTT = CORPUS / "01_webvtt_talkpython-554_trustworthy-ai-in-healthcare.vtt"
SRT = CORPUS / "02_srt_podcastindex-namespace_example.srt"
DOCX = CORPUS / "15_docx_SYNTHETIC_ibm-qux360_interview_B.docx"
OTHERS = [
    CORPUS / "08_csv-coded_oral-history-as-data_mohammad.csv",
    CORPUS / "10_markdown-bold-speakers_changelog-founders-talk-94.md",
    CORPUS / "13_pdf_pdpilot-user-study_P2.pdf",
]
_SENTENCE = (
    "we export the renewal report every friday and then paste it into a shared "
    "sheet so the account team can see which clients are at risk this quarter"
)


def benchmarks() -> list[Row]:
    if not CORPUS.is_dir():
        return [Row("ingest", "corpus missing", float("nan"), note=str(CORPUS))]
    rows = _against_bare()
    rows += [_words_per_second(path) for path in [VTT, SRT, DOCX, *OTHERS]]
    rows += _two_hours()
    return rows


def _against_bare() -> list[Row]:
    import docx
    import srt
    import webvtt

    bare = {
        VTT: lambda: webvtt.read(str(VTT)).captions,
        SRT: lambda: list(srt.parse(SRT.read_text(encoding="utf-8"))),
        DOCX: lambda: [p.text for p in docx.Document(str(DOCX)).paragraphs],
    }
    rows = []
    for path, parse in bare.items():
        ours = median_seconds(lambda p=path: read_transcript(p))
        rows.append(
            Row(
                "ingest",
                f"read_transcript {path.name[:2]} ({path.suffix})",
                ours,
                baseline=median_seconds(parse),
                note="ratio to the bare parser",
            )
        )
    return rows


def _words_per_second(path: Path) -> Row:
    transcript = read_transcript(path)
    words = sum(len(t.text.split()) for t in transcript.turns)
    seconds = median_seconds(lambda: read_transcript(path))
    return Row(
        "ingest",
        f"{transcript.format} {path.name[:2]}",
        words / seconds,
        unit="words/s",
        note=f"{words} words",
    )


def _two_hours() -> list[Row]:
    vtt, otter = _synthetic(7200)
    rows = []
    for name, data in (("two-hour zoom-vtt", vtt), ("two-hour otter-txt", otter)):
        path = Path(f"synthetic-{name.split()[-1]}")
        seconds = median_seconds(lambda d=data, p=path: read_transcript_bytes(p, d))
        rows.append(Row("ingest", name, seconds, note=f"{len(data) // 1024} KiB"))
    return rows


def _synthetic(duration: int) -> tuple[bytes, bytes]:
    """A two-speaker interview of ``duration`` seconds as Zoom VTT and Otter."""
    rng = random.Random(7)
    vocabulary = _SENTENCE.split()
    vtt, otter = io.StringIO(), io.StringIO()
    vtt.write("WEBVTT\n")
    at, cue, speaker = 0.0, 0, "Dana Whitfield"
    while at < duration:
        if rng.random() < 0.3:
            speaker = (
                "Krista Halvorsen" if speaker == "Dana Whitfield" else "Dana Whitfield"
            )
            minutes, seconds = divmod(int(at), 60)
            otter.write(f"\n{speaker}  {minutes}:{seconds:02d}\n")
        words = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(6, 14)))
        length = 2.0 + rng.random() * 3
        cue += 1
        vtt.write(
            f"\n{cue}\n{_clock(at)} --> {_clock(at + length)}\n{speaker}: {words}\n"
        )
        otter.write(words + "\n")
        at += length + 0.2
    return vtt.getvalue().encode(), ("\n" + otter.getvalue().lstrip()).encode()


def _clock(seconds: float) -> str:
    whole = int(seconds)
    millis = int((seconds - whole) * 1000)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}.{millis:03d}"
