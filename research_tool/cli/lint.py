"""``research lint``: check a plan's questions and hypotheses before fieldwork."""

from __future__ import annotations

import textwrap
from pathlib import Path

import click

from research_tool.cli._common import echo_json, json_option, run
from research_tool.lint import RULE_IDS


@click.command()
@click.argument("plan", type=click.Path(path_type=Path))
@click.option(
    "--disable",
    multiple=True,
    type=click.Choice(RULE_IDS),
    metavar="RULE",
    help="Switch a rule off for this run (repeatable).",
)
@json_option
def lint(plan: Path, disable: tuple[str, ...], as_json: bool) -> None:
    """Check PLAN (a plan file or a study folder) for leading questions and more.

    Prints each finding as FILE:LINE: rule: message, with a short
    explanation and a better phrasing where one can be suggested. Exits 1
    when there are findings. The plan is never changed.

    \b
    A plan can switch rules off in its frontmatter:
        lint: {disable: [sample-size]}

    \b
    Example:
        research lint studies/onboarding/2026-03-01-onboarding-research-plan.md
        research lint plan.md --disable sample-size --json
    """
    from research_tool.lint.engine import lint_plan

    report = run(lint_plan, plan, disable=disable)

    if as_json:
        echo_json(report.as_dict())
    else:
        for finding in report.findings:
            where = f"{report.path}:{finding.line}"
            click.echo(f"{where}: {finding.rule}: {finding.message}")
            click.echo(
                textwrap.fill(
                    finding.explanation,
                    84,
                    initial_indent="    ",
                    subsequent_indent="    ",
                )
            )
            if finding.suggestion:
                click.echo(f"    suggest: {finding.suggestion}")

    if report.findings:
        click.echo(f"{len(report.findings)} findings in {report.path}.", err=True)
        raise click.exceptions.Exit(1)
    click.echo(f"{report.path}: no findings.", err=True)
