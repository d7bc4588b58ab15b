from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from resguardo.core.permissions import Perm
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from .. import selectors, services
from ..downloads import document_file_response
from ..forms import DocumentCheckForm, DocumentForm


class DocumentAddView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "shipments/document_form.html"
    form_class = DocumentForm
    required_perm = Perm.RECORD

    def get_shipment(self):
        if not hasattr(self, "_shipment"):
            self._shipment = selectors.shipment_get(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._shipment

    def get_context_data(self, **kwargs):
        return super().get_context_data(shipment=self.get_shipment(), **kwargs)

    def perform(self, form):
        return services.document_add(
            actor=self.actor,
            shipment=self.get_shipment(),
            **form.cleaned_data,
        )

    def success(self, form):
        messages.success(self.request, _("Document added."))
        return redirect("shipments:shipment_detail", pk=self.get_shipment().pk)


class DocumentDownloadView(OrganizationRequiredMixin, View):
    """Files are only ever sent through here, after the organization and site check."""

    def get(self, request, pk):
        document = selectors.document_get(membership=self.membership, pk=pk)
        return document_file_response(document)


class DocumentCheckView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "shipments/document_check.html"
    form_class = DocumentCheckForm
    required_perm = Perm.RECORD

    def get_shipment(self):
        if not hasattr(self, "_shipment"):
            self._shipment = selectors.shipment_detail(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._shipment

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["checks"] = selectors.document_checks_by_item(self.get_shipment())
        kwargs["initial"] = {"version": self.get_shipment().version}
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(shipment=self.get_shipment(), **kwargs)

    def perform(self, form):
        return services.shipment_documents_check(
            actor=self.actor,
            shipment=self.get_shipment(),
            answers=form.answers(),
            expected_version=form.cleaned_data.get("version"),
        )

    def success(self, form):
        if self.object.documents_verified:
            messages.success(
                self.request, _("Documents verified: the pedimento may be transmitted.")
            )
        else:
            messages.warning(
                self.request,
                _(
                    "Verification saved with problems open: the pedimento may not be "
                    "transmitted until they are solved."
                ),
            )
        return redirect("shipments:shipment_detail", pk=self.object.pk)
