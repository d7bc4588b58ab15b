from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import dashboard_charts, selectors
from ..scoring import RESULT_VALUE


class ReadinessDashboardView(OrganizationRequiredMixin, TemplateView):
    """Certification readiness: per framework and standard, trend, gaps, actions, evidence."""

    template_name = "compliance/dashboard.html"

    def get_context_data(self, **kwargs):
        data = selectors.dashboard_data(membership=self.membership)
        for item in data.current:
            name = item.assessment.library.short_name
            item.bars_svg = dashboard_charts.section_bars(
                item.sections, title=_("Readiness per standard: %(name)s") % {"name": name}
            )
            if item.readiness:
                item.donut_svg = dashboard_charts.result_donut(
                    item.readiness.overall, title=_("Results: %(name)s") % {"name": name}
                )
        return super().get_context_data(
            data=data,
            trend_svg=dashboard_charts.trend_lines(
                data.current, data.trend, title=_("Readiness over time")
            ),
            result_values=RESULT_VALUE,
            **kwargs,
        )


class RecognitionView(OrganizationRequiredMixin, TemplateView):
    """Mutual recognition: what the NEEC assessment means for C-TPAT and WCO SAFE AEO."""

    template_name = "compliance/recognition.html"

    def get_context_data(self, **kwargs):
        assessment = None
        wanted = self.request.GET.get("assessment")
        if wanted and wanted.isdigit():
            assessment = get_object_or_404(
                selectors.assessment_list(membership=self.membership).filter(
                    library__framework__key="neec-aa"
                ),
                pk=wanted,
            )
        view = selectors.recognition_view(membership=self.membership, assessment=assessment)
        reports = []
        for report in view.reports:
            counts = report.counts()
            reports.append(
                {
                    "report": report,
                    "counts": counts,
                    "svg": dashboard_charts.coverage_bar(
                        counts, title=str(report.mapping_set.target_library.name)
                    ),
                    "uncovered": [t for t in report.targets if not t.mapped],
                }
            )
        return super().get_context_data(view=view, reports=reports, **kwargs)
