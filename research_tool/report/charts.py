"""The two pictures of the findings, as inline SVG built from plain data.

Both charts carry a ``<title>`` and a ``<desc>`` and come with a text
alternative that says what the picture shows. Every piece of text that
reaches the SVG is XML-escaped here, so a topic or participant ID cannot
inject markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

STANCE_COLOURS = {
    "supports": "#2e7d32",
    "challenges": "#c62828",
    "mixed": "#f9a825",
    "none": "#e6e6e6",
}
STANCE_LETTERS = {"supports": "S", "challenges": "C", "mixed": "M", "none": ""}
STANCE_NAMES = {
    "supports": "supports",
    "challenges": "challenges",
    "mixed": "mixed",
    "none": "no data",
}
FONT = 'font-family="system-ui, sans-serif"'


@dataclass(frozen=True)
class Chart:
    title: str
    svg: str  # a complete <svg> element, safe to inline
    alt: str  # the text alternative, plain text


@dataclass(frozen=True)
class SaturationPoint:
    participant: str
    date: str
    new_topics: int
    total_topics: int


def _x(text: object) -> str:
    return escape(str(text), quote=True)


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _open(width: float, height: float, ident: str, title: str, desc: str) -> str:
    return (
        f'<svg viewBox="0 0 {_n(width)} '
        f'{_n(height)}" width="{_n(width)}" height="{_n(height)}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" {FONT} font-size="12">'
        f'<title id="{ident}-title">{_x(title)}</title>'
        f'<desc id="{ident}-desc">{_x(desc)}</desc>'
    )


def evidence_matrix(
    participants: Sequence[str],
    hypotheses: Sequence[str],
    cells: Mapping[tuple[str, str], str],
) -> Chart:
    """Participants (rows) by hypotheses (columns), coloured by stance.

    ``cells`` maps (participant, hypothesis label) to supports, challenges,
    mixed or none; a missing cell is none.
    """
    title = "Evidence matrix: each participant's stance on each hypothesis"
    alt = _matrix_alt(participants, hypotheses, cells)
    cell_w = max(28.0, min(64.0, 480.0 / max(len(hypotheses), 1)))
    cell_h = 20.0 if len(participants) <= 40 else max(2.0, 800.0 / len(participants))
    left, top = 96.0, 28.0
    width = left + cell_w * max(len(hypotheses), 1) + 8
    height = top + cell_h * max(len(participants), 1) + 34

    parts = [_open(width, height, "matrix", title, alt)]
    for col, label in enumerate(hypotheses):
        x = left + col * cell_w + cell_w / 2
        parts.append(
            f'<text x="{_n(x)}" y="18" text-anchor="middle">{_x(label)}</text>'
        )
    if not participants:
        parts.append(
            f'<text x="{_n(left)}" y="{_n(top + 14)}">No interviews yet</text>'
        )
    for row, who in enumerate(participants):
        parts.append(
            _matrix_row(row, who, hypotheses, cells, left, top, cell_w, cell_h)
        )

    parts.append(_legend(top + cell_h * max(len(participants), 1) + 10))
    parts.append("</svg>")
    return Chart(title, "".join(parts), alt)


def _matrix_row(
    row: int,
    who: str,
    hypotheses: Sequence[str],
    cells: Mapping[tuple[str, str], str],
    left: float,
    top: float,
    cell_w: float,
    cell_h: float,
) -> str:
    y = top + row * cell_h
    parts = []
    if cell_h >= 12:
        label_y = _n(y + cell_h / 2 + 4)
        parts.append(f'<text x="{_n(left - 6)}" y="{label_y}" text-anchor="end">')
        parts.append(f"{_x(who)}</text>")
    for col, label in enumerate(hypotheses):
        stance = cells.get((who, label), "none")
        x = left + col * cell_w
        parts.append(
            f'<rect x="{_n(x + 1)}" y="{_n(y + 1)}" width="{_n(cell_w - 2)}" '
            f'height="{_n(max(cell_h - 2, 1))}" fill="{STANCE_COLOURS[stance]}">'
            f"<title>{_x(who)}, {_x(label)}: {STANCE_NAMES[stance]}</title></rect>"
        )
        if cell_h >= 12 and STANCE_LETTERS[stance]:
            parts.append(
                f'<text x="{_n(x + cell_w / 2)}" y="{_n(y + cell_h / 2 + 4)}" '
                f'text-anchor="middle" fill="#fff">{STANCE_LETTERS[stance]}</text>'
            )
    return "".join(parts)


def _legend(y: float) -> str:
    parts = []
    for index, stance in enumerate(STANCE_COLOURS):
        x = 8 + index * 96
        parts.append(
            f'<rect x="{x}" y="{_n(y)}" width="12" height="12" '
            f'fill="{STANCE_COLOURS[stance]}"/>'
            f'<text x="{x + 16}" y="{_n(y + 10)}">{STANCE_NAMES[stance]}</text>'
        )
    return "".join(parts)


def _matrix_alt(
    participants: Sequence[str],
    hypotheses: Sequence[str],
    cells: Mapping[tuple[str, str], str],
) -> str:
    if not participants:
        return "No interviews yet, so no participant has evidence on any hypothesis."
    sentences = [
        f"{_count(len(participants), 'participant')} by "
        f"{_count(len(hypotheses), 'hypothesis', 'hypotheses')}."
    ]
    for label in hypotheses:
        counts = dict.fromkeys(STANCE_COLOURS, 0)
        for who in participants:
            counts[cells.get((who, label), "none")] += 1
        sentences.append(
            f"{label}: {counts['supports']} support, {counts['challenges']} "
            f"challenge, {counts['mixed']} mixed, {counts['none']} no data."
        )
    return " ".join(sentences)


def saturation_curve(points: Sequence[SaturationPoint]) -> Chart:
    """New topic tags per interview (bars) and the running total (line)."""
    title = "Saturation: new topic tags contributed by each successive interview"
    alt = _saturation_alt(points)
    width, height, left, bottom, top = 640.0, 260.0, 44.0, 36.0, 16.0
    plot_w, plot_h = width - left - 12, height - top - bottom
    peak = max([p.total_topics for p in points] + [1])
    step = plot_w / max(len(points), 1)

    parts = [_open(width, height, "saturation", title, alt)]
    parts.append(_axes(left, top, plot_w, plot_h, peak, len(points)))
    if len(points) <= 40:
        parts.append(_ticks(left + step / 2, top + plot_h, step, len(points)))
    if not points:
        parts.append(
            f'<text x="{_n(left + 12)}" y="{_n(top + 20)}">No interviews yet</text>'
        )
    bar_w = min(max(step * 0.8, 0.5), 40.0)
    line: list[str] = []
    for index, point in enumerate(points):
        middle = left + index * step + step / 2
        bar_h = plot_h * point.new_topics / peak
        parts.append(
            f'<rect x="{_n(middle - bar_w / 2)}" y="{_n(top + plot_h - bar_h)}" '
            f'width="{_n(bar_w)}" height="{_n(bar_h)}" fill="#4a78b5">'
            f"<title>{_x(_point_text(index, point))}</title></rect>"
        )
        y_total = top + plot_h - plot_h * point.total_topics / peak
        line.append(f"{_n(middle)},{_n(y_total)}")
        if len(points) <= 40:
            inside = bar_h > 18
            label_y = top + plot_h - bar_h + (14 if inside else -4)
            parts.append(
                f'<circle cx="{_n(middle)}" cy="{_n(y_total)}" r="3" fill="#222"/>'
                f'<text x="{_n(middle)}" y="{_n(label_y)}" text-anchor="middle" '
                f'fill="{"#fff" if inside else "#222"}">{point.new_topics}</text>'
            )
    if line:
        parts.append(
            f'<polyline points="{" ".join(line)}" fill="none" stroke="#222" '
            'stroke-width="2"/>'
        )
    parts.append("</svg>")
    return Chart(title, "".join(parts), alt)


def _axes(left: float, top: float, w: float, h: float, peak: int, n: int) -> str:
    base = top + h
    parts = [
        f'<line x1="{_n(left)}" y1="{_n(top)}" x2="{_n(left)}" y2="{_n(base)}" '
        'stroke="#555"/>',
        f'<line x1="{_n(left)}" y1="{_n(base)}" x2="{_n(left + w)}" y2="{_n(base)}" '
        'stroke="#555"/>',
        f'<text x="{_n(left - 6)}" y="{_n(top + 4)}" text-anchor="end">{peak}</text>',
        f'<text x="{_n(left - 6)}" y="{_n(base + 4)}" text-anchor="end">0</text>',
        f'<text x="{_n(left + w / 2)}" y="{_n(base + 30)}" text-anchor="middle">'
        "interview, in date order · bars: new topic tags · line: tags so far</text>",
    ]
    if n == 0 or n > 40:
        parts.append(f'<text x="{_n(left)}" y="{_n(base + 16)}">1</text>')
        parts.append(
            f'<text x="{_n(left + w)}" y="{_n(base + 16)}" text-anchor="end">'
            f"{max(n, 1)}</text>"
        )
    return "".join(parts)


def _ticks(first: float, base: float, step: float, n: int) -> str:
    """Interview numbers under the bars, thinned so they never collide."""
    every = max(1, int(24 // step) + 1)
    return "".join(
        f'<text x="{_n(first + i * step)}" y="{_n(base + 16)}" '
        f'text-anchor="middle">{i + 1}</text>'
        for i in range(0, n, every)
    )


def _point_text(index: int, point: SaturationPoint) -> str:
    return (
        f"Interview {index + 1} ({point.participant}, {point.date}): "
        f"{point.new_topics} new, {point.total_topics} so far"
    )


def _saturation_alt(points: Sequence[SaturationPoint]) -> str:
    if not points:
        return "No interviews yet, so no topic tags have been raised."
    news = [p.new_topics for p in points]
    text = [
        f"{_count(len(points), 'interview')} raised "
        f"{_count(points[-1].total_topics, 'topic tag')} in all."
    ]
    if len(points) <= 30:
        text.append(
            "New tags per interview, in date order: " + ", ".join(map(str, news)) + "."
        )
    else:
        tenth = max(len(points) // 10, 1)
        text.append(
            f"The first {tenth} interviews added {sum(news[:tenth])} new tags; "
            f"the last {tenth} added {sum(news[-tenth:])}."
        )
    last = max((i for i, n in enumerate(news) if n), default=None)
    if last is not None:
        text.append(
            f"The last interview to add a new tag was interview {last + 1} "
            f"({points[last].participant})."
        )
    return " ".join(text)
