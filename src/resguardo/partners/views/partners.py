"""The partner registry pages: list, detail, create, edit, risk, import and export."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView

from resguardo.core.permissions import Perm
from resguardo.core.tabular.views import StagedImportView
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..catalog import selection_catalog
from ..choices import HitStatus, PartnerStatus
from ..exports import partners_workbook
from ..filtersets import PartnerFilterSet
from ..forms import PartnerForm, PartnerImportForm, RiskOverrideForm
from ..models import ScreeningHit
from ..risk import describe_factor
from .base import ManageFormView, PartnerMixin, ServicePostView, form_data


class PartnerListView(FilteredListView):
    template_name = "partners/partner_list.html"
    partial_template_name = "partners/partials/_partner_rows.html"
    filterset_class = PartnerFilterSet

    def get_base_queryset(self):
        return selectors.partner_list(membership=self.membership)


class PartnerDetailView(OrganizationRequiredMixin, PartnerMixin, DetailView):
    template_name = "partners/partner_detail.html"
    context_object_name = "partner"

    def get_object(self, queryset=None):
        return self.partner

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partner = self.partner
        hits = partner.hits.select_related("decision", "decision__decided_by", "entry").order_by(
            "-is_current", "-score"
        )
        requirements = {r.code: r.text.get() for r in selection_catalog().requirements}
        context.update(
            can_manage=self.can(Perm.MANAGE_COMPLIANCE),
            risk_factors=[(f["points"], describe_factor(f)) for f in partner.risk_factors],
            certifications=partner.certifications.select_related("document"),
            addresses=partner.addresses.all(),
            contacts=partner.contacts.all(),
            documents=partner.documents.select_related("uploaded_by"),
            decisions=partner.selection_decisions.select_related("decided_by")[:5],
            agreements=[
                (a, [requirements.get(c, c) for c in a.requirement_codes])
                for a in partner.agreements.select_related("document")
            ],
            questionnaires=partner.questionnaires.all()[:5],
            reviews=partner.reviews.select_related("reviewer").prefetch_related("findings")[:5],
            hits=hits,
            open_hit_count=sum(1 for h in hits if h.status == HitStatus.OPEN and h.is_current),
            last_run=selectors.screening_run_list(membership=self.membership).first(),
            today=timezone.localdate(),
        )
        return context


class PartnerCreateView(ManageFormView):
    form_class = PartnerForm
    title = gettext_lazy("New business partner")
    intro = gettext_lazy(
        "The partner is screened against the SAT and OFAC lists as soon as it is saved."
    )

    def get_cancel_url(self):
        return reverse("partners:partner_list")

    def perform(self, form):
        data, _version = form_data(form)
        return services.partner_create(actor=self.actor, **data)

    def success(self, form):
        messages.success(self.request, _("Partner saved and screened."))
        if self.object.rfc_warning:
            messages.warning(self.request, self.object.rfc_warning)
        return redirect("partners:partner_detail", pk=self.object.pk)


class PartnerUpdateView(PartnerMixin, PartnerCreateView):
    intro = ""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.partner.is_blocked:
            form.for_blocked()
        return form

    @property
    def title(self):
        return _("Edit %(name)s") % {"name": self.partner.legal_name}

    def get_cancel_url(self):
        return reverse("partners:partner_detail", args=[self.partner.pk])

    def get_initial(self):
        p = self.partner
        fields = (
            "kind",
            "legal_name",
            "trade_name",
            "country",
            "rfc",
            "tax_id",
            "status",
            "since",
            "website",
            "notes",
            "version",
        )
        return {name: getattr(p, name) for name in fields}

    def perform(self, form):
        data, version = form_data(form)
        if self.partner.is_blocked:
            data.pop("status", None)
        return services.partner_update(
            actor=self.actor,
            partner=self.partner,
            expected_version=version,
            **data,
        )


class PartnerRiskView(PartnerMixin, ManageFormView):
    form_class = RiskOverrideForm
    title = gettext_lazy("Set the risk by hand")
    intro = gettext_lazy(
        "The computed rating stays visible with its explanation. The risk you set decides "
        "how often the partner is reviewed."
    )

    def get_cancel_url(self):
        return reverse("partners:partner_detail", args=[self.partner.pk])

    def get_initial(self):
        return {"level": self.partner.risk_override, "reason": self.partner.risk_override_reason}

    def perform(self, form):
        return services.partner_set_risk(
            actor=self.actor,
            partner=self.partner,
            **form.cleaned_data,
        )

    def success(self, form):
        messages.success(self.request, _("Risk saved."))
        return redirect("partners:partner_detail", pk=self.partner.pk)


class PartnerScreenView(PartnerMixin, ServicePostView):
    success_message = gettext_lazy("Screening done.")

    def act(self, request):
        services.partners_screen_now(actor=self.actor, partner=self.partner)

    def redirect_to(self):
        return reverse("partners:partner_detail", args=[self.partner.pk])


class PartnerExportView(FilteredListView):
    """The filtered registry as an Excel workbook."""

    filterset_class = PartnerFilterSet
    paginate_by = None

    def get_base_queryset(self):
        return selectors.partner_list(membership=self.membership).prefetch_related(
            "certifications",
            Prefetch("hits", queryset=ScreeningHit.objects.select_related("decision")),
        )

    def render_to_response(self, context, **kwargs):
        content = partners_workbook(self.object_list)
        response = HttpResponse(
            content,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        name = f"socios-comerciales-{timezone.localdate():%Y%m%d}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class PartnerImportView(StagedImportView):
    """Upload → dry-run report → confirm; the checked file waits in storage (core staged
    import). The confirmation imports everything or nothing."""

    form_class = PartnerImportForm
    template_name = "partners/partner_import.html"
    required_perm = Perm.MANAGE_COMPLIANCE
    import_kind = "partners"
    missing_message = gettext_lazy(
        "Upload the file again: the checked file is no longer available."
    )
    changed_message = missing_message

    def run_import(self, *, data, file_name, options, dry_run):
        return services.partners_import(
            actor=self.actor,
            file_name=file_name,
            content=data,
            dry_run=dry_run,
        )

    def done(self, report):
        messages.success(
            self.request, _("%(n)s partners imported and screened.") % {"n": report.written}
        )
        return redirect("partners:partner_list")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["blocked_status"] = PartnerStatus.BLOCKED
        return context
