"""Departure pages: record one, work through its checklist."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from resguardo.core.views.lists import FilteredListView

from .. import selectors, services
from ..filtersets import DepartureFilterSet
from ..forms import DepartureForm, ItemResolveForm
from ..models import DepartureItem
from .base import FormPage, PersonnelMixin


class DepartureRecordView(FormPage):
    form_class = DepartureForm
    title = gettext_lazy("Departure")
    intro = gettext_lazy(
        "Resguardo access is revoked at once; everything else the person holds is listed to "
        "be returned or revoked before the clock runs out."
    )
    submit_label = gettext_lazy("Record the departure")

    def get_person(self):
        if not hasattr(self, "_person"):
            self._person = selectors.person_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._person

    def get_title(self):
        return f"{self.title}: {self.get_person().full_name}"

    def perform(self, form):
        return services.departure_record(
            actor=self.actor, person=self.get_person(), **form.cleaned_data
        )

    def get_cancel_url(self):
        return reverse("people:person_detail", args=[self.kwargs["pk"]])

    def get_success_url(self):
        return reverse("people:departure_detail", args=[self.object.pk])


class DepartureListView(PersonnelMixin, FilteredListView):
    template_name = "people/departure_list.html"
    partial_template_name = "people/partials/_departure_rows.html"
    filterset_class = DepartureFilterSet

    def get_base_queryset(self):
        return selectors.departure_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "now": timezone.now()}


class DepartureDetailView(PersonnelMixin, TemplateView):
    template_name = "people/departure_detail.html"

    def get_context_data(self, **kwargs):
        departure = selectors.departure_get(membership=self.membership, pk=kwargs["pk"])
        return {
            **super().get_context_data(**kwargs),
            "departure": departure,
            "items": departure.items.all(),
            "now": timezone.now(),
            "resolve_form": ItemResolveForm(),
        }


class ItemResolveView(FormPage):
    form_class = ItemResolveForm
    title = gettext_lazy("Departure item")

    def get_item(self):
        if not hasattr(self, "_item"):
            items = DepartureItem.objects.filter(
                organization=self.membership.organization,
                departure__in=selectors.departure_list(membership=self.membership),
            ).select_related("departure", "departure__person")
            self._item = get_object_or_404(items, pk=self.kwargs["pk"])
        return self._item

    def get_title(self):
        return f"{self.get_item().kind}: {self.get_item().label}"

    def get_initial(self):
        return {"version": self.get_item().version}

    def perform(self, form):
        data = dict(form.cleaned_data)
        return services.departure_item_resolve(
            actor=self.actor,
            item=self.get_item(),
            expected_version=data.pop("version", None),
            **data,
        )

    def get_cancel_url(self):
        return reverse("people:departure_detail", args=[self.get_item().departure_id])

    get_success_url = get_cancel_url
