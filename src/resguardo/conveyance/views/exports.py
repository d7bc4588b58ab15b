import datetime

from django import forms
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from resguardo.core.exports import export_format
from resguardo.core.views.mixins import OrganizationRequiredMixin
from resguardo.core.widgets import DateInput

from .. import selectors
from ..exports import inspection_export, seal_log_export
from ..filtersets import InspectionFilterSet, SealEventFilterSet


class RangeForm(forms.Form):
    date_from = forms.DateField(label=_("From"), widget=DateInput())
    date_to = forms.DateField(label=_("To"), widget=DateInput())


class ExportsView(OrganizationRequiredMixin, TemplateView):
    template_name = "conveyance/exports.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        form = RangeForm(
            initial={"date_from": today - datetime.timedelta(days=30), "date_to": today}
        )
        return super().get_context_data(form=form, **kwargs)


def _range_label(request) -> str:
    start, end = request.GET.get("date_from", ""), request.GET.get("date_to", "")
    return f"-{start}-{end}" if start and end else ""


class SealLogExportView(OrganizationRequiredMixin, View):
    def get(self, request):
        fmt = export_format(request)
        filterset = SealEventFilterSet(
            request.GET,
            queryset=selectors.event_list(membership=self.membership),
            request=request,
        )
        if not filterset.is_valid():
            raise Http404
        return seal_log_export(fmt, filterset.qs, _range_label(request))


class InspectionExportView(OrganizationRequiredMixin, View):
    def get(self, request):
        fmt = export_format(request)
        filterset = InspectionFilterSet(
            request.GET,
            queryset=selectors.inspection_list(membership=self.membership),
            request=request,
        )
        if not filterset.is_valid():
            raise Http404
        return inspection_export(fmt, filterset.qs, _range_label(request))
