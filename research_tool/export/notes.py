"""The snapshot sections a REFI-QDA project carries as Notes."""

from __future__ import annotations

from research_tool.model import Snapshot

NOTE_SECTIONS = ("Summary", "Experience Map", "Opportunities")


def snapshot_notes(snapshot: Snapshot) -> list[tuple[str, str]]:
    """``(title, text)`` for each of Summary, Experience Map and Opportunities.

    Opportunities come from the section text when the parser kept it, else
    from the parsed table. Empty sections are left out.
    """
    notes = []
    for title in NOTE_SECTIONS:
        text = snapshot.sections.get(title, "").strip()
        if not text and title == "Opportunities":
            text = _opportunities_text(snapshot)
        if text:
            notes.append((title, text))
    return notes


def _opportunities_text(snapshot: Snapshot) -> str:
    lines = []
    for number, item in enumerate(snapshot.opportunities, start=1):
        line = f"{number}. {item.opportunity} ({item.strength})"
        lines.append(f'{line}: "{item.quote}"' if item.quote else line)
    return "\n".join(lines)
