"""``research validate``: check every plan and snapshot of a study."""

from __future__ import annotations

from pathlib import Path

import click

from research_tool.cli._common import echo_json, json_option, run


@click.command()
@click.argument("study", type=click.Path(exists=True, path_type=Path))
@json_option
def validate(study: Path, as_json: bool) -> None:
    """Check every plan, snapshot and codebook of STUDY; print every problem.

    Exits 1 when any file has a problem, so CI can run it.

    \b
    Example:
        research validate studies/account-management-effectiveness
    """
    from research_tool.validation import validate_study

    result = run(validate_study, study)
    if as_json:
        echo_json(
            {
                "ok": result.ok,
                "plans": result.plans,
                "snapshots": result.snapshots,
                "codebooks": result.codebooks,
                "problems": [
                    {"file": p.path, "line": p.line, "message": p.message}
                    for p in result.problems
                ],
            }
        )
    for problem in result.problems:
        click.echo(f"Error: {problem}", err=True)

    checked = f"{len(result.plans)} plans, {len(result.snapshots)} snapshots"
    if result.codebooks:
        checked += f", {len(result.codebooks)} codebook"
    if result.problems:
        click.echo(f"{len(result.problems)} problems in {checked}.", err=True)
        raise click.exceptions.Exit(1)
    if not as_json:
        click.echo(f"OK: {checked}.")
