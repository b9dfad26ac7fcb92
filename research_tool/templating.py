"""Jinja2 templates: a study's own ``templates/`` first, then the shipped ones.

The shipped templates live in the repository's top-level ``templates/``
folder; a wheel carries them as ``research_tool/templates``. A study can
override any of them by putting a file of the same name in its own
``templates/`` folder. Rendering is strict (an undefined name is an error)
and deterministic (no time, no randomness, sorted filters only).
"""

from __future__ import annotations

from pathlib import Path

import jinja2

_PACKAGE = Path(__file__).resolve().parent


def shipped_templates() -> Path:
    """The folder of templates that ship with the tool."""
    installed = _PACKAGE / "templates"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "templates"


def search_path(study_root: Path | None) -> list[Path]:
    """Folders searched for a template, in order."""
    folders: list[Path] = []
    if study_root is not None and (study_root / "templates").is_dir():
        folders.append(study_root / "templates")
    folders.append(shipped_templates())
    return folders


def environment(study_root: Path | None) -> jinja2.Environment:
    """A strict Jinja2 environment over ``search_path(study_root)``.

    Autoescaping is off: the outputs are Markdown and YAML, and callers
    escape what they interpolate with the filters they need.
    """
    loader = jinja2.FileSystemLoader(
        [str(folder) for folder in search_path(study_root)]
    )
    return jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
