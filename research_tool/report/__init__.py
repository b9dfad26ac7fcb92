"""The findings document: Markdown and a self-contained HTML page."""
