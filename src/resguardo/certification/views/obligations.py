"""The annual fee, avisos, and the authority's requirements and visits."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..choices import AvisoStatus, RequirementKind
from ..filtersets import AvisoFilterSet, FeeFilterSet, RequirementFilterSet
from ..forms import (
    AvisoAcknowledgeForm,
    AvisoFileForm,
    AvisoForm,
    FeeEditForm,
    FeeForm,
    FeePayForm,
    FindingForm,
    RequirementAnswerForm,
    RequirementEditForm,
    RequirementForm,
)
from ..services.requirements import EDITABLE as REQUIREMENT_EDITABLE
from .common import ServiceFormView


class _ListView(FilteredListView):
    def get_context_data(self, **kwargs):
        return super().get_context_data(
            today=timezone.localdate(), can_manage=self.can(Perm.MANAGE_COMPLIANCE), **kwargs
        )


class FeeListView(_ListView):
    template_name = "certification/fee_list.html"
    partial_template_name = "certification/partials/_fee_rows.html"
    filterset_class = FeeFilterSet

    def get_base_queryset(self):
        return selectors.fee_list(membership=self.membership)


class FeeDetailView(OrganizationRequiredMixin, TemplateView):
    template_name = "certification/fee_detail.html"

    def get_context_data(self, **kwargs):
        fee = selectors.fee_get(membership=self.membership, pk=kwargs["pk"])
        return super().get_context_data(
            fee=fee,
            overdue=selectors.fee_is_overdue(fee),
            documents=selectors.document_list(membership=self.membership).filter(fee=fee),
            can_manage=self.can(Perm.MANAGE_COMPLIANCE),
            **kwargs,
        )


class FeeCreateView(ServiceFormView):
    form_class = FeeForm
    title = gettext_lazy("Enter a year's annual fee")
    intro = gettext_lazy(
        "LFD art. 40 m): the amount changes every year; enter the one published for the year."
    )
    success_message = gettext_lazy("Fee recorded.")
    cancel_url_name = "certification:fee_list"

    def get_form_kwargs(self):
        certifications = selectors.certification_list(membership=self.membership)
        return super().get_form_kwargs() | {"certifications": certifications}

    def get_initial(self):
        return {"year": timezone.localdate().year}

    def run(self, actor, **data):
        return services.fee_record(actor=actor, **data)


class FeePayView(ServiceFormView):
    form_class = FeePayForm
    success_message = gettext_lazy("Payment recorded with its receipt.")
    cancel_url_name = "certification:fee_list"

    def get_title(self):
        fee = selectors.fee_get(membership=self.membership, pk=self.kwargs["pk"])
        return _("Pay the %(year)s fee") % {"year": fee.year}

    def run(self, actor, **data):
        fee = selectors.fee_get(membership=self.membership, pk=self.kwargs["pk"])
        return services.fee_pay(actor=actor, fee=fee, **data)


class FeeEditView(ServiceFormView):
    """Correct a fee: the published amount, the due date, the payment reference."""

    form_class = FeeEditForm
    success_message = gettext_lazy("Fee saved.")
    cancel_url_name = "certification:fee_list"

    def get_target(self):
        return selectors.fee_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_title(self):
        return _("Edit the %(year)s fee") % {"year": self.target.year}

    def get_initial(self):
        fee = self.target
        return {"amount": fee.amount, "due_on": fee.due_on,
                "payment_reference": fee.payment_reference, "version": fee.version}  # fmt: skip

    def run(self, actor, version=None, **data):
        return services.fee_update(actor=actor, fee=self.target, expected_version=version, **data)


class AvisoListView(_ListView):
    template_name = "certification/aviso_list.html"
    partial_template_name = "certification/partials/_aviso_rows.html"
    filterset_class = AvisoFilterSet

    def get_base_queryset(self):
        return selectors.aviso_list(membership=self.membership)


class AvisoDetailView(OrganizationRequiredMixin, TemplateView):
    template_name = "certification/aviso_detail.html"

    def get_context_data(self, **kwargs):
        aviso = selectors.aviso_get(membership=self.membership, pk=kwargs["pk"])
        return super().get_context_data(
            aviso=aviso,
            overdue=aviso.status == AvisoStatus.DRAFT
            and aviso.due_on is not None
            and aviso.due_on < timezone.localdate(),
            documents=selectors.document_list(membership=self.membership).filter(aviso=aviso),
            can_manage=self.can(Perm.MANAGE_COMPLIANCE),
            **kwargs,
        )


class AvisoCreateView(ServiceFormView):
    form_class = AvisoForm
    title = gettext_lazy("Draft an aviso")
    success_message = gettext_lazy("Aviso drafted.")
    cancel_url_name = "certification:aviso_list"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"sites": self.sites(), "people": self.people()}

    def run(self, actor, **data):
        return services.aviso_create(actor=actor, **data)


class AvisoFileView(ServiceFormView):
    form_class = AvisoFileForm
    title = gettext_lazy("Aviso filed in VUCEM")
    success_message = gettext_lazy("Aviso recorded as filed.")
    cancel_url_name = "certification:aviso_list"

    def get_aviso(self):
        return selectors.aviso_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_initial(self):
        return {"filed_on": timezone.localdate(), "version": self.get_aviso().version}

    def run(self, actor, version=None, **data):
        return services.aviso_file(
            actor=actor, aviso=self.get_aviso(), expected_version=version, **data
        )


class AvisoAcknowledgeView(ServiceFormView):
    form_class = AvisoAcknowledgeForm
    title = gettext_lazy("Acuse of the aviso")
    success_message = gettext_lazy("Acuse kept.")
    cancel_url_name = "certification:aviso_list"

    def get_target(self):
        return selectors.aviso_get(membership=self.membership, pk=self.kwargs["pk"])

    def run(self, actor, **data):
        return services.aviso_acknowledge(actor=actor, aviso=self.target, **data)


class RequirementListView(_ListView):
    template_name = "certification/requirement_list.html"
    partial_template_name = "certification/partials/_requirement_rows.html"
    filterset_class = RequirementFilterSet

    def get_base_queryset(self):
        return selectors.requirement_list(membership=self.membership)


class RequirementDetailView(OrganizationRequiredMixin, TemplateView):
    template_name = "certification/requirement_detail.html"

    def get_context_data(self, **kwargs):
        requirement = selectors.requirement_get(membership=self.membership, pk=kwargs["pk"])
        return super().get_context_data(
            requirement=requirement,
            is_visit=requirement.kind == RequirementKind.VISIT,
            findings=requirement.findings.select_related("action"),
            documents=selectors.document_list(membership=self.membership).filter(
                requirement=requirement
            ),
            can_manage=self.can(Perm.MANAGE_COMPLIANCE),
            **kwargs,
        )


class RequirementCreateView(ServiceFormView):
    form_class = RequirementForm
    title = gettext_lazy("Record a requirement or an inspection visit")
    success_message = gettext_lazy("Recorded.")
    cancel_url_name = "certification:requirement_list"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"sites": self.sites(), "people": self.people()}

    def run(self, actor, **data):
        return services.requirement_create(actor=actor, **data)


class RequirementEditView(ServiceFormView):
    form_class = RequirementEditForm
    title = gettext_lazy("Edit the requirement or visit")
    success_message = gettext_lazy("Saved.")
    cancel_url_name = "certification:requirement_list"

    def get_target(self):
        return selectors.requirement_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"sites": self.sites(), "people": self.people()}

    def get_initial(self):
        return {f: getattr(self.target, f) for f in (*REQUIREMENT_EDITABLE, "version")}

    def run(self, actor, version=None, **data):
        return services.requirement_update(
            actor=actor, requirement=self.target, expected_version=version, **data
        )


class RequirementAnswerView(ServiceFormView):
    form_class = RequirementAnswerForm
    title = gettext_lazy("Answer given to the authority")
    success_message = gettext_lazy("Answer recorded.")
    cancel_url_name = "certification:requirement_list"

    def get_requirement(self):
        return selectors.requirement_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_initial(self):
        r = self.get_requirement()
        return {"answer": r.answer, "answered_on": r.answered_on or timezone.localdate(),
                "version": r.version}  # fmt: skip

    def run(self, actor, version=None, **data):
        return services.requirement_answer(
            actor=actor, requirement=self.get_requirement(), expected_version=version, **data
        )


class FindingCreateView(ServiceFormView):
    form_class = FindingForm
    title = gettext_lazy("Visit finding")
    intro = gettext_lazy("Each finding becomes a corrective action in the action plan.")
    success_message = gettext_lazy("Finding recorded and raised as an action.")
    cancel_url_name = "certification:requirement_list"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"people": self.people()}

    def get_target(self):
        return selectors.requirement_get(membership=self.membership, pk=self.kwargs["pk"])

    def run(self, actor, **data):
        return services.visit_finding_add(actor=actor, requirement=self.target, **data)

    def success_url(self):
        return self.object.requirement.get_absolute_url()
