"""The self-assessment report as a PDF (WeasyPrint): the profile as the authority reads it.

Cover (organization, RFC, patentes, framework version, scope, dates, sign-off), summary charts
(the dashboard's own SVG functions, inline), then every standard and requirement in the
profile's order with the written answer, result, score, owner, review and evidence (file
name, revision, classification, SHA-256). The texts come from the catalog in the language of
the report; the answers are printed as written.
"""

import re

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from resguardo.compliance import dashboard_charts, selectors
from resguardo.compliance.choices import Result
from resguardo.compliance.presenters import flag_labels
from resguardo.compliance.requirement_indicators import fill_report_indicators
from resguardo.core.selectors import patente_list

from .choices import report_language, written_in

PDF_TYPE = "application/pdf"
# Widest chart that fits the text column of a Letter page with the report's margins (CSS px).
MAX_CHART_WIDTH = 660
_SVG_SIZE = re.compile(r'<svg[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"')


def css_string(text: str) -> str:
    """A CSS string literal for `content:` (quotes, backslashes, line ends and `<` escaped)."""
    escaped = (
        str(text)
        .replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("<", "\\3C ")
        .replace("\n", " ")
        .replace("\r", " ")
    )
    return f'"{escaped}"'


def page_counter_css() -> str:
    """`"Page " counter(page) " of " counter(pages)`, in the active language."""
    # Translators: the page footer of PDF reports; keep both placeholders.
    template = _("Page %(page)s of %(pages)s")
    parts = re.split(r"(%\((?:page|pages)\)s)", template)
    out = []
    for part in parts:
        if part == "%(page)s":
            out.append("counter(page)")
        elif part == "%(pages)s":
            out.append("counter(pages)")
        elif part:
            out.append(css_string(part))
    return " ".join(out)


def sized_chart(svg: str, *, max_width: int = MAX_CHART_WIDTH) -> str:
    """Give an inline chart its own box: PDF renderers size `height:auto` SVG poorly, so the
    box takes the chart's width and height (scaled down to fit the column)."""
    match = _SVG_SIZE.search(svg)
    if not match:
        return svg
    width, height = float(match.group(1)), float(match.group(2))
    if width > max_width:
        height, width = height * max_width / width, max_width
    return mark_safe(  # noqa: S308 - the SVG comes escaped from the chart functions
        f'<div class="chart" style="width:{width:.0f}px;height:{height:.0f}px">{svg}</div>'
    )


def _section_rows(data) -> list[dict]:
    return [
        {
            "ref_id": section.node.ref_id,
            "title": section.node.title,
            "readiness": section.readiness,
            "progress": section.progress,
            "tally": section.tally,
            "counts": [section.tally.count(value) for value in Result.values],
        }
        for section in data.sections
    ]


def report_context(*, membership, assessment, data=None) -> dict:
    """Everything the template shows. Call inside `written_in(language)`."""
    data = data or selectors.assessment_report_data(membership=membership, assessment=assessment)
    fill_report_indicators(data, organization=data.organization, site=assessment.site)
    rows = _section_rows(data)
    overall = data.readiness.overall
    name = assessment.library.short_name or assessment.library.name
    return {
        "data": data,
        "assessment": assessment,
        "organization": data.organization,
        "patentes": list(patente_list(membership=membership)),
        "library": data.library,
        "flags": flag_labels(assessment),
        "snapshot": data.snapshot,
        "overall": overall,
        "section_rows": rows,
        "result_choices": Result.choices,
        "result_counts": [(label, overall.count(value)) for value, label in Result.choices],
        "donut_svg": sized_chart(
            dashboard_charts.result_donut(overall, title=_("Results: %(name)s") % {"name": name})
        ),
        "bars_svg": sized_chart(
            dashboard_charts.section_bars(
                rows, title=_("Readiness per standard: %(name)s") % {"name": name}
            )
        ),
        "generated_at": timezone.localtime(data.generated_at),
        "generated_by": membership.user,
        "header_left": mark_safe(css_string(data.organization.legal_name)),  # noqa: S308
        "header_right": mark_safe(  # noqa: S308
            css_string(f"{_('Self-assessment report')} · {assessment.library}")
        ),
        "footer_left": mark_safe(  # noqa: S308
            css_string(
                _("Signed off · SHA-256 %(hash)s") % {"hash": assessment.snapshot_sha256[:16]}
                if assessment.is_frozen
                else _("Working copy, not signed off")
            )
        ),
        "page_counter": mark_safe(page_counter_css()),  # noqa: S308
    }


def _refuse_fetch(url, *args, **kwargs):
    """The report embeds everything it shows; it never fetches a URL (not even a file)."""
    raise ValueError(f"report rendering does not fetch resources: {url[:80]}")


def render_assessment_html(*, membership, assessment, language: str, data=None) -> str:
    with written_in(language):
        context = report_context(membership=membership, assessment=assessment, data=data)
        context["language"] = report_language(language)
        return render_to_string("reports/pdf/assessment.html", context)


def render_assessment_pdf(*, membership, assessment, language: str, data=None) -> bytes:
    from weasyprint import HTML

    html = render_assessment_html(
        membership=membership, assessment=assessment, language=language, data=data
    )
    return HTML(string=html, url_fetcher=_refuse_fetch).write_pdf()


FILE_STEMS = {"es": "autoevaluacion", "en": "self-assessment"}


def pdf_filename(assessment, language: str) -> str:
    language = report_language(language)
    return f"{FILE_STEMS[language]}-{assessment.pk}-{language}.pdf"
