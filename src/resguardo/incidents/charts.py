"""Count bars for the statistics page. core.charts draws 0–100 scores coloured as good or bad;
incident counts are neither, so these bars are one neutral colour with the count beside them.
Built from core.charts' palette and number format (a candidate to move to core.charts)."""

from collections.abc import Sequence
from html import escape

from resguardo.core.charts import FONT, INFO, INK, LIGHT, fmt_number


def count_bars(rows: Sequence[tuple[str, float]], *, title: str, width: int = 640,
               label_width: int = 230, no_data_text: str = "—") -> str:  # fmt: skip
    bar_h, gap, top = 20, 8, 8
    height = top + max(len(rows), 1) * (bar_h + gap) + 8
    plot = width - label_width - 60
    largest = max((value for _label, value in rows), default=0) or 1
    t = escape(str(title))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{t}" '
        f'style="max-width:100%;height:auto;{FONT}"><title>{t}</title>'
    ]
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
