"""``research status``: bring the plan's tables up to date from the snapshots."""

from __future__ import annotations

from pathlib import Path

import click

from research_tool.cli._common import echo_json, json_option, run


@click.command()
@click.argument("study", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--check", is_flag=True, help="Exit 1 when the plan is out of date; write nothing."
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Print the changes as a unified diff; write nothing.",
)
@click.option(
    "--allow-unverified",
    is_flag=True,
    help="Count evidence whose quote is not found in its source transcript.",
)
@json_option
def status(
    study: Path, check: bool, dry_run: bool, allow_unverified: bool, as_json: bool
) -> None:
    """Update the plan's hypothesis statuses, interview count and schedule.

    STUDY is a study folder, a docs/research folder or a plan file. Only the
    Status cells of the Hypotheses table, interviews_completed, status and the
    Schedule rows of completed interviews change.

    \b
    Example:
        research status studies/account-management-effectiveness
        research status studies/account-management-effectiveness --check
    """
    from research_tool.status import update_status
    from research_tool.status_view import as_dict, summary

    update = run(
        update_status,
        study,
        allow_unverified=allow_unverified,
        write=not (check or dry_run),
    )
    if update.evidence_note:
        click.echo(f"Note: {update.evidence_note}", err=True)
    name = update.path

    if as_json:
        echo_json(as_dict(update))
    elif dry_run:
        click.echo(update.diff, nl=False)
    elif not check:
        click.echo(summary(update))

    if check and update.changed:
        click.echo(f"{name} is out of date; run: research status {study}", err=True)
        raise click.exceptions.Exit(1)
    if update.written:
        click.echo(f"Updated {name} ({len(update.changes)} changes).", err=True)
    elif not update.changed:
        click.echo(f"{name} is up to date.", err=True)
    elif dry_run:
        click.echo(f"{name}: {len(update.changes)} changes (not written).", err=True)
