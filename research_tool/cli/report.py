"""``research report STUDY``: write the findings as Markdown and HTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from research_tool.cli._common import echo_json, json_option, run

FORMAT_CHOICES = {"md": ("md",), "html": ("html",), "both": ("md", "html")}


@click.command()
@click.argument("study", type=click.Path(path_type=Path), default=Path("."))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMAT_CHOICES)),
    default="both",
    show_default=True,
    help="Which document to write.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to write into (default: the study's reports/).",
)
@click.option("--open", "open_", is_flag=True, help="Open the result when written.")
@click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Date to print in the document (none by default, so reruns match).",
)
@click.option(
    "--allow-unverified",
    is_flag=True,
    help="Count evidence whose quote is not found in its source transcript.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace findings files edited by hand (a backup is kept).",
)
@json_option
def report(
    study: Path,
    fmt: str,
    out: Path | None,
    open_: bool,
    date: dt.datetime | None,
    allow_unverified: bool,
    force: bool,
    as_json: bool,
) -> None:
    """Write STUDY's findings to reports/findings.md and reports/findings.html.

    The same snapshots always give byte-identical files. The page is one
    self-contained file: styles and charts inline, nothing fetched.

    \b
    Example:
        research report studies/account-management-effectiveness --format html
    """
    from research_tool.report.build import write_report

    result = run(
        write_report,
        study,
        formats=FORMAT_CHOICES[fmt],
        out=out,
        date=date.date().isoformat() if date else None,
        allow_unverified=allow_unverified,
        force=force,
    )

    if as_json:
        echo_json({"paths": result.paths, "counts": result.counts})
    else:
        for path in result.paths.values():
            click.echo(str(path))
    if open_:
        click.launch(str(result.paths.get("html") or result.paths["md"]))
