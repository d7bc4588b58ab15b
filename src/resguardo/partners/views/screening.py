"""Screening pages: hits to review, the decision form, and the screening runs (evidence)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import ListView

from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..filtersets import HitFilterSet
from ..forms import HitDecisionForm
from ..models import ScreeningDecision
from .base import ManageFormView, ServicePostView


class HitListView(FilteredListView):
    template_name = "partners/hit_list.html"
    partial_template_name = "partners/partials/_hit_rows.html"
    filterset_class = HitFilterSet

    def get_base_queryset(self):
        return selectors.hit_list(membership=self.membership).order_by(
            "decision", "-is_current", "-score"
        )

    def get_queryset(self):
        queryset = super().get_queryset()
        if not self.request.GET:  # the work queue by default: open hits on current lists
            queryset = queryset.filter(selectors.open_hit_q())
        return queryset


class HitDetailView(ManageFormView):
    """Everyone who may view sees the hit; only compliance officers get the decision form."""

    template_name = "partners/hit_detail.html"
    form_class = HitDecisionForm
    required_perm = Perm.VIEW

    @property
    def hit(self):
        if not hasattr(self, "_hit"):
            self._hit = selectors.hit_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._hit

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        hit = self.hit
        context.update(
            hit=hit,
            partner=hit.partner,
            entry=hit.entry,
            aliases=hit.entry.names.all(),
            history=ScreeningDecision.objects.filter(
                partner=hit.partner, source=hit.source, entry_key=hit.entry_key
            ).select_related("decided_by"),
            can_manage=self.can(Perm.MANAGE_COMPLIANCE),
        )
        return context

    def perform(self, form):
        return services.hit_decide(actor=self.actor, hit=self.hit, **form.cleaned_data)

    def success(self, form):
        if self.object.decision.verdict == "true_match":
            messages.warning(
                self.request,
                _(
                    "True match recorded: %(partner)s is blocked and the compliance officers "
                    "were alerted."
                )
                % {"partner": self.object.partner},
            )
        else:
            messages.success(
                self.request,
                _("False positive recorded. It will not be raised again for this entry."),
            )
        return redirect("partners:hit_detail", pk=self.object.pk)

    def post(self, request, *args, **kwargs):
        if not self.can(Perm.MANAGE_COMPLIANCE):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied(_("Your role does not allow this action."))
        return super().post(request, *args, **kwargs)


class ScreeningRunListView(OrganizationRequiredMixin, ListView):
    template_name = "partners/screening_runs.html"
    paginate_by = 50
    context_object_name = "runs"

    def get_queryset(self):
        return selectors.screening_run_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_manage=self.can(Perm.MANAGE_COMPLIANCE), **kwargs)


class ScreenAllView(ServicePostView):
    def act(self, request):
        self.run = services.partners_screen_now(
            actor=self.actor,
        )
        messages.success(
            request,
            _("%(n)s partners screened; %(hits)s hits, %(new)s new.")
            % {
                "n": self.run.partner_count,
                "hits": self.run.hit_count,
                "new": self.run.new_hit_count,
            },
        )

    def redirect_to(self):
        return reverse("partners:screening_runs")
