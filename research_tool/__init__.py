"""research_tool: offline tooling for interview studies."""

from __future__ import annotations

__version__ = "0.1.0"
