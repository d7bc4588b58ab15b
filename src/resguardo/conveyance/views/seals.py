from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView

from resguardo.core.identifiers import (
    format_container_number,
    normalize_code,
    validate_container_number,
)
from resguardo.core.pagination import CappedPaginator
from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin
from resguardo.shipments import selectors as shipment_selectors

from .. import selectors, services
from ..choices import SealStatus
from ..filtersets import SealFilterSet
from ..forms.seals import (
    ApplyForm,
    CustomsRecognitionForm,
    DestroyForm,
    IssueForm,
    RemoveForm,
    ReplaceForm,
    ReturnForm,
    VerifyForm,
    VoidForm,
)
from ..permissions import is_supervisor
from ..services.inspections import CONTAINER_SHAPE
from .common import organization_people, photos_to_choose_again


class SealListView(FilteredListView):
    template_name = "conveyance/seal_list.html"
    partial_template_name = "conveyance/partials/_seal_rows.html"
    filterset_class = SealFilterSet
    paginator_class = CappedPaginator

    def get_base_queryset(self):
        return selectors.seal_list(membership=self.membership).select_related("lot")

    def get(self, request, *args, **kwargs):
        # A full seal number typed in the search box opens that seal's history directly.
        number = normalize_code(request.GET.get("q", ""))
        if number and not getattr(request, "htmx", False):
            found = list(selectors.seals_by_number(membership=self.membership, number=number)[:2])
            if len(found) == 1:
                return redirect("conveyance:seal_detail", pk=found[0].pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            mine=selectors.seals_issued_to_me(membership=self.membership, user=self.request.user)[
                :50
            ],
            **kwargs,
        )


# Which actions each status offers on the seal page, and who may use them.
ACTIONS = {
    SealStatus.IN_STOCK: ["issue", "void", "destroy"],
    SealStatus.ISSUED: ["apply", "return", "void"],
    SealStatus.APPLIED: ["verify", "remove", "replace", "customs"],
    SealStatus.COMPROMISED: ["replace", "remove", "customs", "destroy"],
    SealStatus.REMOVED: ["destroy"],
    SealStatus.VOIDED: ["destroy"],
    SealStatus.DESTROYED: [],
}
SUPERVISOR_ACTIONS = {"void", "destroy"}
ACTION_LABELS = {
    "issue": gettext_lazy("Issue"),
    "apply": gettext_lazy("Apply"),
    "return": gettext_lazy("Return to stock"),
    "verify": gettext_lazy("Verify (VVTT)"),
    "remove": gettext_lazy("Remove"),
    "void": gettext_lazy("Void (lost, stolen or damaged)"),
    "destroy": gettext_lazy("Destroy"),
    "replace": gettext_lazy("Replace with another seal"),
    "customs": gettext_lazy("Reconocimiento aduanero"),
}


class SealDetailView(OrganizationRequiredMixin, DetailView):
    """The seal's whole history on one page."""

    template_name = "conveyance/seal_detail.html"
    context_object_name = "seal"

    def get_object(self, queryset=None):
        return selectors.seal_history(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        actions = []
        if self.can(Perm.RECORD):
            supervisor = is_supervisor(self.membership)
            actions = [
                (name, ACTION_LABELS[name])
                for name in ACTIONS[self.object.status]
                if name not in SUPERVISOR_ACTIONS or supervisor
            ]
        context["actions"] = actions
        return context


class SealActionView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    """One step of the chain of custody recorded from the seal page."""

    template_name = "conveyance/seal_action.html"
    required_perm = Perm.RECORD
    action = None
    title = ""
    multipart = False

    def get_seal(self):
        if not hasattr(self, "_seal"):
            self._seal = selectors.seal_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._seal

    def get_initial(self):
        return {"version": self.get_seal().version}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            seal=self.get_seal(),
            title=self.title,
            multipart=self.multipart,
            photos_to_choose_again=photos_to_choose_again(self.request),
            **kwargs,
        )

    def common(self, form) -> dict:
        data = dict(form.cleaned_data)
        result = {
            "actor": self.actor,
            "seal": self.get_seal(),
        }
        if "version" in data:
            result["expected_version"] = data.pop("version")
        return result | data

    def success(self, form):
        messages.success(self.request, _("Recorded."))
        return redirect("conveyance:seal_detail", pk=self.get_seal().pk)


class SealIssueView(SealActionView):
    form_class = IssueForm
    title = gettext_lazy("Issue the seal")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"people": organization_people(self.membership)}

    def perform(self, form):
        data = self.common(form)
        data.pop("expected_version", None)
        seal = data.pop("seal")
        return services.seal_issue(seals=[seal], **data)


class SealReturnView(SealActionView):
    form_class = ReturnForm
    title = gettext_lazy("Return the seal to stock")

    def perform(self, form):
        return services.seal_return(**self.common(form))


def _shipment_and_container(membership, pedimento, unit):
    shipments = shipment_selectors.shipment_list(membership=membership)
    number = normalize_code(pedimento)
    shipment = shipments.filter(pedimento=number).first()
    if shipment is None:
        raise ValidationError(
            {"pedimento": [_("No shipment of yours has the pedimento %(p)s.") % {"p": pedimento}]}
        )
    unit = normalize_code(unit)
    if not unit:
        return shipment, None
    container = shipment.containers.filter(number=unit).first()
    if container is None:
        listed = ", ".join(c.display for c in shipment.containers.all()) or "—"
        errors = [
            _("The container %(unit)s is not on this shipment (it has: %(list)s).")
            % {"unit": format_container_number(unit), "list": listed}
        ]
        if CONTAINER_SHAPE.match(unit):
            # A misread digit is the usual cause: say which digit the number should end with.
            try:
                validate_container_number(unit)
            except ValidationError as error:
                errors = error.messages + errors
        raise ValidationError({"unit": errors})
    return shipment, container


class SealApplyView(SealActionView):
    form_class = ApplyForm
    title = gettext_lazy("Apply the seal")
    multipart = True

    def get_initial(self):
        initial = super().get_initial()
        shipment_id = self.request.GET.get("shipment")
        if shipment_id and shipment_id.isdigit():
            shipment = (
                shipment_selectors.shipment_list(membership=self.membership)
                .filter(pk=shipment_id)
                .first()
            )
            if shipment is not None:
                initial["pedimento"] = shipment.pedimento
        return initial

    def perform(self, form):
        data = self.common(form)
        shipment, container = _shipment_and_container(
            self.membership, data.pop("pedimento"), data.pop("unit")
        )
        return services.seal_apply(shipment=shipment, container=container, **data)


class SealVerifyView(SealActionView):
    form_class = VerifyForm
    title = gettext_lazy("VVTT verification")
    multipart = True

    def get_initial(self):
        return super().get_initial() | {"checkpoint": None}

    def perform(self, form):
        return services.seal_verify(**self.common(form))

    def success(self, form):
        if self.object.seal.status == SealStatus.COMPROMISED:
            messages.error(
                self.request,
                _(
                    "The seal failed the verification: a discrepancy was recorded. Hold the unit "
                    "and tell your supervisor."
                ),
            )
            return redirect("conveyance:seal_detail", pk=self.get_seal().pk)
        return super().success(form)


class SealRemoveView(SealActionView):
    form_class = RemoveForm
    title = gettext_lazy("Remove the seal")
    multipart = True

    def perform(self, form):
        return services.seal_remove(**self.common(form))


class SealVoidView(SealActionView):
    form_class = VoidForm
    title = gettext_lazy("Void the seal")

    def perform(self, form):
        return services.seal_void(**self.common(form))


class SealDestroyView(SealActionView):
    form_class = DestroyForm
    title = gettext_lazy("Destroy the seal")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"people": organization_people(self.membership)}

    def perform(self, form):
        data = self.common(form)
        data.pop("expected_version", None)
        seal = data.pop("seal")
        return services.seal_destroy(seals=[seal], **data)


class SealReplaceView(SealActionView):
    form_class = ReplaceForm
    title = gettext_lazy("Replace the seal")
    multipart = True

    def perform(self, form):
        data = self.common(form)
        number = normalize_code(data.pop("new_seal"))
        found = list(selectors.seals_by_number(membership=self.membership, number=number)[:2])
        if len(found) != 1:
            raise ValidationError(
                {
                    "new_seal": [
                        _("No seal of yours has the number %(number)s.") % {"number": number}
                        if not found
                        else _("Several makers' seals have the number %(number)s.")
                        % {"number": number}
                    ]
                }
            )
        return services.seal_replace(new_seal=found[0], **data)

    def success(self, form):
        messages.success(self.request, _("Seal replaced; the reason is in both seals' history."))
        return redirect("conveyance:seal_detail", pk=self.get_seal().pk)


class SealCustomsView(SealActionView):
    """Customs opened the unit and closed it with its own seal (reconocimiento aduanero)."""

    form_class = CustomsRecognitionForm
    title = gettext_lazy("Reconocimiento aduanero: seal placed by customs")
    multipart = True

    def perform(self, form):
        return services.seal_customs_recognition(**self.common(form))

    def success(self, form):
        messages.success(
            self.request,
            _(
                "Recorded. The customs seal is now the unit's seal: verify it at the next "
                "checkpoint."
            ),
        )
        return redirect("conveyance:seal_detail", pk=self.object.related_seal_id)
