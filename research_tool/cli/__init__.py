"""The ``research`` command group.

Each command lives in its own module under ``research_tool.cli`` and is
imported only when it runs, so ``research --help`` stays fast and never
loads spaCy. A command parses options, calls one library function, prints
the result, and lets ``run`` turn domain errors into ``Error: ...``.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from typing import Any

import click

from research_tool import __version__

# command name -> (module under research_tool.cli, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("init", "Create a study folder with a plan to fill in."),
    "lint": ("lint", "Check a plan for leading, hypothetical and opinion questions."),
    "transcript": ("transcript", "Read a transcript into speaker turns."),
    "redact": ("redact", "Print a transcript with personal data replaced."),
    "process": ("process", "Turn transcripts into interview snapshots."),
    "tag": ("tag", "Add a quote as evidence for a hypothesis in a snapshot."),
    "untag": ("tag", "Remove a quote's evidence from a snapshot."),
    "status": ("status", "Bring the plan's tables up to date from the snapshots."),
    "validate": ("validate", "Check every plan and snapshot of a study."),
    "inspect": ("inspect", "Print the structured content of a plan or snapshot."),
    "verify": ("verify", "Check every quote against its source transcript."),
    "report": ("report", "Write the findings document (Markdown and HTML)."),
    "export": ("export", "Export a study as REFI-QDA, CSV or JSON."),
    "search": ("search", "Find quotes and insights across studies."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if _module_exists(COMMANDS[name][0])]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS or not _module_exists(COMMANDS[cmd_name][0]):
            return None
        module = importlib.import_module(f"research_tool.cli.{COMMANDS[cmd_name][0]}")
        command = getattr(module, cmd_name.replace("-", "_"))
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: Any) -> None:
        # Short help comes from the table above, so --help imports nothing.
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _module_exists(module: str) -> bool:
    return importlib.util.find_spec(f"research_tool.cli.{module}") is not None


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="research")
@click.option("-v", "--verbose", is_flag=True, help="Log debug detail to stderr.")
def cli(verbose: bool) -> None:
    """Interview studies, from transcript to findings, offline.

    \b
    Example:
        research status studies/account-management-effectiveness
    """
    if verbose:
        logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(message)s")


def main() -> None:
    cli(prog_name="research")
