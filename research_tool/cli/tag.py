"""``research tag`` and ``research untag``: evidence corrections in a snapshot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from research_tool.cli._common import echo_json, json_option, run

_SNAPSHOT = click.argument("snapshot", type=click.Path(exists=True, path_type=Path))
_HYPOTHESIS = click.option(
    "--hypothesis", required=True, help="Hypothesis number, as in the table (e.g. 3)."
)
_QUOTE = click.option(
    "--quote", "text", required=True, help="The participant's exact words."
)


@click.command()
@_SNAPSHOT
@_HYPOTHESIS
@click.option("--stance", required=True, type=click.Choice(["supports", "challenges"]))
@_QUOTE
@json_option
def tag(snapshot: Path, hypothesis: str, stance: str, text: str, as_json: bool) -> None:
    """Add a quote as evidence for a hypothesis (checked against the transcript).

    \b
    Example:
        research tag interviews/2026-02-09-participant-001.md --hypothesis 3 \\
            --stance challenges --quote "usage on its own tells you nothing"
    """
    from research_tool.tagging import tag as tag_quote

    result = run(tag_quote, snapshot, hypothesis, stance, text)
    _report(result, "tagged", as_json)


@click.command()
@_SNAPSHOT
@_HYPOTHESIS
@_QUOTE
@json_option
def untag(snapshot: Path, hypothesis: str, text: str, as_json: bool) -> None:
    """Remove a quote's evidence from a hypothesis in a snapshot.

    \b
    Example:
        research untag interviews/2026-02-09-participant-001.md --hypothesis 3 \\
            --quote "usage on its own tells you nothing"
    """
    from research_tool.tagging import untag as untag_quote

    result = run(untag_quote, snapshot, hypothesis, text)
    _report(result, "untagged", as_json)


def _report(result: Any, verb: str, as_json: bool) -> None:
    if result.warning:
        click.echo(f"Warning: {result.warning}", err=True)
    edit = result.edit
    if as_json:
        echo_json(
            {
                "snapshot": edit.path,
                "hypothesis": edit.hypothesis,
                "action": verb,
                "stance": result.stance,
                "status_before": edit.before,
                "status": edit.after,
                "evidence": edit.evidence,
                "verified": result.source is not None,
                "source": result.source,
            }
        )
        return
    click.echo(
        f"{edit.path}: hypothesis {edit.hypothesis} {verb}; "
        f"status {edit.before} -> {edit.after} ({edit.evidence} evidence)"
    )
