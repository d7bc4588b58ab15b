from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from resguardo.core.forms import add_service_errors
from resguardo.core.identifiers import normalize_code
from resguardo.core.pagination import CappedPaginator
from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin
from resguardo.shipments import selectors as shipment_selectors

from .. import selectors, services
from ..choices import ChecklistKey, InspectionStatus
from ..filtersets import InspectionFilterSet
from ..forms.inspections import InspectionForm, ReviewForm
from ..permissions import is_supervisor, require_supervisor_at
from ..services.inspections import load_checklist
from .common import photos_to_choose_again, sites_for


class InspectionListView(FilteredListView):
    template_name = "conveyance/inspection_list.html"
    partial_template_name = "conveyance/partials/_inspection_rows.html"
    filterset_class = InspectionFilterSet
    paginator_class = CappedPaginator

    def get_base_queryset(self):
        return selectors.inspection_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            held=selectors.held_units(membership=self.membership)[:20],
            checklist_keys=ChecklistKey.choices,
            **kwargs,
        )


class InspectionStartView(OrganizationRequiredMixin, TemplateView):
    """Choose the checklist: the E4 form's list (the default, first), or C-TPAT's 7-point
    container, 8-point reefer or 17-point tractor-trailer list."""

    template_name = "conveyance/inspection_start.html"
    required_perm = Perm.RECORD

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            checklist_keys=ChecklistKey.choices, query=self.request.GET.urlencode(), **kwargs
        )


class InspectionCreateView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "conveyance/inspection_form.html"
    form_class = InspectionForm
    required_perm = Perm.RECORD

    def get_checklist(self):
        if self.kwargs["key"] not in ChecklistKey.values:
            raise Http404
        if not hasattr(self, "_checklist"):
            self._checklist = load_checklist(self.kwargs["key"])
        return self._checklist

    def get(self, request, *args, **kwargs):
        try:
            self.get_checklist()
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("conveyance:inspection_list")
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        initial = {"signed_name": self.request.user.get_full_name()}
        for name in ("pedimento", "unit_number"):
            if self.request.GET.get(name):
                initial[name] = self.request.GET[name]
        return initial

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {
            "sites": sites_for(self.membership),
            "points": self.get_checklist().points.all(),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            checklist=self.get_checklist(),
            photos_to_choose_again=photos_to_choose_again(self.request),
            **kwargs,
        )

    def _unit(self, data):
        shipment, container = None, None
        if data["pedimento"]:
            shipment = (
                shipment_selectors.shipment_list(membership=self.membership)
                .filter(pedimento=normalize_code(data["pedimento"]))
                .first()
            )
            if shipment is None:
                raise ValidationError(
                    {
                        "pedimento": [
                            _("No shipment of yours has the pedimento %(p)s.")
                            % {"p": data["pedimento"]}
                        ]
                    }
                )
            container = shipment.containers.filter(
                number=normalize_code(data["unit_number"])
            ).first()
        return shipment, container

    def perform(self, form):
        try:
            return self._record(form)
        except ValidationError as error:
            raise _beside_the_points(error) from None

    def _record(self, form):
        data = form.cleaned_data
        shipment, container = self._unit(data)
        return services.inspection_record(
            actor=self.actor,
            checklist_key=self.kwargs["key"],
            site=data["site"],
            place=data["place"],
            signed_name=data["signed_name"],
            results=form.results(),
            unit_number=data["unit_number"],
            shipment=shipment,
            container=container,
            tractor_plates=data["tractor_plates"],
            trailer_plates=data["trailer_plates"],
            inspected_at=data["inspected_at"],
            note=data["note"],
        )

    def success(self, form):
        if self.object.status == InspectionStatus.HELD:
            messages.warning(
                self.request,
                _(
                    "Inspection saved with failed points: the unit is held until a supervisor "
                    "decides. Do not load or seal it."
                ),
            )
        else:
            messages.success(self.request, _("Inspection saved: every point passed."))
        return redirect("conveyance:inspection_detail", pk=self.object.pk)


def _beside_the_points(error: ValidationError) -> ValidationError:
    """Keep the list of problems at the top of the long form and repeat each one beside its
    point, where the inspector has to act on a phone."""
    if hasattr(error, "error_dict"):
        return error
    errors = {NON_FIELD_ERRORS: list(error.error_list)}
    for item in error.error_list:
        code = (item.params or {}).get("code")
        if code is not None:
            errors.setdefault(f"p{code}", []).append(item)
    return ValidationError(errors)


class InspectionDetailView(OrganizationRequiredMixin, View):
    template_name = "conveyance/inspection_detail.html"

    def _context(self, request, pk, form=None):
        inspection = selectors.inspection_get(membership=self.membership, pk=pk)
        can_review = (
            is_supervisor(self.membership)
            and inspection.reviewed_at is None
            and inspection.inspector_id != request.user.pk
        )
        if form is None and can_review:
            form = ReviewForm(
                initial={
                    "version": inspection.version,
                    "signed_name": request.user.get_full_name() or str(request.user),
                },
                held=inspection.status == InspectionStatus.HELD,
            )
        return inspection, {"inspection": inspection, "form": form, "can_review": can_review}

    def get(self, request, pk):
        _inspection, context = self._context(request, pk)
        return render(request, self.template_name, context)

    def post(self, request, pk):
        inspection = selectors.inspection_get(membership=self.membership, pk=pk)
        # Refuse before parsing: a bad post from a non-supervisor must not answer with the
        # review form (an auditor or staff member would see a decision form they cannot use).
        require_supervisor_at(self.membership, inspection.site)
        form = ReviewForm(request.POST, held=inspection.status == InspectionStatus.HELD)
        if form.is_valid():
            try:
                services.inspection_review(
                    actor=self.actor,
                    inspection=inspection,
                    decision=form.cleaned_data["decision"],
                    note=form.cleaned_data["note"],
                    signed_name=form.cleaned_data["signed_name"],
                    expected_version=form.cleaned_data["version"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Decision recorded."))
                return redirect("conveyance:inspection_detail", pk=pk)
        _inspection, context = self._context(request, pk, form)
        context["can_review"] = True
        return render(request, self.template_name, context, status=200)
