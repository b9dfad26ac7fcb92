"""``research process``: transcripts to interview snapshots."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from research_tool.cli._common import echo_json, json_option, run

PROMPTS = (
    ("role", "Participant's role"),
    ("company_type", "Company type"),
    ("focus", "Interview focus"),
)


@click.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--participant-id", help="Participant ID, e.g. user-007 (default: next free)."
)
@click.option("--role", default="", help="Participant's role.")
@click.option("--company-type", default="", help="Kind of company they work for.")
@click.option("--focus", default="", help="What the interview concentrated on.")
@click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Interview date (default: from the file name).",
)
@click.option(
    "--model",
    help="spaCy pipeline: a trained one, or blank-en for rules only "
    "(default en_core_web_sm when installed).",
)
@click.option(
    "--force", is_flag=True, help="Replace an existing snapshot (keeps a backup)."
)
@click.option(
    "--no-input", is_flag=True, help="Never prompt; leave blanks as placeholders."
)
@json_option
def process(
    source: Path,
    participant_id: str | None,
    role: str,
    company_type: str,
    focus: str,
    date: Any,
    model: str | None,
    force: bool,
    no_input: bool,
    as_json: bool,
) -> None:
    """Turn a transcript (or every unprocessed transcript of a study) into a snapshot.

    \b
    Example:
        research process studies/acme/transcripts/2026-02-09-krista.vtt --role "SAM"
        research process studies/acme
    """
    from research_tool.nlp import fallback_note
    from research_tool.process import Options, process_study, process_transcript

    given = {"role": role, "company_type": company_type, "focus": focus}
    if source.is_file() and not no_input and _interactive():
        for key, label in PROMPTS:
            if not given[key]:
                given[key] = click.prompt(
                    label, default="", show_default=False, err=True
                )

    options = Options(
        participant_id=participant_id,
        date=date.date().isoformat() if date else None,
        model=model,
        force=force,
        role=given["role"],
        company_type=given["company_type"],
        focus=given["focus"],
    )
    if source.is_file():
        results = [run(process_transcript, source, options)]
    else:
        results = run(process_study, source, options, progress=_progress)

    if not results:
        click.echo("Every transcript already has a snapshot.", err=True)
    elif note := fallback_note(model, results[0].pipeline):
        click.echo(note, err=True)
    if as_json:
        echo_json([_json(r) for r in results])
        return
    for result in results:
        _print(result)
    if results and results[0].codebook is None:
        click.echo(CODEBOOK_HINT, err=True)


CODEBOOK_HINT = (
    "hint: this study has no codebook.yaml. Listing the words participants "
    "used for each hypothesis improves the suggestions for later interviews "
    "(docs/process.md, 'The codebook')."
)


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stderr.isatty()


def _progress(paths: list[Path]) -> Iterable[Path]:
    def items() -> Iterator[Path]:
        with click.progressbar(
            paths, label="Processing", file=sys.stderr, item_show_func=_name
        ) as bar:
            yield from bar

    return items()


def _name(path: Path | None) -> str:
    return path.name if path is not None else ""


def _json(result: Any) -> dict[str, Any]:
    data = asdict(result)
    data["evidence"] = {str(k): v for k, v in result.evidence.items()}
    data["statuses"] = {str(k): v for k, v in result.statuses.items()}
    return data


def _print(result: Any) -> None:
    click.echo(
        f"Wrote {result.snapshot} ({result.participant_id}, pipeline {result.pipeline})"
    )
    if result.backup is not None:
        click.echo(f"  previous version kept as {result.backup}")
    counts = ", ".join(f"{n} {kind}" for kind, n in sorted(result.insights.items()))
    click.echo(f"  insights: {counts or 'none'}")
    for number, status in result.statuses.items():
        stances = result.evidence.get(number, {})
        detail = (
            ", ".join(
                f"{stances[s]} {word}"
                for s, word in (("supports", "for"), ("challenges", "against"))
                if stances.get(s)
            )
            or "no evidence"
        )
        click.echo(f"  hypothesis {number}: {status} ({detail})")
    if result.surprises:
        click.echo("  top surprises:")
        for surprise in result.surprises:
            click.echo(f"    - {surprise}")
    if result.follow_ups:
        click.echo("  follow-up questions (hypotheses still without evidence):")
        for item in result.follow_ups:
            probe = item["probe"] or "no guide question matches; write one"
            click.echo(f"    - H{item['hypothesis']}: {probe}")
