"""``research redact FILE``: print a transcript with personal data replaced."""

from __future__ import annotations

from pathlib import Path

import click

from research_tool.cli._common import echo_json, json_option, run


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--participant-id", help="ID the participant becomes (e.g. user-003).")
@click.option(
    "--study",
    type=click.Path(path_type=Path),
    help="Study whose roster and plan names to use (default: the file's study).",
)
@click.option(
    "--report", is_flag=True, help="List what was replaced, by kind and count."
)
@click.option(
    "--model",
    help="spaCy pipeline, as given to process (default en_core_web_sm if installed).",
)
@json_option
def redact(
    file: Path,
    participant_id: str | None,
    study: Path | None,
    report: bool,
    model: str | None,
    as_json: bool,
) -> None:
    """Print FILE with names, contact details and organisations replaced.

    The report lists kinds and counts only, never the original text.

    \b
    Example:
        research redact studies/my-study/transcripts/2026-02-09-krista.vtt --report
    """
    from research_tool.nlp import BLANK, fallback_note
    from research_tool.redaction import default_pipeline, redact_file

    pipeline = default_pipeline(model)  # None: blank English, no entities
    name = str(getattr(pipeline, "name", BLANK))
    if note := fallback_note(model, name):
        click.echo(note, err=True)

    redacted = run(
        redact_file,
        file,
        participant_id=participant_id,
        study=study,
        pipeline=pipeline,
    )
    replacements = [
        {"kind": kind, "replacement": pseudonym, "count": count}
        for kind, pseudonym, count in redacted.replacements
    ]

    if as_json:
        turns = [
            {"speaker": t.speaker, "role": t.role, "start": t.start, "text": t.text}
            for t in redacted.transcript.turns
        ]
        data = {
            "pipeline": name,
            "counts": redacted.counts,
            "replacements": replacements,
        }
        echo_json(data if report else {**data, "turns": turns})
    elif report:
        for row in replacements:
            click.echo(f"{row['kind']}\t{row['replacement']}\t{row['count']}")
    else:
        click.echo(redacted.transcript.text, nl=False)

    total = sum(redacted.counts.values())
    click.echo(f"{total} replacements in {file} (pipeline {name})", err=True)
