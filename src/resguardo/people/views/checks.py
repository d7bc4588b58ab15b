"""Background check pages: start, record each item (with evidence), clear or refuse."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from resguardo.core.downloads import stored_file_response

from .. import selectors, services
from ..choices import CheckKind
from ..forms import CheckItemForm, CheckRejectForm
from ..models import CheckItem
from .base import ActionButton, FormPage, PersonnelMixin


def _items(membership):
    return CheckItem.objects.filter(
        organization=membership.organization,
        check_record__in=selectors.check_list(membership=membership),
    ).select_related("item_type", "check_record", "check_record__person")


class CheckStartView(ActionButton):
    success_message = gettext_lazy("Background check started.")

    def act(self, request):
        self.person = selectors.person_get(membership=self.membership, pk=self.kwargs["pk"])
        kind = CheckKind.RECHECK if self.person.cleared_on else CheckKind.HIRING
        self.check = services.check_start(actor=self.actor, person=self.person, kind=kind)

    def redirect_to(self):
        if getattr(self, "check", None) is not None:
            return reverse("people:check_detail", args=[self.check.pk])
        return reverse("people:person_detail", args=[self.kwargs["pk"]])


class CheckDetailView(PersonnelMixin, TemplateView):
    template_name = "people/check_detail.html"

    def get_context_data(self, **kwargs):
        check = selectors.check_get(membership=self.membership, pk=kwargs["pk"])
        return {**super().get_context_data(**kwargs), "check": check, "items": check.items.all()}


class CheckItemRecordView(FormPage):
    form_class = CheckItemForm
    title = gettext_lazy("Check item")

    def get_item(self):
        if not hasattr(self, "_item"):
            self._item = get_object_or_404(_items(self.membership), pk=self.kwargs["pk"])
        return self._item

    def get_title(self):
        item = self.get_item()
        return f"{item.item_type.name}: {item.check_record.person.full_name}"

    def get_initial(self):
        return {"version": self.get_item().version}

    def perform(self, form):
        data = dict(form.cleaned_data)
        return services.check_item_record(
            actor=self.actor,
            item=self.get_item(),
            expected_version=data.pop("version", None),
            **data,
        )

    def get_cancel_url(self):
        return reverse("people:check_detail", args=[self.get_item().check_record_id])

    get_success_url = get_cancel_url


class CheckEvidenceView(PersonnelMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        item = get_object_or_404(_items(self.membership).exclude(file=""), pk=kwargs["pk"])
        return stored_file_response(
            item.file, content_type=item.content_type, filename=item.original_name
        )


class CheckClearView(ActionButton):
    success_message = gettext_lazy("The person is cleared.")

    def act(self, request):
        check = selectors.check_get(membership=self.membership, pk=self.kwargs["pk"])
        services.check_clear(actor=self.actor, check=check)

    def redirect_to(self):
        return reverse("people:check_detail", args=[self.kwargs["pk"]])


class CheckRejectView(FormPage):
    form_class = CheckRejectForm
    title = gettext_lazy("Not cleared")

    def get_check(self):
        if not hasattr(self, "_check"):
            self._check = selectors.check_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._check

    def get_title(self):
        return f"{self.title}: {self.get_check().person.full_name}"

    def perform(self, form):
        return services.check_reject(
            actor=self.actor, check=self.get_check(), note=form.cleaned_data["note"]
        )

    def get_cancel_url(self):
        return reverse("people:check_detail", args=[self.kwargs["pk"]])

    get_success_url = get_cancel_url
