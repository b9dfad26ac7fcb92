"""``research init``: create a study folder with a plan to fill in."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from research_tool.cli._common import echo_json, json_option, run


@click.command()
@click.argument("study", type=click.Path(path_type=Path))
@click.option("--title", required=True, help="The study's title.")
@click.option(
    "--hypothesis",
    "hypotheses",
    multiple=True,
    help="A hypothesis: what people do, how often, and why (repeatable).",
)
@click.option("--outcome", default="", help="The decision the research informs.")
@click.option(
    "--sample-size",
    type=click.IntRange(min=1),
    default=6,
    show_default=True,
    help="How many people you plan to interview.",
)
@click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The plan's date, YYYY-MM-DD (default: today).",
)
@json_option
def init(
    study: Path,
    title: str,
    hypotheses: tuple[str, ...],
    outcome: str,
    sample_size: int,
    date: datetime | None,
    as_json: bool,
) -> None:
    """Create the study folder STUDY with a plan to fill in.

    Writes YYYY-MM-DD-<folder name>-research-plan.md, empty interviews/ and
    reports/, and transcripts/ with a .gitignore that keeps raw transcripts
    and the roster out of git. Refuses when STUDY exists and is not empty.

    \b
    Example:
        research init studies/onboarding --title "Onboarding friction" \\
            --hypothesis "New admins import patient lists by hand every week"
    """
    from research_tool.scaffold import init_study

    created = run(
        init_study,
        study,
        title=title,
        hypotheses=hypotheses,
        outcome=outcome,
        sample_size=sample_size,
        date=date.date() if date else None,
    )

    if as_json:
        echo_json(
            {"study": created.root, "plan": created.plan, "created": created.created}
        )
    else:
        for path in created.created:
            click.echo(str(path))
    click.echo(
        f"Created {created.root}. Fill in the plan, then run: "
        f"research lint {created.plan}",
        err=True,
    )
