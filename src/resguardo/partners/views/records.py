"""Pages for what a partner's file holds: addresses, contacts, documents, certifications,
selection decisions and security agreements."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView

from resguardo.core.downloads import stored_file_response
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..filtersets import CertificationFilterSet
from ..forms import (
    AddressForm,
    AgreementForm,
    CertificationForm,
    ContactForm,
    DocumentForm,
    SelectionForm,
)
from ..models import PartnerAddress, PartnerContact
from ..services.selection import screening_criterion_result
from .base import ManageFormView, PartnerMixin, ServicePostView, form_data


class PartnerFormView(PartnerMixin, ManageFormView):
    """A form about one partner that returns to the partner's page."""

    success_message = ""

    def get_cancel_url(self):
        return reverse("partners:partner_detail", args=[self.partner.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(partner=self.partner, **kwargs)

    def success(self, form):
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(self.get_cancel_url())


class AddressAddView(PartnerFormView):
    form_class = AddressForm
    title = gettext_lazy("New address")
    success_message = gettext_lazy("Address saved.")

    def get_initial(self):
        return {"country": self.partner.country}

    def perform(self, form):
        return services.address_add(
            actor=self.actor,
            partner=self.partner,
            **form.cleaned_data,
        )


class ContactAddView(PartnerFormView):
    form_class = ContactForm
    title = gettext_lazy("New contact")
    success_message = gettext_lazy("Contact saved.")

    def perform(self, form):
        return services.contact_add(
            actor=self.actor,
            partner=self.partner,
            **form.cleaned_data,
        )


class ChildRemoveView(ServicePostView):
    model = None
    success_message = gettext_lazy("Removed.")

    def post(self, request, *args, **kwargs):
        self.instance = selectors.record_get(
            self.model, membership=self.membership, pk=self.kwargs["pk"]
        )
        return super().post(request, *args, **kwargs)

    def act(self, request):
        services.partner_child_remove(actor=self.actor, instance=self.instance)

    def redirect_to(self):
        return reverse("partners:partner_detail", args=[self.instance.partner_id])


class AddressRemoveView(ChildRemoveView):
    model = PartnerAddress


class ContactRemoveView(ChildRemoveView):
    model = PartnerContact


class DocumentUploadView(PartnerFormView):
    form_class = DocumentForm
    title = gettext_lazy("Upload a document")
    intro = gettext_lazy("Documents are never replaced: uploading a new version keeps the old one.")
    success_message = gettext_lazy("Document saved.")
    multipart = True

    def perform(self, form):
        return services.document_upload(
            actor=self.actor,
            partner=self.partner,
            **form.cleaned_data,
        )


class DocumentDownloadView(OrganizationRequiredMixin, View):
    def get(self, request, pk):
        document = selectors.document_get(membership=self.membership, pk=pk)
        return stored_file_response(
            document.file, content_type=document.content_type, filename=document.original_name
        )


class CertificationListView(FilteredListView):
    template_name = "partners/certification_list.html"
    partial_template_name = "partners/partials/_certification_rows.html"
    filterset_class = CertificationFilterSet

    def get_base_queryset(self):
        return selectors.certification_list(membership=self.membership).order_by("valid_until")


class CertificationCreateView(PartnerFormView):
    title = gettext_lazy("New certification")
    success_message = gettext_lazy("Certification saved.")

    def get_form(self, form_class=None):
        return CertificationForm(**self.get_form_kwargs(), partner=self.partner)

    def perform(self, form):
        data, _version = form_data(form)
        return services.certification_create(actor=self.actor, partner=self.partner, **data)


class CertificationUpdateView(CertificationCreateView):
    title = gettext_lazy("Edit certification")

    @property
    def certification(self):
        if not hasattr(self, "_certification"):
            self._certification = selectors.certification_get(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._certification

    @property
    def partner(self):
        return self.certification.partner

    def get_initial(self):
        c = self.certification
        names = (
            "program",
            "modality",
            "ctpat_tier",
            "svi_number",
            "country",
            "certificate_number",
            "issued_on",
            "valid_until",
            "last_verified_on",
            "document",
            "notes",
            "version",
        )
        return {name: getattr(c, name) for name in names}

    def perform(self, form):
        data, version = form_data(form)
        return services.certification_update(
            actor=self.actor,
            certification=self.certification,
            expected_version=version,
            **data,
        )


class CertificationDeleteView(ServicePostView):
    success_message = gettext_lazy("Certification removed.")

    def act(self, request):
        certification = selectors.certification_get(
            membership=self.membership, pk=self.kwargs["pk"]
        )
        self.partner_id = certification.partner_id
        services.certification_delete(actor=self.actor, certification=certification)

    def redirect_to(self):
        return reverse("partners:partner_detail", args=[self.partner_id])


class SelectionDecideView(PartnerFormView):
    template_name = "partners/selection_form.html"
    title = gettext_lazy("Selection decision")
    success_message = gettext_lazy("Decision recorded.")

    def get_form(self, form_class=None):
        return SelectionForm(
            **self.get_form_kwargs(),
            partner=self.partner,
            automatic_results={"SEL-LIST": screening_criterion_result(self.partner)},
        )

    def perform(self, form):
        data = form.cleaned_data
        return services.selection_decide(
            actor=self.actor,
            partner=self.partner,
            outcome=data["outcome"],
            answers=form.answers(),
            rationale=data["rationale"],
            conditions=data["conditions"],
            decided_on=data["decided_on"],
        )


class SelectionDetailView(OrganizationRequiredMixin, DetailView):
    template_name = "partners/selection_detail.html"
    context_object_name = "decision"

    def get_object(self, queryset=None):
        return selectors.selection_decision_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        from ..catalog import selection_catalog
        from ..choices import CriterionResult

        context = super().get_context_data(**kwargs)
        texts = {c.code: c.text.get() for c in selection_catalog().criteria}
        context["rows"] = [
            (
                code,
                texts.get(code, code),
                CriterionResult(answer["result"]).label,
                answer["result"],
                answer.get("note", ""),
            )
            for code, answer in self.object.answers.items()
        ]
        return context


class AgreementCreateView(PartnerFormView):
    title = gettext_lazy("New security agreement")
    intro = gettext_lazy("Upload the signed document to the partner first, then choose it here.")
    success_message = gettext_lazy("Agreement saved.")

    def get_form(self, form_class=None):
        return AgreementForm(**self.get_form_kwargs(), partner=self.partner)

    def perform(self, form):
        data, _version = form_data(form)
        return services.agreement_create(actor=self.actor, partner=self.partner, **data)


class AgreementUpdateView(AgreementCreateView):
    title = gettext_lazy("Edit security agreement")

    @property
    def agreement(self):
        if not hasattr(self, "_agreement"):
            self._agreement = selectors.agreement_get(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._agreement

    @property
    def partner(self):
        return self.agreement.partner

    def get_initial(self):
        a = self.agreement
        names = (
            "title",
            "requirement_codes",
            "other_requirements",
            "signed_on",
            "valid_until",
            "document",
            "version",
        )
        return {name: getattr(a, name) for name in names}

    def perform(self, form):
        data, version = form_data(form)
        return services.agreement_update(
            actor=self.actor,
            agreement=self.agreement,
            expected_version=version,
            **data,
        )
