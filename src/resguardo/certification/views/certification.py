"""The certification record, its renewals, documents, representatives and prerequisites."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from resguardo.core.actors import Actor
from resguardo.core.downloads import stored_file_response
from resguardo.core.permissions import Perm
from resguardo.core.views.actions import ServiceActionView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import conf, selectors, services
from ..choices import PrerequisiteKind, RenewalStatus
from ..forms import (
    CertificationForm,
    DocumentForm,
    PrerequisiteForm,
    RenewalAcknowledgeForm,
    RenewalFileForm,
    RepresentativeForm,
    RepresentativeRemoveForm,
)
from .common import ServiceFormView


class OverviewView(OrganizationRequiredMixin, TemplateView):
    template_name = "certification/overview.html"

    def get_context_data(self, **kwargs):
        certifications = list(selectors.certification_list(membership=self.membership))
        for certification in certifications:
            certification.days_left = selectors.days_left(certification)
            certification.window_open = selectors.renewal_window_open(certification)
        return super().get_context_data(
            certifications=certifications,
            representatives=selectors.representative_list(membership=self.membership),
            prerequisites=selectors.prerequisite_panel(membership=self.membership),
            window_days=conf.renewal_window_days(),
            can_manage=self.can(Perm.MANAGE_COMPLIANCE),
            **kwargs,
        )


class CertificationDetailView(OrganizationRequiredMixin, TemplateView):
    template_name = "certification/certification_detail.html"

    def get_context_data(self, **kwargs):
        certification = selectors.certification_get(membership=self.membership, pk=kwargs["pk"])
        renewals = list(
            selectors.renewal_list(membership=self.membership, certification=certification)
        )
        return super().get_context_data(
            certification=certification,
            days_left=selectors.days_left(certification),
            window_open=selectors.renewal_window_open(certification),
            window_opens=(
                conf.renewal_window_opens(certification.expires_on)
                if certification.expires_on
                else None
            ),
            renewals=renewals,
            pending_renewal=next((r for r in renewals if r.status == RenewalStatus.FILED), None),
            documents=selectors.document_list(membership=self.membership).filter(
                certification=certification
            ),
            fees=[
                (fee, selectors.fee_is_overdue(fee))
                for fee in selectors.fee_list(membership=self.membership).filter(
                    certification=certification
                )
            ],
            can_manage=self.can(Perm.MANAGE_COMPLIANCE),
            **kwargs,
        )


class CertificationCreateView(ServiceFormView):
    form_class = CertificationForm
    title = gettext_lazy("Record the certification")
    success_message = gettext_lazy("Certification recorded.")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"sites": self.sites()}

    def run(self, actor, **data):
        return services.certification_create(actor=actor, **data)


class CertificationEditView(ServiceFormView):
    form_class = CertificationForm
    title = gettext_lazy("Edit the certification")
    success_message = gettext_lazy("Certification saved.")

    def get_certification(self):
        return selectors.certification_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"editing": True}

    def get_initial(self):
        c = self.get_certification()
        fields = ("program", "modality", "resolution_number", "granted_on", "expires_on",
                  "status", "notes", "version")  # fmt: skip
        return {f: getattr(c, f) for f in fields}

    def run(self, actor, version=None, **data):
        return services.certification_update(
            actor=actor,
            certification=self.get_certification(),
            expected_version=version,
            **data,
        )


class DocumentAddView(ServiceFormView):
    form_class = DocumentForm
    title = gettext_lazy("Add a certification document")
    success_message = gettext_lazy("Document kept.")

    def get_target(self):
        return selectors.certification_get(membership=self.membership, pk=self.kwargs["pk"])

    def run(self, actor, **data):
        return services.certification_document_add(actor=actor, certification=self.target, **data)

    def success_url(self):
        return self.target.get_absolute_url()


class RenewalFileView(ServiceFormView):
    form_class = RenewalFileForm
    title = gettext_lazy("Renewal filed")
    intro = gettext_lazy("The Aviso Único de Renovación, filed in VUCEM with its folio.")
    success_message = gettext_lazy("Renewal recorded as filed.")

    def get_target(self):
        return selectors.certification_get(membership=self.membership, pk=self.kwargs["pk"])

    def run(self, actor, **data):
        return services.renewal_file(actor=actor, certification=self.target, **data)

    def success_url(self):
        return self.object.certification.get_absolute_url()


class RenewalAcknowledgeView(ServiceFormView):
    form_class = RenewalAcknowledgeForm
    title = gettext_lazy("Renewal acuse")
    success_message = gettext_lazy("Certification renewed.")

    def get_target(self):
        return selectors.renewal_get(membership=self.membership, pk=self.kwargs["pk"])

    def run(self, actor, **data):
        return services.renewal_acknowledge(actor=actor, renewal=self.target, **data)

    def success_url(self):
        return self.object.certification.get_absolute_url()


class DocumentDownloadView(OrganizationRequiredMixin, View):
    def get(self, request, pk):
        document = selectors.document_get(membership=self.membership, pk=pk)
        return stored_file_response(
            document.file, content_type=document.content_type, filename=document.original_name
        )


class RepresentativeCreateView(ServiceFormView):
    form_class = RepresentativeForm
    title = gettext_lazy("Add a legal representative or mandatario")
    intro = gettext_lazy(
        "Their RFC is checked against the SAT lists at once, and a change aviso is proposed."
    )
    success_message = gettext_lazy("Representative recorded.")

    def run(self, actor, **data):
        return services.representative_add(actor=actor, **data)

    def success_url(self):
        return reverse("certification:overview")


class RepresentativeRemoveView(ServiceFormView):
    form_class = RepresentativeRemoveForm
    success_message = gettext_lazy("Representative removed; a change aviso is proposed.")

    def get_title(self):
        person = selectors.representative_get(membership=self.membership, pk=self.kwargs["pk"])
        return _("Remove %(name)s") % {"name": person.full_name}

    def run(self, actor, **data):
        person = selectors.representative_get(membership=self.membership, pk=self.kwargs["pk"])
        return services.representative_remove(actor=actor, representative=person, **data)

    def success_url(self):
        return reverse("certification:overview")


class PrerequisitesView(OrganizationRequiredMixin, TemplateView):
    template_name = "certification/prerequisites.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rows=selectors.prerequisite_panel(membership=self.membership),
            check=selectors.latest_listing_check(organization=self.membership.organization),
            representatives=selectors.representative_list(membership=self.membership),
            can_manage=self.can(Perm.MANAGE_COMPLIANCE),
            **kwargs,
        )


class PrerequisiteRecordView(ServiceFormView):
    form_class = PrerequisiteForm
    success_message = gettext_lazy("Prerequisite saved.")

    def dispatch(self, request, *args, **kwargs):
        if kwargs["kind"] not in PrerequisiteKind.values:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_title(self):
        return PrerequisiteKind(self.kwargs["kind"]).label

    def get_initial(self):
        rows = selectors.prerequisite_panel(membership=self.membership)
        record = next((r.record for r in rows if r.kind == self.kwargs["kind"]), None)
        if record is None:
            return {}
        fields = ("is_positive", "issued_on", "valid_until", "reference", "notes", "version")
        return {f: getattr(record, f) for f in fields}

    def run(self, actor, version=None, **data):
        return services.prerequisite_record(
            actor=actor, kind=self.kwargs["kind"], expected_version=version, **data
        )

    def success_url(self):
        return reverse("certification:prerequisites")


class ListingCheckView(ServiceActionView):
    required_perm = Perm.MANAGE_COMPLIANCE

    def act(self, request):
        self.check = services.listing_check_now(actor=Actor.from_request(request))

    def get_success_message(self):
        if self.check.hits:
            return _("Checked: %(n)s entries found on the SAT lists.") % {"n": len(self.check.hits)}
        return _("Checked: no RFC of the organization or its representatives is listed.")

    def redirect_to(self):
        return reverse("certification:prerequisites")
