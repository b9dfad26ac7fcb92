"""Deterministic GUIDs, so two exports of one study are byte-identical.

Every element of a REFI-QDA project needs a GUID. We derive each one with
``uuid5`` from a stable name (the kind of thing and the names that identify
it), so the same study always gets the same GUIDs.
"""

from __future__ import annotations

import uuid

# A fixed namespace for every GUID research_tool writes.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://research-tool.invalid/refi-qda")


def guid(kind: str, *names: str) -> str:
    """The GUID (8-4-4-4-12 lowercase hex) of the ``kind`` thing named ``names``.

    >>> guid("code", "type/need") == guid("code", "type/need")
    True
    """
    name = "\x1f".join((kind, *names))
    return str(uuid.uuid5(NAMESPACE, name))
