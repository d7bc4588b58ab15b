from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView

from resguardo.core.identifiers import normalize_code
from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from .. import selectors, services
from ..choices import SealStatus
from ..filtersets import SealLotFilterSet
from ..forms.seals import IssueRangeForm, SealLotForm
from .common import organization_people, sites_for


class LotListView(FilteredListView):
    template_name = "conveyance/lot_list.html"
    partial_template_name = "conveyance/partials/_lot_rows.html"
    filterset_class = SealLotFilterSet

    def get_base_queryset(self):
        return selectors.lot_list(membership=self.membership)


class LotReceiveView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "conveyance/form.html"
    form_class = SealLotForm
    required_perm = Perm.RECORD

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"sites": sites_for(self.membership)}

    def get_initial(self):
        initial = {"received_on": timezone.localdate()}
        sites = sites_for(self.membership)
        if len(sites) == 1:
            initial["site"] = sites[0]
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Receive a lot of seals"), **kwargs)

    def perform(self, form):
        return services.seal_lot_receive(actor=self.actor, **form.cleaned_data)

    def success(self, form):
        messages.success(
            self.request,
            _("%(n)s seals received into the inventory.") % {"n": self.object.size},
        )
        return redirect("conveyance:lot_detail", pk=self.object.pk)


class LotDetailView(OrganizationRequiredMixin, DetailView):
    template_name = "conveyance/lot_detail.html"
    context_object_name = "lot"

    def get_object(self, queryset=None):
        return selectors.lot_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        seals = selectors.seal_list(membership=self.membership).filter(lot=self.object)
        counts = {status: 0 for status in SealStatus.values}
        for status in seals.values_list("status", flat=True):
            counts[status] += 1
        return super().get_context_data(
            counts=[(SealStatus(s).label, n) for s, n in counts.items() if n],
            seals=seals.order_by("number")[:200],
            can_record=self.can(Perm.RECORD),
            **kwargs,
        )


class LotIssueView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    """Issue a run of consecutive seals of a lot to one person."""

    template_name = "conveyance/form.html"
    form_class = IssueRangeForm
    required_perm = Perm.RECORD

    def get_lot(self):
        if not hasattr(self, "_lot"):
            self._lot = selectors.lot_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._lot

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"people": organization_people(self.membership)}

    def get_context_data(self, **kwargs):
        lot = self.get_lot()
        return super().get_context_data(
            title=_("Issue seals of lot %(lot)s") % {"lot": lot}, **kwargs
        )

    def perform(self, form):
        data = dict(form.cleaned_data)
        lot = self.get_lot()
        first, last = normalize_code(data.pop("first")), normalize_code(data.pop("last"))
        seals = list(
            selectors.seal_list(membership=self.membership)
            .filter(lot=lot, number__gte=first, number__lte=last)
            .order_by("number")
        )
        if not seals or seals[0].number != first or seals[-1].number != last:
            raise ValidationError(
                {"first": [_("Both numbers must be seals of this lot (%(lot)s).") % {"lot": lot}]}
            )
        return services.seal_issue(actor=self.actor, seals=seals, **data)

    def success(self, form):
        messages.success(self.request, _("%(n)s seals issued.") % {"n": len(self.object)})
        return redirect("conveyance:lot_detail", pk=self.get_lot().pk)
