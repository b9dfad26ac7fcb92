"""``research inspect``: print the structured content of a plan or snapshot."""

from __future__ import annotations

from pathlib import Path

import click

from research_tool.cli._common import echo_json, json_option, run


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
def inspect(file: Path, as_json: bool) -> None:
    """Print what a plan or interview snapshot holds, as the tool reads it.

    With --json the output follows a fixed shape other tools can rely on
    (documented in docs/study-model.md).

    \b
    Example:
        research inspect interviews/2026-02-09-participant-001.md --json
    """
    from research_tool.inspection import describe, inspect_file

    data = run(inspect_file, file)
    if as_json:
        echo_json(data)
    else:
        click.echo(describe(data))
