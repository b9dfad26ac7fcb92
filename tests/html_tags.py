"""A minimal HTML reader for tests: which tags a page opens, and its text."""

from __future__ import annotations

from html.parser import HTMLParser


class TagCollector(HTMLParser):
    """Feed it a page; ``tags`` lists the start tags, ``text`` the text runs."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
