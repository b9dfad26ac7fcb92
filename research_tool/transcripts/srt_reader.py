"""SRT (Otter, Whisper, Descript): a name only where the speaker changes."""

from __future__ import annotations

from pathlib import Path

from research_tool.errors import TranscriptFormatError
from research_tool.transcripts.lines import line_of
from research_tool.transcripts.names import split_label
from research_tool.transcripts.timing import scan_timings
from research_tool.transcripts.turns import Cue, Parsed


def read_srt(path: Path, text: str) -> Parsed:
    """Cues parsed by ``srt``; a ``Name:`` opening a cue changes speaker."""
    import srt

    timings = scan_timings(path, text, separator=",")
    if not timings:
        raise TranscriptFormatError(
            path,
            1,
            "no `00:01:05,120 --> 00:01:08,400` timing line found; "
            "pick another --format",
        )

    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as exc:
        line = line_of(text, exc.expected_start)
        raise TranscriptFormatError(
            path,
            line,
            "unexpected text between subtitles; each needs a number, "
            "a timing line and its text, separated by a blank line",
        ) from None
    except (ValueError, OverflowError) as exc:
        raise TranscriptFormatError(path, 1, f"not valid SRT: {exc}") from None

    cues: list[Cue] = []
    position = 0
    for subtitle in subtitles:
        start = subtitle.start.total_seconds()
        while position < len(timings) and abs(timings[position].start - start) > 5e-4:
            position += 1
        if position == len(timings):
            break
        timing = timings[position]
        position += 1

        content = subtitle.content
        label = split_label(content)
        skip = label[1] if label else 0
        body = content[skip:]
        lead = len(body) - len(body.lstrip())
        end = timing.payload + len(content) + 200
        offset = text.find(content[:40], timing.payload, end)
        offset = (offset if offset >= 0 else timing.payload) + skip + lead
        cues.append(
            Cue(
                speaker=label[0] if label else None,
                text=body,
                offset=offset,
                start=timing.start,
                end=timing.end,
                line=timing.line,
            )
        )
    return Parsed(text, cues)
