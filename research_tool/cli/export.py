"""``research export``: a study as REFI-QDA (qdpx, qdc), CSV or JSON."""

from __future__ import annotations

from pathlib import Path

import click

from research_tool.cli._common import echo_json, json_option, run

FORMATS = ("qdpx", "qdc", "csv", "json")


@click.command()
@click.argument("study", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="qdpx: REFI-QDA project; qdc: codebook; csv: quotes; json: all data.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File to write [default: reports/<study-name>.<format>].",
)
@json_option
def export(study: Path, fmt: str, out: Path | None, as_json: bool) -> None:
    """Export STUDY for NVivo, ATLAS.ti, MAXQDA, QualCoder or a spreadsheet.

    Prints the path written. Quotes that cannot be found in their redacted
    transcript are left out of a qdpx project and listed on stderr.

    \b
    Example:
        research export studies/account-management-effectiveness --format qdpx
    """
    from research_tool.export import export_study

    result = run(export_study, study, fmt, out=out)

    if result.unlocated:
        click.echo(
            f"Warning: {len(result.unlocated)} quote(s) not found in their "
            "transcript were left out:",
            err=True,
        )
        for item in result.unlocated:
            click.echo(f'  {item.snapshot}:{item.line}: "{item.quote}"', err=True)

    if as_json:
        echo_json(result.as_data())
    else:
        click.echo(str(result.path))
