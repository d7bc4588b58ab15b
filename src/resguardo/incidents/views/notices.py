"""The notices list (every incident's clock in one place) and filing or waiving a notice."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from .. import selectors, services
from ..filtersets import NoticeFilterSet
from ..forms import NoticeFileForm, NoticeWaiveForm
from .common import actor_of


class NoticeListView(FilteredListView):
    template_name = "incidents/notice_list.html"
    partial_template_name = "incidents/partials/_notice_rows.html"
    filterset_class = NoticeFilterSet
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_base_queryset(self):
        return selectors.notice_list(membership=self.membership)


class _NoticeFormView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "incidents/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE
    title = ""
    success_text = ""

    @property
    def notice(self):
        if not hasattr(self, "_notice"):
            self._notice = selectors.notice_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._notice

    def get_initial(self):
        return {"version": self.notice.version}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=self.title,
            intro=str(self.notice),
            incident=self.notice.incident,
            cancel_url=self.notice.incident.get_absolute_url(),
            **kwargs,
        )

    def success(self, form):
        messages.success(self.request, str(self.success_text))
        return redirect(self.notice.incident.get_absolute_url())


class NoticeFileView(_NoticeFormView):
    form_class = NoticeFileForm
    title = gettext_lazy("Record the notice as filed")
    success_text = gettext_lazy("Notice recorded as filed.")

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.notice_file(
            actor=actor_of(self), notice=self.notice, expected_version=version, **data
        )


class NoticeWaiveView(_NoticeFormView):
    form_class = NoticeWaiveForm
    title = gettext_lazy("This notice is not required")
    success_text = gettext_lazy("Notice marked as not required.")

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.notice_waive(
            actor=actor_of(self), notice=self.notice, expected_version=version, **data
        )
