"""The renewal readiness page and the E4 profile (page, XLSX, PDF)."""

from django.http import Http404
from django.views.generic import TemplateView, View

from resguardo.core.permissions import Perm
from resguardo.core.selectors import site_list
from resguardo.core.views.mixins import OrganizationRequiredMixin

from ..e4 import e4_profile
from ..exports import e4_pdf, e4_xlsx
from ..forms import E4Form
from ..readiness import renewal_readiness


class ReadinessView(OrganizationRequiredMixin, TemplateView):
    template_name = "certification/readiness.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            readiness=renewal_readiness(membership=self.membership), **kwargs
        )


class E4Mixin(OrganizationRequiredMixin):
    required_perm = Perm.VIEW

    def profile(self):
        form = E4Form(self.request.GET or None, sites=site_list(membership=self.membership))
        if self.request.GET and not form.is_valid():
            raise Http404
        data = form.cleaned_data if self.request.GET else {}
        self.form = form
        return e4_profile(
            membership=self.membership,
            site=data.get("site"),
            request_type=data.get("request_type") or None,
        )


class E4ProfileView(E4Mixin, TemplateView):
    template_name = "certification/e4_profile.html"

    def get_context_data(self, **kwargs):
        profile = self.profile()
        return super().get_context_data(
            profile=profile, form=self.form, query=self.request.GET.urlencode(), **kwargs
        )


class E4XlsxView(E4Mixin, View):
    def get(self, request):
        return e4_xlsx(self.profile(), self.membership.organization)


class E4PdfView(E4Mixin, View):
    def get(self, request):
        return e4_pdf(self.profile(), self.membership.organization)
