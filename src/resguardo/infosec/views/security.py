from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView

from resguardo.core.selectors import site_list

from .. import selectors, services
from ..filtersets import CyberEventFilterSet
from ..forms import CyberEventForm
from .common import FormPage, ListPage, ReadMixin


class CyberEventListView(ListPage):
    template_name = "infosec/cyber_event_list.html"
    partial_template_name = "infosec/partials/_cyber_event_rows.html"
    filterset_class = CyberEventFilterSet

    def get_base_queryset(self):
        return selectors.cyber_event_list(membership=self.membership)


class CyberEventCreateView(FormPage):
    form_class = CyberEventForm
    title = gettext_lazy("Report a cyber event")
    intro = gettext_lazy(
        "Saving it opens an incident for investigation (standard 11) with the same summary."
    )
    cancel_url = reverse_lazy("infosec:cyber_event_list")
    editing = False

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {
            "systems": selectors.system_list(membership=self.membership).order_by("name"),
            "sites": site_list(membership=self.membership),
            "editing": self.editing,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(intro=self.intro, **kwargs)

    def get_initial(self):
        return {"occurred_at": timezone.localtime().replace(second=0, microsecond=0)}

    def perform(self, form):
        data = dict(form.cleaned_data)
        data.pop("version", None)
        return services.cyber_event_report(actor=self.actor, **data)

    def success(self, form):
        messages.success(self.request, _("Cyber event recorded."))
        return redirect("infosec:cyber_event_detail", pk=self.object.pk)


class CyberEventEditView(CyberEventCreateView):
    editing = True
    intro = ""

    def get_event(self):
        if not hasattr(self, "_event"):
            self._event = selectors.cyber_event_get(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._event

    def get_title(self):
        return _("Edit %(event)s") % {"event": self.get_event()}

    def get_cancel_url(self):
        return reverse("infosec:cyber_event_detail", args=[self.get_event().pk])

    def get_initial(self):
        e = self.get_event()
        fields = ("kind", "summary", "description", "status", "actions_taken", "version")
        return {f: getattr(e, f) for f in fields} | {
            "occurred_at": timezone.localtime(e.occurred_at),
            "system": e.system_id,
            "site": e.site_id,
        }

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        return services.cyber_event_update(
            actor=self.actor, event=self.get_event(), expected_version=version, **data
        )


class CyberEventDetailView(ReadMixin, DetailView):
    template_name = "infosec/cyber_event_detail.html"
    context_object_name = "event"

    def get_object(self, queryset=None):
        return selectors.cyber_event_get(membership=self.membership, pk=self.kwargs["pk"])
