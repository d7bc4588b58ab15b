"""The anonymous channel, reached without an account through a site's link or QR poster.

An unknown or revoked link gets one and the same page that names nothing. A report gets a
receipt code, shown once; with it the reporter can see the report's status, nothing else.
No account, address or device is kept with the report; the per-address counter keeps only a
keyed hash of the address.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from resguardo.core.forms import add_service_errors

from .. import services
from ..choices import IncidentStatus
from ..forms import AnonymousReportForm, ReceiptForm

PRIVATE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",  # the token stays on this site (CSRF still works)
    "X-Robots-Tag": "noindex, nofollow",
}

# What the reporter may learn: where the report stands, in plain words, nothing more.
PUBLIC_STATUS = {
    IncidentStatus.OPEN: gettext_lazy("Received: the compliance officers have your report."),
    IncidentStatus.INVESTIGATING: gettext_lazy("Under investigation."),
    IncidentStatus.CLOSED: gettext_lazy("Investigation closed."),
}


def client_address(request) -> str:
    return (request.META.get("REMOTE_ADDR") or "")[:64]


def private(response):
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def invalid_link(request):
    return private(render(request, "incidents/public/invalid_link.html", status=404))


def flood_refused(request):
    return private(render(request, "incidents/public/too_many.html", status=429))


class _PublicView(View):
    def dispatch(self, request, token, *args, **kwargs):
        self.link = services.reporting_link_for_token(token)
        if self.link is None:
            return invalid_link(request)
        return super().dispatch(request, *args, **kwargs)

    def page(self, template, status=200, **context):
        context = {"token": self.link.token, **context}  # names nothing of the agency
        return private(render(self.request, template, context, status=status))


class AnonymousReportView(_PublicView):
    template = "incidents/public/report.html"

    def get(self, request):
        return self.page(self.template, form=AnonymousReportForm())

    def post(self, request):
        if not services.anonymous_request_allowed(address=client_address(request)):
            return flood_refused(request)
        form = AnonymousReportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                _incident, code = services.anonymous_report(link=self.link, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return self.page("incidents/public/thanks.html", code=code)
        return self.page(self.template, status=400, form=form)


class ReceiptStatusView(_PublicView):
    template = "incidents/public/status.html"

    def get(self, request):
        return self.page(self.template, form=ReceiptForm())

    def post(self, request):
        if not services.anonymous_request_allowed(address=client_address(request)):
            return flood_refused(request)
        form = ReceiptForm(request.POST)
        status_text = None
        if form.is_valid():
            incident = services.anonymous_report_status(
                link=self.link, code=form.cleaned_data["code"]
            )
            if incident is None:
                form.add_error("code", _("No report has this receipt code."))
            else:
                status_text = PUBLIC_STATUS[incident.status]
        return self.page(
            self.template, status=200 if status_text else 400, form=form, status_text=status_text
        )
