"""Categories, anonymous reporting links and their QR posters, and the statistics page."""

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from resguardo.core.charts import count_bars
from resguardo.core.permissions import Perm
from resguardo.core.selectors import recordable_sites
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from .. import selectors, services
from ..filtersets import CategoryFilterSet, ReportingLinkFilterSet
from ..forms import CategoryForm, LinkForm
from .common import actor_of


class CategoryListView(FilteredListView):
    template_name = "incidents/category_list.html"
    partial_template_name = "incidents/partials/_category_rows.html"
    filterset_class = CategoryFilterSet
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_base_queryset(self):
        services.categories_ensure(organization=self.membership.organization)
        return selectors.category_list(membership=self.membership)


class CategoryCreateView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "incidents/form.html"
    form_class = CategoryForm
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("New incident category"), **kwargs)

    def perform(self, form):
        data = form.cleaned_data
        return services.category_create(
            actor=actor_of(self), name=data["name"], default_severity=data["default_severity"]
        )

    def success(self, form):
        messages.success(self.request, _("Category added."))
        return redirect("incidents:category_list")


class CategoryUpdateView(CategoryCreateView):
    def get_initial(self):
        c = self.category
        return {"name": c.name, "default_severity": c.default_severity, "is_active": c.is_active}

    @property
    def category(self):
        return selectors.category_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Incident category: %(name)s") % {"name": self.category.label}
        return context

    def perform(self, form):
        return services.category_update(
            actor=actor_of(self), category=self.category, **form.cleaned_data
        )

    def success(self, form):
        messages.success(self.request, _("Saved."))
        return redirect("incidents:category_list")


class LinkListView(FilteredListView):
    template_name = "incidents/link_list.html"
    partial_template_name = "incidents/partials/_link_rows.html"
    filterset_class = ReportingLinkFilterSet
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_base_queryset(self):
        return selectors.reporting_link_list(membership=self.membership)


class LinkCreateView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "incidents/form.html"
    form_class = LinkForm
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"sites": recordable_sites(membership=self.membership)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("New anonymous reporting link"),
            intro=_(
                "Anyone with the link or the poster's QR code can report without signing in. "
                "Reports reach the compliance officers only."
            ),
            **kwargs,
        )

    def perform(self, form):
        return services.reporting_link_create(actor=actor_of(self), **form.cleaned_data)

    def success(self, form):
        messages.success(self.request, _("Link created: print its poster."))
        return redirect("incidents:link_poster", pk=self.object.pk)


class LinkRevokeView(OrganizationRequiredMixin, View):
    required_perm = Perm.MANAGE_COMPLIANCE
    http_method_names = ["post"]

    def post(self, request, pk):
        link = selectors.reporting_link_get(membership=self.membership, pk=pk)
        try:
            services.reporting_link_revoke(actor=actor_of(self), link=link)
        except ValidationError as error:  # already revoked
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Link revoked: its posters no longer work."))
        return redirect("incidents:link_list")


class LinkPosterView(OrganizationRequiredMixin, TemplateView):
    """A printable poster with the link's QR code."""

    template_name = "incidents/poster.html"
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_context_data(self, **kwargs):
        link = selectors.reporting_link_get(membership=self.membership, pk=self.kwargs["pk"])
        url = self.request.build_absolute_uri(link.public_path())
        return super().get_context_data(
            link=link,
            url=url,
            qr_svg=segno.make(url, error="m").svg_inline(scale=8),
            **kwargs,
        )


class StatisticsView(OrganizationRequiredMixin, TemplateView):
    template_name = "incidents/statistics.html"
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_context_data(self, **kwargs):
        stats = selectors.statistics(membership=self.membership)
        none = _("No incidents in the last 12 months.")
        return super().get_context_data(
            stats=stats,
            category_chart=count_bars(
                stats["by_category"], title=_("Incidents by category"), no_data_text=none
            ),
            site_chart=count_bars(
                stats["by_site"], title=_("Incidents by site"), no_data_text=none
            ),
            month_chart=count_bars(
                stats["by_month"], title=_("Incidents by month"), label_width=90, no_data_text=none
            ),
            **kwargs,
        )
