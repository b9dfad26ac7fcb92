"""Timestamps as people write them, and as seconds."""

from __future__ import annotations

import re

_TIMECODE = re.compile(
    r"^(?:(?P<h>\d{1,3}):)?(?P<m>\d{1,2}):(?P<s>\d{2})(?:[.,](?P<frac>\d{1,3}))?$"
)


def parse_timestamp(text: str) -> float | None:
    """``"00:12:31"``, ``"12:31"``, ``"1:02:03.5"`` or ``"00:01:05,120"`` to seconds.

    Returns None when ``text`` is not a timecode.

    >>> parse_timestamp("00:12:31")
    751.0
    """
    match = _TIMECODE.match(text.strip())
    if match is None:
        return None
    hours = int(match["h"] or 0)
    minutes, seconds = int(match["m"]), int(match["s"])
    if (minutes >= 60 and match["h"] is not None) or seconds >= 60:
        return None
    fraction = float(f"0.{match['frac']}") if match["frac"] else 0.0
    return hours * 3600 + minutes * 60 + seconds + fraction


def format_timestamp(seconds: float) -> str:
    """Seconds as ``HH:MM:SS`` (rounded down), the form snapshots carry.

    >>> format_timestamp(751.9)
    '00:12:31'
    """
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
