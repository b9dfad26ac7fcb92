"""``research transcript``: read a transcript into speaker turns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from research_tool.cli._common import echo_json, json_option, run
from research_tool.model import Transcript
from research_tool.transcripts import FORMATS, read_transcript
from research_tool.transcripts.names import UNKNOWN_SPEAKER


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--plan",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Study plan whose discussion guide helps find the interviewer.",
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(list(FORMATS)),
    help="Force a reader instead of detecting the shape.",
)
@click.option("--interviewer", help="The interviewer's full or first name.")
@json_option
def transcript(
    file: Path,
    plan: Path | None,
    format_name: str | None,
    interviewer: str | None,
    as_json: bool,
) -> None:
    """Read a transcript into speaker turns, with each speaker's role.

    The shape (Zoom, Teams, Otter, Rev, SRT, Word, PDF, ...) is detected from
    the content; --format forces one.

    \b
    Example:
        research transcript transcripts/2026-02-09-krista.vtt --json
    """
    questions = run(_guide_questions, plan) if plan else ()
    result = run(
        read_transcript,
        file,
        format=format_name,
        guide_questions=questions,
        interviewer=interviewer,
    )
    if interviewer and not any(t.role == "interviewer" for t in result.turns):
        names = ", ".join(dict.fromkeys(t.speaker for t in result.turns))
        raise click.BadParameter(
            f"no speaker is called {interviewer!r}; the speakers are {names}",
            param_hint="--interviewer",
        )
    if result.encoding_guessed:
        click.echo(
            f"Note: {file}: encoding guessed as {result.encoding}; "
            "save the file as UTF-8 to be sure",
            err=True,
        )
    if all(t.speaker == UNKNOWN_SPEAKER for t in result.turns):
        click.echo(
            f"Note: {file}: no speaker names in this file; all speech is credited "
            "to one unknown speaker",
            err=True,
        )
    if as_json:
        echo_json(as_data(result))
    else:
        click.echo(summary(result))


def _guide_questions(plan: Path) -> tuple[str, ...]:
    from research_tool import plans

    return tuple(plans.guide_questions(plans.parse_plan(plan)))


def as_data(result: Transcript) -> dict[str, Any]:
    """The ``--json`` shape of a transcript."""
    return {
        "source": str(result.source),
        "format": result.format,
        "encoding": result.encoding,
        "duration_seconds": result.duration_seconds,
        "speakers": [
            {"name": name, "role": role, "turns": turns, "words": words}
            for name, role, turns, words in _speakers(result)
        ],
        "turns": [
            {
                "index": t.index,
                "speaker": t.speaker,
                "role": t.role,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "offset": t.offset,
            }
            for t in result.turns
        ],
    }


def summary(result: Transcript) -> str:
    """A readable overview: format, encoding, duration, speakers."""
    duration = result.duration_seconds
    lines = [
        f"{result.source}",
        f"  format:   {result.format}",
        f"  encoding: {result.encoding}"
        + (" (guessed)" if result.encoding_guessed else ""),
        f"  duration: {_clock(duration) if duration is not None else 'unknown'}",
        f"  turns:    {len(result.turns)}",
        "  speakers:",
    ]
    for name, role, turns, words in _speakers(result):
        lines.append(f"    {name} ({role}): {turns} turns, {words} words")
    return "\n".join(lines)


def _speakers(result: Transcript) -> list[tuple[str, str, int, int]]:
    rows: dict[str, list[Any]] = {}
    for turn in result.turns:
        row = rows.setdefault(turn.speaker, [turn.speaker, turn.role, 0, 0])
        row[2] += 1
        row[3] += len(turn.text.split())
    return [(r[0], r[1], r[2], r[3]) for r in rows.values()]


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
