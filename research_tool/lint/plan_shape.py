"""Rules for the plan as a whole: its sample size and its two hypothesis lists."""

from __future__ import annotations

import re
from collections.abc import Iterator

from research_tool.lint.document import PlanDoc
from research_tool.lint.findings import Finding
from research_tool.plan_tables import same_wording
from research_tool.yamledit import key_line

# Usual number of participants per round, by the plan's ``method``.
USUAL_RANGE = {
    "interviews": (5, 12),
    "usability-test": (5, 8),
    "diary-study": (10, 15),
}
DEFAULT_METHOD = "interviews"
_RANGE = re.compile(r"^\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*$")

SAMPLE_WHY = (
    "Qualitative interviews usually need 5 to 12 people per distinct group: "
    "fewer rarely show a pattern, and past about 12 new themes become rare "
    "(saturation), so the extra sessions are better spent on a second round. "
    "Usability tests: 5 to 8 per round; diary studies: 10 to 15. Set "
    "`method:` in the frontmatter when the study is not interviews."
)
DISAGREE_WHY = (
    "Snapshots, status and the report read the Hypotheses table; the "
    "frontmatter list is what people skim. When they disagree, one of them "
    "is out of date."
)


def sample_size(doc: PlanDoc) -> Iterator[Finding]:
    """A sample size outside the usual range for the kind of research."""
    frontmatter = doc.plan.frontmatter
    method = str(frontmatter.get("method") or DEFAULT_METHOD).strip().casefold()
    line = key_line(doc.plan.text, "sample_size") or 1

    if method not in USUAL_RANGE:
        known = ", ".join(USUAL_RANGE)
        message = f"method {method!r} is not one of {known}; sample size not checked"
        yield Finding(key_line(doc.plan.text, "method") or 1, message)
        return
    low, high = USUAL_RANGE[method]
    bounds = _bounds(frontmatter.get("sample_size"))
    if bounds is None:
        message = "no sample_size in the frontmatter"
        yield Finding(line, message, f"sample_size: {low}-{high}")
        return

    smallest, largest = bounds
    if smallest < low:
        message = f"sample_size {smallest} is below the usual {low}-{high} for {method}"
        yield Finding(line, message, f"sample_size: {low}")
    elif largest > high:
        message = f"sample_size {largest} is above the usual {low}-{high} for {method}"
        yield Finding(line, message, f"sample_size: {high}, then a second round")


def hypotheses_disagree(doc: PlanDoc) -> Iterator[Finding]:
    """Frontmatter ``hypotheses`` and the Hypotheses table that disagree."""
    plan = doc.plan
    listed = plan.frontmatter.get("hypotheses")
    line = key_line(plan.text, "hypotheses") or 1
    if listed is None and plan.hypotheses:
        message = "the frontmatter has no hypotheses list but the table has rows"
        yield Finding(line or 1, message, "Copy the table's hypotheses into it.")
        return
    if not isinstance(listed, list):
        yield Finding(line, "hypotheses should be a list of sentences")
        return

    if len(listed) != len(plan.hypotheses):
        message = (
            f"the frontmatter lists {len(listed)} hypotheses but the table has "
            f"{len(plan.hypotheses)}"
        )
        yield Finding(line, message, "Make the two lists hold the same hypotheses.")
    for item, row in zip(listed, plan.hypotheses, strict=False):
        if not same_wording(str(item), row.text):
            message = f"hypothesis {row.number} differs from the frontmatter wording"
            yield Finding(row.line, message, f'Use one wording in both: "{item}"')


def _bounds(value: object) -> tuple[int, int] | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value, value
    match = _RANGE.match(str(value))
    if match:
        return int(match.group(1)), int(match.group(2))
    text = str(value).strip()
    return (int(text), int(text)) if text.isdigit() else None
