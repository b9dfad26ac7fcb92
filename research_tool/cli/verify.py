"""``research verify STUDY``: check every quote against its source transcript."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from research_tool.cli._common import echo_json, json_option, run


@click.command()
@click.argument("study", type=click.Path(path_type=Path), default=Path("."))
@click.option(
    "--model",
    help="spaCy pipeline, as given to process (default en_core_web_sm if installed).",
)
@json_option
def verify(study: Path, model: str | None, as_json: bool) -> None:
    """Check every quote of STUDY's snapshots and report against its transcript.

    A quote passes when it appears in the redacted source transcript, allowing
    whitespace, quote style, an ellipsis for an omitted stretch and bracketed
    replacements. Exit status 1 when any quote fails.

    \b
    Example:
        research verify studies/account-management-effectiveness
    """
    from research_tool.nlp import BLANK, fallback_note
    from research_tool.redaction import default_pipeline
    from research_tool.verify import verify_path

    pipeline = default_pipeline(model)  # None: blank English, no entities
    if note := fallback_note(model, str(getattr(pipeline, "name", BLANK))):
        click.echo(note, err=True)

    verification = run(verify_path, study, pipeline=pipeline)

    if as_json:
        echo_json([dataclasses.asdict(item) for item in verification.items])
    else:
        for item in verification.items:
            if item.state == "failed":
                click.echo(item.message())

    click.echo(verification.summary(), err=True)
    if not verification.ok:
        raise SystemExit(1)
