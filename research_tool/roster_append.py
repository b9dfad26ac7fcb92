"""Appending entries to a roster file without rewriting what a person typed.

New entries go after the last entry of their section, with the same
indentation; a flow list (``people: [...]``) gets them before its ``]``;
a missing or empty section is written at the end of the file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from research_tool.roster import Entry


def append_entries(text: str, section: str, entries: Sequence[Entry]) -> str:
    """``text`` with ``entries`` added at the end of its ``section`` list."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    node = _section_node(root, section)

    if node is None or _is_empty(node):
        text = _drop_empty_section(text, root, section)
        block = f"{section}:\n" + "".join(_block_item(e, "  ") for e in entries)
        return text.rstrip("\n") + "\n" + block if text.strip() else block
    if isinstance(node, yaml.SequenceNode) and node.flow_style:
        items = ", ".join(_flow_item(e) for e in entries)
        end = node.end_mark.index - 1
        return text[:end] + ", " + items + text[end:]

    last = node.value[-1]
    indent = _dash_indent(text, last)
    insert_at = _line_end(text, _deepest_end(last))
    block = "".join(_block_item(e, indent) for e in entries)
    return text[:insert_at] + block + text[insert_at:]


def _section_node(root: yaml.Node | None, section: str) -> yaml.Node | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if key.value == section:
            node: yaml.Node = value
            return node
    return None


def _is_empty(node: yaml.Node) -> bool:
    if isinstance(node, yaml.ScalarNode):
        return True
    return isinstance(node, yaml.SequenceNode) and not node.value


def _drop_empty_section(text: str, root: yaml.Node | None, section: str) -> str:
    """Remove a ``section:`` line whose value is empty, so it can be rewritten."""
    if not isinstance(root, yaml.MappingNode):
        return text
    for key, _ in root.value:
        if key.value == section:
            start = key.start_mark.index - key.start_mark.column
            end = _line_end(text, key.end_mark.index)
            return text[:start] + text[end:]
    return text


def _deepest_end(node: yaml.Node) -> int:
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return int(node.end_mark.index)


def _dash_indent(text: str, item: yaml.Node) -> str:
    line_start = item.start_mark.index - item.start_mark.column
    prefix = text[line_start : item.start_mark.index]
    dash = prefix.rfind("-")
    return prefix[:dash] if dash >= 0 else " " * max(item.start_mark.column - 2, 0)


def _line_end(text: str, index: int) -> int:
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _block_item(entry: Entry, indent: str) -> str:
    lines = f"{indent}- name: {_quote(entry.name)}\n"
    lines += f"{indent}  pseudonym: {_quote(entry.pseudonym)}\n"
    return lines


def _flow_item(entry: Entry) -> str:
    return f"{{name: {_quote(entry.name)}, pseudonym: {_quote(entry.pseudonym)}}}"


def _quote(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)
