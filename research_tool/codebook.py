"""A study's optional ``codebook.yaml``: topic tags and extra cue terms.

```yaml
topics:                       # tag -> words that mean it
  account-health: [health score, at risk, churn risk]
  weekly-reporting: [status update, deck, QBR]
hypotheses:                   # plan hypothesis number -> extra cue terms
  1: [status report, leadership deck]
  4: [escalation, ticket backlog]
```

Tags are lowercase and hyphenated. A malformed file raises CodebookError
with the line of the problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from research_tool.errors import CodebookError
from research_tool.fileio import read_text

FILE_NAME = "codebook.yaml"
TAG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Codebook:
    """Topic tags with synonyms, and extra cue terms per hypothesis."""

    topics: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cues: dict[int, tuple[str, ...]] = field(default_factory=dict)
    path: Path | None = None
    lines: dict[int, int] = field(default_factory=dict)  # hypothesis -> its line


def check_hypotheses(codebook: Codebook, numbers: set[int]) -> None:
    """Refuse cue terms for a hypothesis the plan does not have."""
    for number in sorted(codebook.cues):
        if number not in numbers:
            known = ", ".join(str(n) for n in sorted(numbers)) or "none"
            message = (
                f"cue terms for hypothesis {number}, which the plan does not have "
                f"(it has {known}); fix the number or remove the entry"
            )
            raise CodebookError(
                codebook.path or FILE_NAME, codebook.lines.get(number, 0), message
            )


def load_codebook(study_root: Path | None) -> Codebook:
    """The study's codebook, or an empty one when the study has none."""
    if study_root is None or not (study_root / FILE_NAME).is_file():
        return Codebook()
    path = study_root / FILE_NAME
    return parse_codebook(path, read_text(path).text)


def parse_codebook(path: Path, text: str) -> Codebook:
    """Parse codebook YAML; every problem names its line."""
    try:
        root = yaml.compose(text)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise CodebookError(path, line, f"not valid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:  # e.g. a control character the reader refuses
        raise CodebookError(path, 0, f"not valid YAML: {exc}") from None
    if root is None:
        return Codebook(path=path)
    _expect(path, root, yaml.MappingNode, "a mapping with `topics` and `hypotheses`")

    topics: dict[str, tuple[str, ...]] = {}
    cues: dict[int, tuple[str, ...]] = {}
    lines: dict[int, int] = {}
    for key, value in root.value:
        if key.value == "topics":
            topics = _topics(path, value)
        elif key.value == "hypotheses":
            cues, lines = _cues(path, value)
        else:
            raise CodebookError(
                path, _line(key), f"unknown key `{key.value}`; use topics or hypotheses"
            )
    return Codebook(topics=topics, cues=cues, path=path, lines=lines)


def _topics(path: Path, node: yaml.Node) -> dict[str, tuple[str, ...]]:
    _expect(path, node, yaml.MappingNode, "a mapping of tag -> list of synonyms")
    found = {}
    for key, value in node.value:
        if not TAG.match(str(key.value)):
            message = f"topic tag `{key.value}` must be lowercase and hyphenated"
            raise CodebookError(path, _line(key), message)
        found[str(key.value)] = _terms(path, value)
    return found


def _cues(
    path: Path, node: yaml.Node
) -> tuple[dict[int, tuple[str, ...]], dict[int, int]]:
    _expect(path, node, yaml.MappingNode, "a mapping of hypothesis number -> terms")
    found = {}
    lines = {}
    for key, value in node.value:
        if not re.fullmatch(r"[0-9]+", str(key.value)):
            message = f"`{key.value}` is not a hypothesis number (1, 2, ...)"
            raise CodebookError(path, _line(key), message)
        found[int(key.value)] = _terms(path, value)
        lines[int(key.value)] = _line(key)
    return found, lines


def _terms(path: Path, node: yaml.Node) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode) and node.value == "":
        return ()
    _expect(path, node, yaml.SequenceNode, "a list of words or phrases")
    for item in node.value:
        _expect(path, item, yaml.ScalarNode, "a word or phrase")
    return tuple(str(item.value).strip() for item in node.value if item.value.strip())


def _expect(path: Path, node: yaml.Node, kind: type[yaml.Node], what: str) -> None:
    if not isinstance(node, kind):
        raise CodebookError(path, _line(node), f"expected {what}")


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1
