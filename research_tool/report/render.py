"""Render findings as Markdown and as one self-contained HTML page.

Both come from Jinja2 templates (``findings.md.j2``, ``findings.html.j2``)
that a study may override in its own ``templates/`` folder. The HTML is
autoescaped, so study text renders as text; the Markdown passes study text
through filters that keep it on one line and out of the table structure.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from research_tool import templating
from research_tool.report.quotes import one_line
from research_tool.report.sections import Findings

MARKDOWN_TEMPLATE = "findings.md.j2"
HTML_TEMPLATE = "findings.html.j2"
ROLLUP_RULE = (
    "Each snapshot records, per plan hypothesis, whether the participant's "
    "evidence supports it, challenges it, does both (mixed) or says nothing "
    "(no data). A hypothesis is SUPPORTED when participants' evidence only "
    "supports it, CHALLENGED when it only challenges it, MIXED when both "
    "occur, and UNTESTED while nobody has spoken to it. Counts are "
    "participants, not quotes."
)
_BLANK_RUNS = re.compile(r"\n{3,}")


def md_inline(value: object) -> str:
    """Study text for a Markdown line: one line, no raw HTML tags."""
    return one_line(str(value)).replace("<", "&lt;")


def md_cell(value: object) -> str:
    """Study text for a Markdown table cell: also escapes the pipe."""
    return md_inline(value).replace("|", "\\|")


def environment(study_root: Path | None) -> jinja2.Environment:
    """The shared template environment, autoescaping HTML templates."""
    env = templating.environment(study_root)
    env.autoescape = jinja2.select_autoescape(
        enabled_extensions=("html", "htm", "html.j2"), default_for_string=False
    )
    env.filters["md"] = md_inline
    env.filters["cell"] = md_cell
    return env


def render_markdown(findings: Findings, env: jinja2.Environment) -> str:
    text = env.get_template(MARKDOWN_TEMPLATE).render(
        f=findings, rollup_rule=ROLLUP_RULE
    )
    return _BLANK_RUNS.sub("\n\n", text).rstrip("\n") + "\n"


def render_html(findings: Findings, env: jinja2.Environment) -> str:
    text = env.get_template(HTML_TEMPLATE).render(f=findings, rollup_rule=ROLLUP_RULE)
    return text.rstrip("\n") + "\n"
