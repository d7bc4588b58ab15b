"""The gate on a tablet: check-in, who is inside (the evacuation list), check-out, the log."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView

from resguardo.core.actors import Actor
from resguardo.core.downloads import stored_file_response
from resguardo.core.pagination import CappedPaginator
from resguardo.core.permissions import Perm
from resguardo.core.selectors import recordable_sites
from resguardo.core.views.actions import ServiceActionView
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from .. import selectors, services
from ..filtersets import VisitFilterSet
from ..forms import CheckInForm, CheckOutByBadgeForm, CheckOutForm


class CheckInView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "facilities/check_in.html"
    form_class = CheckInForm
    required_perm = Perm.RECORD

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "membership": self.membership}

    def get_initial(self):
        site = self.request.GET.get("site")
        return {"site": site} if site and site.isdigit() else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            policy=selectors.gate_policy(membership=self.membership), **kwargs
        )

    def perform(self, form):
        data = dict(form.cleaned_data)
        return services.visit_check_in(actor=Actor.from_request(self.request), **data)

    def success(self, form):
        messages.success(
            self.request,
            _("%(name)s checked in at %(site)s.")
            % {"name": self.object.full_name, "site": self.object.site.name},
        )
        return redirect(f"{reverse('facilities:check_in')}?site={self.object.site_id}")


class OnSiteView(OrganizationRequiredMixin, TemplateView):
    """Who is inside now, per site: printable as the evacuation list."""

    template_name = "facilities/on_site.html"

    def get_context_data(self, **kwargs):
        site = None
        site_id = self.request.GET.get("site", "")
        sites = recordable_sites(membership=self.membership).order_by("name")
        if site_id.isdigit():
            site = next((s for s in sites if s.pk == int(site_id)), None)
        visits = list(selectors.on_site(membership=self.membership, site=site))
        context = super().get_context_data(**kwargs)
        context.update(
            sites=sites,
            site=site,
            visits=visits,
            reconciliation=selectors.badge_reconciliation(membership=self.membership, site=site),
            can_record=self.can(Perm.RECORD),
            badge_form=CheckOutByBadgeForm(
                membership=self.membership, initial={"site": site.pk if site else None}
            ),
        )
        return context


class CheckOutView(ServiceActionView):
    required_perm = Perm.RECORD
    refusal_as_message = True

    def act(self, request):
        visit = selectors.visit_get(membership=self.membership, pk=self.kwargs["pk"])
        form = CheckOutForm(request.POST)
        form.is_valid()
        self.visit = services.visit_check_out(
            actor=Actor.from_request(request),
            visit=visit,
            badge_returned=form.cleaned_data.get("badge_returned", False),
        )

    def get_success_message(self):
        if self.visit.badge_outstanding:
            return _(
                "%(name)s checked out; badge %(badge)s was NOT handed back and stays open."
            ) % {
                "name": self.visit.full_name,
                "badge": self.visit.badge.number,
            }
        return _("%(name)s checked out.") % {"name": self.visit.full_name}

    def redirect_to(self):
        return self.request.POST.get("next") or reverse("facilities:on_site")


class CheckOutByBadgeView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "core/form.html"
    form_class = CheckOutByBadgeForm
    required_perm = Perm.RECORD

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "membership": self.membership}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Check out by badge"),
            submit_label=_("Check out"),
            cancel_url=reverse("facilities:on_site"),
            **kwargs,
        )

    def perform(self, form):
        return services.visit_check_out_by_badge(
            actor=Actor.from_request(self.request), **form.cleaned_data
        )

    def success(self, form):
        messages.success(
            self.request,
            _("%(name)s checked out; badge %(badge)s is back.")
            % {"name": self.object.full_name, "badge": self.object.badge.number},
        )
        return redirect(f"{reverse('facilities:on_site')}?site={self.object.site_id}")


class VisitListView(FilteredListView):
    template_name = "facilities/visit_list.html"
    partial_template_name = "facilities/partials/_visit_rows.html"
    filterset_class = VisitFilterSet
    paginator_class = CappedPaginator

    def get_base_queryset(self):
        return selectors.visit_list(membership=self.membership)


class VisitDetailView(OrganizationRequiredMixin, DetailView):
    template_name = "facilities/visit_detail.html"
    context_object_name = "visit"

    def get_object(self, queryset=None):
        return selectors.visit_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_record=self.can(Perm.RECORD), **kwargs)


class VisitPhotoView(OrganizationRequiredMixin, View):
    """The visitor's photo, only after the organization and site check."""

    def get(self, request, pk):
        visit = selectors.visit_get(membership=self.membership, pk=pk)
        extension = visit.file.name.rsplit(".", 1)[-1] if visit.file else "bin"
        return stored_file_response(
            visit.file,
            content_type=visit.content_type,
            filename=f"visit-{visit.pk}.{extension}",
            attachment=False,
        )
