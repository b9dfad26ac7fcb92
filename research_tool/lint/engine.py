"""Run the rules over one plan, minus the ones switched off.

Rules are switched off per run (``disable``) or per plan, in the frontmatter::

    lint:
      disable: [sample-size]

The plan is read with ``plans.parse_plan_text`` and never written.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from pathlib import Path

from research_tool.errors import PlanError, ProblemsError
from research_tool.fileio import read_text
from research_tool.lint import RULE_IDS, RULES
from research_tool.lint.document import plan_doc
from research_tool.lint.findings import LintReport, Reported
from research_tool.mdtable import replace_lines, split_lines
from research_tool.model import Plan
from research_tool.plans import parse_plan_text
from research_tool.studies import resolve_study
from research_tool.yamledit import key_line

log = logging.getLogger(__name__)

HIDDEN_KEY = "lint-hidden-hypotheses"


def lint_plan(path: Path, *, disable: Iterable[str] = ()) -> LintReport:
    """Lint the plan at ``path`` (or a study folder's plan).

    Raises ProblemsError when the plan cannot be read, PlanError for an
    unknown rule id.

    >>> lint_plan(Path("plan.md"), disable=["sample-size"])  # doctest: +SKIP
    """
    if path.is_dir():
        path = resolve_study(path).plan_path
    plan = load_plan(path)
    off = set(disable) | plan_disabled(plan)
    unknown = sorted(off - set(RULE_IDS))
    if unknown:
        raise PlanError(path, 0, f"unknown lint rule {unknown[0]!r}; {_known()}")

    doc = plan_doc(plan)
    found = []
    for rule in RULES:
        if rule.id in off:
            log.debug("rule %s switched off", rule.id)
            continue
        for finding in rule.check(doc):
            found.append(
                Reported(
                    finding.line,
                    rule.id,
                    finding.message,
                    rule.explanation,
                    finding.suggestion,
                )
            )
    found.sort(key=lambda reported: reported.line)
    return LintReport(path, found)


def plan_disabled(plan: Plan) -> set[str]:
    """Rule ids the plan's frontmatter ``lint: {disable: [...]}`` switches off."""
    block = plan.frontmatter.get("lint")
    if block is None:
        return set()
    line = key_line(plan.text, "lint") or 1
    if not isinstance(block, dict) or set(block) - {"disable"}:
        message = "lint should be a mapping such as  lint: {disable: [sample-size]}"
        raise PlanError(plan.path, line, message)

    listed = block.get("disable") or []
    listed = [listed] if isinstance(listed, str) else listed
    if not isinstance(listed, list):
        raise PlanError(plan.path, line, "lint.disable should be a list of rule ids")
    unknown = [str(item) for item in listed if item not in RULE_IDS]
    if unknown:
        message = f"lint.disable names unknown rule {unknown[0]!r}; {_known()}"
        raise PlanError(plan.path, line, message)
    return {str(item) for item in listed}


def load_plan(path: Path) -> Plan:
    """Parse the plan, letting the hypotheses-disagree rule report a mismatch.

    ``parse_plan`` rejects a plan whose frontmatter hypotheses and table
    disagree. When that is all that is wrong, the plan is parsed again with
    the frontmatter list out of sight, and its frontmatter put back.
    """
    source = read_text(path)
    try:
        return parse_plan_text(path, source.text, source.digest)
    except ProblemsError as first:
        line = key_line(source.text, "hypotheses")
        if line is None:
            raise
        hidden = _rename_key(source.text, line, "hypotheses", HIDDEN_KEY)
        try:
            plan = parse_plan_text(path, hidden, source.digest)
        except ProblemsError:
            raise first from None
        frontmatter = dict(plan.frontmatter)
        frontmatter["hypotheses"] = frontmatter.pop(HIDDEN_KEY)
        return dataclasses.replace(plan, text=source.text, frontmatter=frontmatter)


def _rename_key(text: str, line: int, old: str, new: str) -> str:
    current = split_lines(text)[line - 1]
    return replace_lines(text, {line: new + current[len(old) :]})


def _known() -> str:
    return "known rules: " + ", ".join(RULE_IDS)
