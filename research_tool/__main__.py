"""Allow ``python -m research_tool``."""

from __future__ import annotations

from research_tool.cli import main

if __name__ == "__main__":
    main()
