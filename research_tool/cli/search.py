"""``research search``: find quotes and insights across every study."""

from __future__ import annotations

from pathlib import Path

import click

from research_tool.cli._common import echo_json, json_option, run
from research_tool.export.records import hypothesis_label
from research_tool.model import INSIGHT_TYPES, STANCES
from research_tool.search import Filters, Hit
from research_tool.search import search as run_search
from research_tool.search.query import MARK


@click.command()
@click.argument("query", default="")
@click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("."),
    show_default=True,
    help="Folder holding the studies to search.",
)
@click.option("--type", "kind", type=click.Choice(INSIGHT_TYPES), help="Insight type.")
@click.option("--topic", help="A topic, e.g. weekly-reporting.")
@click.option("--hypothesis", help="A hypothesis number, e.g. 1 or H1.")
@click.option("--stance", type=click.Choice(STANCES), help="Evidence stance.")
@click.option("--participant", help="A participant ID, e.g. user-001.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Most hits to show.",
)
@json_option
def search(
    query: str,
    root: Path,
    kind: str | None,
    topic: str | None,
    hypothesis: str | None,
    stance: str | None,
    participant: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Find quotes matching QUERY in every study under --root, best first.

    Plain words must all match; "quoted phrases" match as phrases; word*
    matches by prefix. The index lives in ROOT/.research/ and is brought up
    to date from the snapshot files before each search.

    \b
    Examples:
        research search "weekly report" --root studies
        research search 'export*' --type pain-point --hypothesis 1
    """
    filters = Filters(kind, topic, hypothesis, stance, participant)
    result = run(run_search, query, root=root, filters=filters, limit=limit)

    for warning in result.warnings:
        for problem in warning.splitlines():  # one line per problem in the file
            click.echo(f"Warning: skipped {problem}", err=True)

    if as_json:
        echo_json(result.as_data())
        return
    if not result.hits:
        click.echo("No matching quotes.", err=True)
    for hit in result.hits:
        click.echo(format_hit(hit))


def format_hit(hit: Hit) -> str:
    """Where, what it is tagged, the quote, and the context when it matched there."""
    head = f"{hit.where}  {hit.participant} · {hit.study} · {hit.timestamp or '—'}"
    tags = [hit.type] if hit.type else []
    if hit.topics:
        tags.append(", ".join(hit.topics))
    tags += [f"{hypothesis_label(n)} {s}".strip() for n, s in hit.hypotheses]
    lines = [head, f"  {' · '.join(tags)}" if tags else "", f'  "{hit.highlighted}"']
    if MARK not in hit.highlighted and hit.context:
        lines.append(f"  context: {hit.context}")  # where the words matched
    return "\n".join([line for line in lines if line] + [""])
