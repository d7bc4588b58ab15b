from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, FormView

from resguardo.core import selectors as core_selectors
from resguardo.core.exports import export_format, export_response
from resguardo.core.forms import add_service_errors
from resguardo.core.modules import panels_for
from resguardo.core.pagination import CappedPaginator
from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from .. import selectors, services
from ..apps import SHIPMENT_PAGE
from ..choices import DocumentCheckItem, ShipmentStatus
from ..filtersets import ShipmentFilterSet
from ..forms import CancelForm, DocumentForm, ShipmentForm, TransitionForm


class ShipmentListView(FilteredListView):
    template_name = "shipments/shipment_list.html"
    partial_template_name = "shipments/partials/_shipment_rows.html"
    filterset_class = ShipmentFilterSet
    paginator_class = CappedPaginator
    title = gettext_lazy("Shipments")

    def get_base_queryset(self):
        return selectors.shipment_list_with_containers(membership=self.membership)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, **kwargs)


class VerificationQueueView(ShipmentListView):
    """Open shipments whose documents still need the pre-transmission verification."""

    title = gettext_lazy("Documents to verify before transmission")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(status=ShipmentStatus.OPEN, documents_verified_at__isnull=True)
        )


class ShipmentExportView(OrganizationRequiredMixin, View):
    def get(self, request):
        fmt = export_format(request)
        filterset = ShipmentFilterSet(
            request.GET or None,
            queryset=selectors.shipment_list(membership=self.membership).order_by(
                "operation_date", "id"
            ),
            request=request,
        )
        queryset = filterset.qs if filterset.is_bound else filterset.queryset
        header = [
            _("Pedimento"),
            _("Customs office"),
            _("Patente"),
            _("Operation"),
            _("Mode"),
            _("Status"),
            _("Operation date"),
            _("Client"),
            _("Client RFC"),
            _("Reference"),
            _("Site"),
            _("Carrier"),
            _("Driver"),
            _("Tractor plates"),
            _("Trailer number"),
            _("Trailer plates"),
            _("Seal numbers in the documents"),
            _("Documents verified"),
            _("Transmitted"),
            _("Cleared"),
        ]

        def rows():
            for s in queryset.iterator(chunk_size=2000):
                yield [
                    s.pedimento_display,
                    s.aduana.code,
                    s.patente.number,
                    s.get_operation_display(),
                    s.get_mode_display(),
                    s.get_status_display(),
                    s.operation_date,
                    s.client_name,
                    s.client_rfc,
                    s.reference,
                    s.site.name,
                    s.carrier_name,
                    s.driver_name,
                    s.tractor_plates,
                    s.trailer_number,
                    s.trailer_plates,
                    " ".join(s.document_seal_numbers or []),
                    s.documents_verified_at,
                    s.transmitted_at,
                    s.cleared_at,
                ]

        return export_response(fmt, "shipments", _("Shipments"), header, rows())


class ShipmentDetailView(OrganizationRequiredMixin, DetailView):
    template_name = "shipments/shipment_detail.html"
    context_object_name = "shipment"

    def get_object(self, queryset=None):
        return selectors.shipment_detail(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shipment = self.object
        checks = selectors.document_checks_by_item(shipment)
        context.update(
            checks=[(item, checks[item.value]) for item in DocumentCheckItem],
            checks_answered=sum(1 for c in checks.values() if c is not None),
            can_record=self.can(Perm.RECORD),
            document_form=DocumentForm(),
            transition_form=TransitionForm(initial={"version": shipment.version}),
            cancel_form=CancelForm(initial={"version": shipment.version}),
            panels=panels_for(SHIPMENT_PAGE, self.membership, shipment),
        )
        return context


class ShipmentCreateView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "shipments/shipment_form.html"
    form_class = ShipmentForm
    required_perm = Perm.RECORD

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["sites"] = core_selectors.recordable_sites(membership=self.membership)
        return kwargs

    def get_initial(self):
        # Most shipments are recorded the day they move; the date can still be changed.
        return {"operation_date": timezone.localdate()}

    def get_context_data(self, **kwargs):
        patentes = selectors.organization_patentes(organization=self.membership.organization)
        return super().get_context_data(patentes=patentes, **kwargs)

    def perform(self, form):
        return services.shipment_create(actor=self.actor, **form.service_data())

    def success(self, form):
        messages.success(self.request, _("Shipment %(p)s saved.") % {"p": self.object})
        return redirect("shipments:shipment_detail", pk=self.object.pk)


class ShipmentUpdateView(ShipmentCreateView):
    def get_shipment(self):
        if not hasattr(self, "_shipment"):
            self._shipment = selectors.shipment_detail(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._shipment

    def get_initial(self):
        return ShipmentForm.initial_for(self.get_shipment())

    def get_context_data(self, **kwargs):
        return super().get_context_data(shipment=self.get_shipment(), **kwargs)

    def perform(self, form):
        data = form.service_data()
        return services.shipment_update(
            actor=self.actor,
            shipment=self.get_shipment(),
            expected_version=form.cleaned_data.get("version"),
            **data,
        )


class ShipmentTransitionView(OrganizationRequiredMixin, View):
    """POST-only actions on the shipment page: transmit, clear, cancel."""

    required_perm = Perm.RECORD
    action = None

    def post(self, request, pk):
        shipment = selectors.shipment_get(membership=self.membership, pk=pk)
        form_class = CancelForm if self.action == "cancel" else TransitionForm
        form = form_class(request.POST)
        if form.is_valid():
            try:
                self.perform(shipment, form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
        for error in form.errors.values():
            for message in error:
                messages.error(request, message)
        if not form.errors:
            messages.success(request, self.done_message())
        return redirect("shipments:shipment_detail", pk=shipment.pk)

    def perform(self, shipment, data):
        common = {
            "actor": self.actor,
            "shipment": shipment,
            "expected_version": data.get("version"),
        }
        if self.action == "transmit":
            services.shipment_transmit(transmitted_at=data.get("when"), **common)
        elif self.action == "clear":
            services.shipment_clear(cleared_at=data.get("when"), **common)
        else:
            services.shipment_cancel(reason=data["reason"], **common)

    def done_message(self):
        return {
            "transmit": _("Pedimento marked as transmitted."),
            "clear": _("Shipment marked as cleared."),
            "cancel": _("Shipment cancelled."),
        }[self.action]
