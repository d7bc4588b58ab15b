"""Pages of the risk register: the list with its heat map, a risk, the threat catalog, the
scale and the matrix export."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..exports import matrix_pdf, matrix_xlsx
from ..filtersets import RiskFilterSet
from ..forms import RiskActionForm, RiskForm, ScaleForm, ThreatForm
from ..heatmap import register_heat_map
from ..scale import level_of, scale_for
from ..services.reviews import register_snapshot
from .base import ActorMixin, RisksFormView

RISK_FIELDS = (
    "title",
    "site",
    "process",
    "threat",
    "vulnerabilities",
    "inherent_likelihood",
    "inherent_impact",
    "controls",
    "residual_likelihood",
    "residual_impact",
    "treatment",
    "owner",
    "status",
)


class RiskListView(ActorMixin, FilteredListView):
    template_name = "risks/risk_list.html"
    partial_template_name = "risks/partials/_risk_rows.html"
    filterset_class = RiskFilterSet

    def get_base_queryset(self):
        return selectors.risk_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scale = scale_for(self.membership.organization)
        risks = self.object_list
        for risk in context["object_list"]:
            risk.residual_level = level_of(risk.residual_score, scale)
        context.update(
            scale=scale,
            can_edit=self.can(Perm.MANAGE_COMPLIANCE),
            residual_map=register_heat_map(
                selectors.heat_counts(risks), scale, title=_("Residual risk")
            ),
            inherent_map=register_heat_map(
                selectors.heat_counts(risks, residual=False), scale, title=_("Inherent risk")
            ),
            last_review=selectors.latest_review(self.membership.organization),
        )
        return context


class RiskDetailView(OrganizationRequiredMixin, TemplateView):
    template_name = "risks/risk_detail.html"

    def get_context_data(self, **kwargs):
        risk = selectors.risk_get(membership=self.membership, pk=self.kwargs["pk"])
        scale = scale_for(self.membership.organization)
        return super().get_context_data(
            risk=risk,
            scale=scale,
            inherent_level=level_of(risk.inherent_score, scale),
            residual_level=level_of(risk.residual_score, scale),
            evidence=selectors.risk_evidence(membership=self.membership, risk=risk),
            actions=selectors.risk_actions(membership=self.membership, risk=risk),
            can_edit=self.can(Perm.MANAGE_COMPLIANCE),
            **kwargs,
        )


class RiskCreateView(RisksFormView):
    form_class = RiskForm
    title = gettext_lazy("New risk")
    intro = gettext_lazy(
        "Rate likelihood and impact before the controls (inherent) and with them (residual)."
    )

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and getattr(request, "membership", None):
            services.threats_seed(organization=request.membership.organization)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"scale": scale_for(self.membership.organization)}

    def get_cancel_url(self):
        return reverse("risks:risk_list")

    def perform(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("version", "status")}
        return services.risk_create(actor=self.actor, **data)

    def success(self, form):
        messages.success(self.request, _("Risk %(code)s added.") % {"code": self.object.code})
        return redirect(self.object)


class RiskEditView(RiskCreateView):
    title = gettext_lazy("Edit risk")

    def get_risk(self):
        if not hasattr(self, "_risk"):
            self._risk = selectors.risk_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._risk

    def get_initial(self):
        risk = self.get_risk()
        initial = {name: getattr(risk, name) for name in RISK_FIELDS}
        initial.update(
            version=risk.version,
            requirements=list(risk.requirements.all()),
            evidence=list(risk.evidence.all()),
        )
        return initial

    def get_cancel_url(self):
        return self.get_risk().get_absolute_url()

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.risk_update(
            actor=self.actor, risk=self.get_risk(), expected_version=version, **data
        )

    def success(self, form):
        messages.success(self.request, _("Risk saved."))
        return redirect(self.object)


class RiskActionCreateView(RisksFormView):
    form_class = RiskActionForm
    title = gettext_lazy("Treatment action")
    intro = gettext_lazy("The action goes to the action plan, with the risk as its source.")

    def get_risk(self):
        return selectors.risk_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_cancel_url(self):
        return reverse("risks:risk_detail", args=[self.kwargs["pk"]])

    def get_context_data(self, **kwargs):
        return super().get_context_data(risk=self.get_risk(), **kwargs)

    def perform(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        return services.risk_action_open(actor=self.actor, risk=self.get_risk(), **data)

    def success(self, form):
        messages.success(self.request, _("Action opened in the action plan."))
        return redirect("risks:risk_detail", pk=self.kwargs["pk"])


class RegisterExportView(OrganizationRequiredMixin, View):
    """The current register as a matrix: ?format=xlsx (default) or pdf."""

    def get(self, request):
        export = request.GET.get("format", "xlsx")
        if export not in ("xlsx", "pdf"):
            raise Http404
        organization = self.membership.organization
        visible = set(selectors.risk_list(membership=self.membership).values_list("pk", flat=True))
        rows = [r for r in register_snapshot(organization)["risks"] if r["id"] in visible]
        if export == "xlsx":
            return matrix_xlsx(rows=rows, filename="matriz-de-riesgos")
        return matrix_pdf(
            organization=organization,
            rows=rows,
            scale=scale_for(organization),
            heading=_("Risk matrix (current register)"),
            counts=selectors.snapshot_heat_counts(rows),
            filename="matriz-de-riesgos",
        )


class ThreatListView(ActorMixin, OrganizationRequiredMixin, TemplateView):
    template_name = "risks/threat_list.html"
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_context_data(self, **kwargs):
        services.threats_seed(organization=self.membership.organization)
        return super().get_context_data(
            threats=selectors.threat_list(membership=self.membership), **kwargs
        )


class ThreatCreateView(RisksFormView):
    form_class = ThreatForm
    scoped_form = False
    title = gettext_lazy("New threat")

    def get_cancel_url(self):
        return reverse("risks:threat_list")

    def perform(self, form):
        return services.threat_create(
            actor=self.actor,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
        )

    def success(self, form):
        messages.success(self.request, _("Threat added to the catalog."))
        return redirect("risks:threat_list")


class ThreatEditView(ThreatCreateView):
    title = gettext_lazy("Edit threat")

    def get_threat(self):
        return selectors.threat_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_initial(self):
        threat = self.get_threat()
        return {
            "name": threat.label,
            "description": threat.description_text,
            "is_active": threat.is_active,
            "version": threat.version,
        }

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.threat_update(
            actor=self.actor, threat=self.get_threat(), expected_version=version, **data
        )

    def success(self, form):
        messages.success(self.request, _("Threat saved."))
        return redirect("risks:threat_list")


class ScaleEditView(RisksFormView):
    form_class = ScaleForm
    scoped_form = False
    title = gettext_lazy("Rating scale")
    intro = gettext_lazy(
        "Likelihood and impact are rated from 1 to the number of levels; their product is "
        "the score that places a risk in the low, medium or high band."
    )

    def get_initial(self):
        scale = scale_for(self.membership.organization)
        return {
            "likelihood_levels": scale.likelihood_levels,
            "impact_levels": scale.impact_levels,
            "medium_from": scale.medium_from,
            "high_from": scale.high_from,
            "version": scale.version if scale.pk else None,
        }

    def get_cancel_url(self):
        return reverse("risks:risk_list")

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.scale_update(actor=self.actor, expected_version=version, **data)

    def success(self, form):
        messages.success(self.request, _("Scale saved."))
        return redirect("risks:risk_list")
