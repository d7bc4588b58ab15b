"""Server-rendered SVG charts: data in, SVG text out.

Pure functions with no request, model or template, for every module's dashboard: a page
inlines them and the PDF report embeds the same strings, so the page and the paper show the
same picture. Colours are attributes, not CSS classes, because a PDF renderer sees the SVG
without the site stylesheet.
Labels are escaped; every chart carries a <title> and an aria-label for screen readers.
"""

import datetime
import math
from collections.abc import Callable, Mapping, Sequence
from html import escape

OK = "#1e7b46"
WARN = "#b7791f"
BAD = "#b03a2e"
INFO = "#2e6da4"
MUTED = "#aab4be"
LIGHT = "#e6eaee"
INK = "#1b2631"
PALETTE = [INFO, "#0f5c4d", "#c9822b", "#7d3c98", "#117a8b", BAD]
FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif"


def fmt_number(value: float) -> str:
    """1 decimal at most, no trailing zeros: 80, 72.5."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _open(width: int, height: int, title: str) -> str:
    t = escape(str(title))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{t}" '
        f'style="max-width:100%;height:auto;{FONT}"><title>{t}</title>'
    )


def score_color(value: float | None) -> str:
    if value is None:
        return MUTED
    if value >= 80:
        return OK
    if value >= 50:
        return WARN
    return BAD


def bar_chart(
    rows: Sequence[tuple[str, float | None]],
    *,
    title: str,
    width: int = 640,
    label_width: int = 230,
    target: float | None = None,
    no_data_label: str = "—",
) -> str:
    """Horizontal bars on a 0–100 scale, one per (label, percent or None)."""
    bar_h, gap, top = 20, 8, 8
    height = top + len(rows) * (bar_h + gap) + 20
    plot = width - label_width - 60
    parts = [_open(width, height, title)]
    for i, (label, value) in enumerate(rows):
        y = top + i * (bar_h + gap)
        text = escape(str(label))
        if len(text) > 34:
            text = text[:33] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 14}" font-size="12" text-anchor="end" '
            f'fill="{INK}">{text}</text>'
            f'<rect x="{label_width}" y="{y}" width="{plot}" height="{bar_h}" fill="{LIGHT}"/>'
        )
        if value is not None:
            w = max(0.0, min(100.0, value)) * plot / 100
            parts.append(
                f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                f'fill="{score_color(value)}"/>'
            )
        shown = f"{fmt_number(value)}%" if value is not None else escape(no_data_label)
        parts.append(
            f'<text x="{label_width + plot + 6}" y="{y + 14}" font-size="12" '
            f'fill="{INK}">{shown}</text>'
        )
    if target is not None:
        x = label_width + plot * target / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 16}" '
            f'stroke="{INK}" stroke-dasharray="4 3"/>'
        )
    scale_y = height - 4
    for tick in (0, 50, 100):
        x = label_width + plot * tick / 100
        parts.append(
            f'<text x="{x:.1f}" y="{scale_y}" font-size="10" text-anchor="middle" '
            f'fill="{INK}">{tick}%</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def count_bars(
    rows: Sequence[tuple[str, float]],
    *,
    title: str,
    width: int = 640,
    label_width: int = 230,
    no_data_text: str = "—",
) -> str:
    """Horizontal bars of counts (incidents per kind, visits per site): neither good nor bad,
    so one neutral colour, scaled to the largest, with the count beside each bar."""
    bar_h, gap, top = 20, 8, 8
    height = top + max(len(rows), 1) * (bar_h + gap) + 8
    plot = width - label_width - 60
    largest = max((value for _label, value in rows), default=0) or 1
    parts = [_open(width, height, title)]
    if not rows:
        parts.append(
            f'<text x="{width / 2}" y="{top + 14}" font-size="12" text-anchor="middle" '
            f'fill="{INK}">{escape(str(no_data_text))}</text>'
        )
    for i, (label, value) in enumerate(rows):
        y = top + i * (bar_h + gap)
        text = escape(str(label))
        text = text if len(text) <= 34 else text[:33] + "…"
        w = plot * value / largest
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 14}" font-size="12" text-anchor="end" '
            f'fill="{INK}">{text}</text>'
            f'<rect x="{label_width}" y="{y}" width="{plot}" height="{bar_h}" fill="{LIGHT}"/>'
            f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{INFO}"/>'
            f'<text x="{label_width + plot + 6}" y="{y + 14}" font-size="12" '
            f'fill="{INK}">{fmt_number(value)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def donut_chart(
    segments: Sequence[tuple[str, float, str]],
    *,
    title: str,
    center_text: str = "",
    size: int = 180,
    legend_width: int = 200,
) -> str:
    """A ring of (label, value, colour) segments with a legend on the right."""
    total = sum(v for _l, v, _c in segments if v > 0)
    radius, stroke = size / 2 - 14, 24
    cx = cy = size / 2
    circumference = 2 * math.pi * radius
    height = max(size, 22 * len(segments) + 10)
    parts = [_open(size + legend_width, height, title)]
    parts.append(
        f'<circle cx="{cx}" cy="{cy}" r="{radius:.1f}" fill="none" stroke="{LIGHT}" '
        f'stroke-width="{stroke}"/>'
    )
    offset = 0.0
    for _label, value, color in segments:
        if value <= 0 or not total:
            continue
        length = circumference * value / total
        parts.append(
            f'<circle cx="{cx}" cy="{cy}" r="{radius:.1f}" fill="none" stroke="{color}" '
            f'stroke-width="{stroke}" stroke-dasharray="{length:.2f} {circumference:.2f}" '
            f'stroke-dashoffset="{-offset:.2f}" transform="rotate(-90 {cx} {cy})"/>'
        )
        offset += length
    if center_text:
        parts.append(
            f'<text x="{cx}" y="{cy + 7}" font-size="20" font-weight="700" '
            f'text-anchor="middle" fill="{INK}">{escape(center_text)}</text>'
        )
    for i, (label, value, color) in enumerate(segments):
        y = 10 + i * 22
        parts.append(
            f'<rect x="{size + 10}" y="{y}" width="12" height="12" fill="{color}"/>'
            f'<text x="{size + 28}" y="{y + 11}" font-size="12" fill="{INK}">'
            f"{escape(str(label))}: {fmt_number(value)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def line_chart(
    series: Sequence[tuple[str, Sequence[tuple[datetime.date, float]]]],
    *,
    title: str,
    width: int = 640,
    height: int = 220,
    no_data_text: str = "",
) -> str:
    """One line per (label, [(date, percent)]) on a 0–100 scale over the dates shown."""
    left, right, top, bottom = 36, 12, 10, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    dates = sorted({d for _label, points in series for d, _v in points})
    parts = [_open(width, height, title)]
    for tick in (0, 25, 50, 75, 100):
        y = top + plot_h * (1 - tick / 100)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            f'stroke="{LIGHT}"/><text x="{left - 4}" y="{y + 4:.1f}" font-size="10" '
            f'text-anchor="end" fill="{INK}">{tick}</text>'
        )
    if not dates:
        parts.append(
            f'<text x="{width / 2}" y="{height / 2}" font-size="13" text-anchor="middle" '
            f'fill="{INK}">{escape(no_data_text)}</text></svg>'
        )
        return "".join(parts)
    first, last = dates[0], dates[-1]
    span = max((last - first).days, 1)

    def x_of(day):
        return left + plot_w * ((day - first).days / span if span else 0.5)

    for i, (label, points) in enumerate(series):
        color = PALETTE[i % len(PALETTE)]
        coords = [
            (x_of(d), top + plot_h * (1 - max(0, min(100, v)) / 100)) for d, v in sorted(points)
        ]
        if len(coords) == 1:
            x, y = coords[0]
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{color}"/>')
        elif coords:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2.5"/>'
            )
        ly = height - 8
        lx = left + i * 190
        parts.append(
            f'<rect x="{lx}" y="{ly - 9}" width="10" height="10" fill="{color}"/>'
            f'<text x="{lx + 14}" y="{ly}" font-size="11" fill="{INK}">'
            f"{escape(str(label))[:28]}</text>"
        )
    parts.append(
        f'<text x="{left}" y="{top + plot_h + 14}" font-size="10" fill="{INK}">'
        f"{first.isoformat()}</text>"
        f'<text x="{width - right}" y="{top + plot_h + 14}" font-size="10" '
        f'text-anchor="end" fill="{INK}">{last.isoformat()}</text></svg>'
    )
    return "".join(parts)


def stacked_bar(segments: Sequence[tuple[str, float, str]], *, title: str, width: int = 640) -> str:
    """One horizontal bar split into (label, count, colour) parts, with a legend."""
    height = 56
    total = sum(v for _l, v, _c in segments if v > 0)
    parts = [_open(width, height, title)]
    parts.append(f'<rect x="0" y="0" width="{width}" height="22" fill="{LIGHT}"/>')
    x = 0.0
    for _label, value, color in segments:
        if value <= 0 or not total:
            continue
        w = width * value / total
        parts.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="22" fill="{color}"/>')
        x += w
    lx = 0
    for label, value, color in segments:
        text = f"{escape(str(label))}: {fmt_number(value)}"
        parts.append(
            f'<rect x="{lx}" y="34" width="10" height="10" fill="{color}"/>'
            f'<text x="{lx + 14}" y="44" font-size="11" fill="{INK}">{text}</text>'
        )
        lx += 14 + 7 * len(text) + 16
    parts.append("</svg>")
    return "".join(parts)


def heat_map(
    counts: Mapping[tuple[int, int], int],
    *,
    rows: int,
    cols: int,
    title: str,
    color_of: Callable[[int, int], str],
    row_label: str = "",
    col_label: str = "",
    cell: int = 56,
) -> str:
    """A rows × cols grid (row 1 at the bottom, column 1 on the left) of counts per cell,
    e.g. risks by likelihood (rows) and impact (columns). `color_of(row, col)` paints a cell;
    empty cells are drawn lighter so the filled ones stand out."""
    left, bottom, top = 44, 40, 6
    width, height = left + cols * cell + 4, top + rows * cell + bottom
    parts = [_open(width, height, title)]
    for row in range(1, rows + 1):
        y = top + (rows - row) * cell
        parts.append(
            f'<text x="{left - 8}" y="{y + cell / 2 + 4:.1f}" font-size="12" '
            f'text-anchor="end" fill="{INK}">{row}</text>'
        )
        for col in range(1, cols + 1):
            x = left + (col - 1) * cell
            n = counts.get((row, col), 0)
            opacity = "1" if n else "0.25"
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" rx="3" '
                f'fill="{color_of(row, col)}" fill-opacity="{opacity}"/>'
            )
            if n:
                parts.append(
                    f'<text x="{x + (cell - 2) / 2:.1f}" y="{y + cell / 2 + 5:.1f}" '
                    f'font-size="16" font-weight="700" text-anchor="middle" fill="#fff">'
                    f"{n}</text>"
                )
    for col in range(1, cols + 1):
        x = left + (col - 1) * cell + (cell - 2) / 2
        parts.append(
            f'<text x="{x:.1f}" y="{top + rows * cell + 14}" font-size="12" '
            f'text-anchor="middle" fill="{INK}">{col}</text>'
        )
    parts.append(
        f'<text x="{left + cols * cell / 2:.1f}" y="{height - 6}" font-size="12" '
        f'text-anchor="middle" fill="{INK}">{escape(str(col_label))}</text>'
        f'<text x="12" y="{top + rows * cell / 2:.1f}" font-size="12" text-anchor="middle" '
        f'fill="{INK}" transform="rotate(-90 12 {top + rows * cell / 2:.1f})">'
        f"{escape(str(row_label))}</text></svg>"
    )
    return "".join(parts)
