"""Charts of the readiness dashboard, built from selector data with the pure chart functions.

Kept apart from the views so the PDF report can draw exactly the same pictures.
"""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from resguardo.core import charts

from .choices import Result

RESULT_COLORS = {
    Result.COMPLIANT: charts.OK,
    Result.PARTIAL: charts.WARN,
    Result.NON_COMPLIANT: charts.BAD,
    Result.NOT_APPLICABLE: charts.LIGHT,
    Result.NOT_ASSESSED: charts.MUTED,
}


def section_bars(sections: list[dict], *, title: str) -> str:
    rows = [(f"{s['ref_id']} {s['title']}", s["readiness"]) for s in sections]
    return mark_safe(charts.bar_chart(rows, title=title, target=80))  # noqa: S308


def result_donut(tally, *, title: str) -> str:
    segments = [
        (str(label), tally.count(value), RESULT_COLORS[value]) for value, label in Result.choices
    ]
    center = charts.fmt_number(tally.readiness) + "%" if tally.readiness is not None else "—"
    return mark_safe(charts.donut_chart(segments, title=title, center_text=center))  # noqa: S308


def trend_lines(current, trend: dict, *, title: str) -> str:
    series = [
        (item.assessment.library.short_name, trend.get(item.assessment.pk, [])) for item in current
    ]
    return mark_safe(  # noqa: S308
        charts.line_chart(series, title=title, no_data_text=_("No history yet"))
    )


def coverage_bar(counts: dict, *, title: str) -> str:
    segments = [
        (_("Fully covered"), counts.get("full", 0), charts.OK),
        (_("Partly covered"), counts.get("partial", 0), charts.WARN),
        (_("Not covered"), counts.get("none", 0), charts.BAD),
    ]
    return mark_safe(charts.stacked_bar(segments, title=title))  # noqa: S308
