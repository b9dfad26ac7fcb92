"""What every command shares: error translation and JSON output."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from research_tool.errors import ResearchError

T = TypeVar("T")


@contextmanager
def domain_errors() -> Iterator[None]:
    """Turn a domain error into ``Error: FILE:LINE: message`` and exit 1."""
    try:
        yield
    except ResearchError as exc:
        raise click.ClickException(error_lines(exc)) from None


def error_lines(exc: ResearchError) -> str:
    """The message, with every problem after the first on its own ``Error:`` line.

    click prefixes the first line; the rest get the same prefix so that each
    problem reads ``Error: FILE:LINE: message`` and can be grepped alike.
    """
    first, *rest = str(exc).splitlines() or [""]
    return "\n".join([first, *(f"Error: {line}" for line in rest)])


def run(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call a library function, translating domain errors once, here."""
    with domain_errors():
        return function(*args, **kwargs)


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON on stdout (paths become strings)."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=_default))


def _default(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def json_option(function: Callable[..., T]) -> Callable[..., T]:
    return click.option(
        "--json", "as_json", is_flag=True, help="Print the result as JSON on stdout."
    )(function)
