"""``research lint``: check a plan's questions and hypotheses before fieldwork.

Every rule is a small function with one signature, ``Rule``: it reads a
``PlanDoc`` and yields ``Finding``s. ``RULES`` lists them in the order their
findings are reported on a line; ``engine.lint_plan`` runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from research_tool.lint import hypotheses, plan_shape, questions, screener
from research_tool.lint.document import PlanDoc
from research_tool.lint.findings import Finding

Rule = Callable[[PlanDoc], Iterable[Finding]]


@dataclass(frozen=True)
class RuleInfo:
    """A rule: its id (for output and ``--disable``), check and explanation."""

    id: str
    check: Rule
    explanation: str


RULES: tuple[RuleInfo, ...] = (
    RuleInfo("future-question", questions.future_question, questions.FUTURE_WHY),
    RuleInfo("opinion-question", questions.opinion_question, questions.OPINION_WHY),
    RuleInfo("leading-question", questions.leading_question, questions.LEADING_WHY),
    RuleInfo("solution-pitch", questions.solution_pitch, questions.PITCH_WHY),
    RuleInfo("yes-no-question", questions.yes_no_question, questions.YES_NO_WHY),
    RuleInfo("double-question", questions.double_question, questions.DOUBLE_WHY),
    RuleInfo("screener-opinion", screener.screener_opinion, screener.SCREENER_WHY),
    RuleInfo(
        "hypothesis-no-action",
        hypotheses.hypothesis_no_action,
        hypotheses.NO_ACTION_WHY,
    ),
    RuleInfo(
        "hypothesis-feeling", hypotheses.hypothesis_feeling, hypotheses.FEELING_WHY
    ),
    RuleInfo("hypothesis-vague", hypotheses.hypothesis_vague, hypotheses.VAGUE_WHY),
    RuleInfo("sample-size", plan_shape.sample_size, plan_shape.SAMPLE_WHY),
    RuleInfo(
        "hypotheses-disagree",
        plan_shape.hypotheses_disagree,
        plan_shape.DISAGREE_WHY,
    ),
)
RULE_IDS: tuple[str, ...] = tuple(rule.id for rule in RULES)
