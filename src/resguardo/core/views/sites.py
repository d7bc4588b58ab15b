from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView

from .. import selectors, services
from ..filtersets import SiteFilterSet
from ..forms import SiteForm
from ..permissions import Perm
from .lists import FilteredListView
from .mixins import OrganizationRequiredMixin, ServiceFormMixin


class SiteListView(FilteredListView):
    template_name = "core/site_list.html"
    partial_template_name = "core/partials/_site_rows.html"
    filterset_class = SiteFilterSet

    def get_base_queryset(self):
        return selectors.site_list(membership=self.membership)


class SiteDetailView(OrganizationRequiredMixin, DetailView):
    template_name = "core/site_detail.html"
    context_object_name = "site"

    def get_object(self, queryset=None):
        return selectors.site_get(membership=self.membership, pk=self.kwargs["pk"])


class SiteCreateView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "core/site_form.html"
    form_class = SiteForm
    required_perm = Perm.MANAGE_ORGANIZATION

    def perform(self, form):
        data = dict(form.cleaned_data)
        data.pop("version")
        data.pop("is_active")
        return services.site_create(actor=self.actor, **data)

    def success(self, form):
        messages.success(self.request, _("Site created."))
        return redirect("core:site_detail", pk=self.object.pk)


class SiteUpdateView(SiteCreateView):
    def get_site(self):
        if not hasattr(self, "_site"):
            self._site = selectors.site_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._site

    def get_initial(self):
        site = self.get_site()
        return {
            "name": site.name,
            "kind": site.kind,
            "aduana": site.aduana,
            "address": site.address,
            "is_active": site.is_active,
            "version": site.version,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(site=self.get_site(), **kwargs)

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.site_update(
            actor=self.actor,
            site=self.get_site(),
            expected_version=version,
            **data,
        )

    def success(self, form):
        messages.success(self.request, _("Site saved."))
        return redirect("core:site_detail", pk=self.object.pk)
