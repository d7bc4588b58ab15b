from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView

from .. import selectors, services
from ..filtersets import CredentialFilterSet
from ..forms import CredentialForm, CredentialLogForm
from .common import FormPage, ListPage, ReadMixin


class CredentialListView(ListPage):
    template_name = "infosec/credential_list.html"
    partial_template_name = "infosec/partials/_credential_rows.html"
    filterset_class = CredentialFilterSet

    def get_base_queryset(self):
        return selectors.credential_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        return super().get_context_data(today=timezone.localdate(), **kwargs)


class CredentialCreateView(FormPage):
    form_class = CredentialForm
    title = gettext_lazy("Register an e.firma or digital seal")
    cancel_url = reverse_lazy("infosec:credential_list")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"people": self.people()}

    def perform(self, form):
        data = dict(form.cleaned_data)
        data.pop("version", None)
        return services.credential_register(actor=self.actor, **data)

    def success(self, form):
        messages.success(self.request, _("Credential saved."))
        return redirect("infosec:credential_detail", pk=self.object.pk)


class _CredentialPage(FormPage):
    def get_credential(self):
        if not hasattr(self, "_credential"):
            self._credential = selectors.credential_get(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._credential

    def get_cancel_url(self):
        return reverse("infosec:credential_detail", args=[self.get_credential().pk])

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"people": self.people()}

    def success(self, form):
        messages.success(self.request, _("Saved."))
        return redirect("infosec:credential_detail", pk=self.get_credential().pk)


class CredentialEditView(_CredentialPage):
    form_class = CredentialForm

    def get_title(self):
        return _("Edit %(credential)s") % {"credential": self.get_credential()}

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"editing": True}

    def get_initial(self):
        c = self.get_credential()
        fields = ("holder", "holder_rfc", "serial_number", "location", "valid_from",
                  "expires_on", "notes", "version")  # fmt: skip
        return {f: getattr(c, f) for f in fields}

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        return services.credential_update(
            actor=self.actor, credential=self.get_credential(), expected_version=version, **data
        )


class CredentialLogView(_CredentialPage):
    form_class = CredentialLogForm
    submit_label = gettext_lazy("Add to the log")

    def get_title(self):
        return _("Log a use or hand-over of %(credential)s") % {"credential": self.get_credential()}

    def get_initial(self):
        return {"occurred_at": timezone.localtime().replace(second=0, microsecond=0)}

    def perform(self, form):
        return services.credential_log(
            actor=self.actor, credential=self.get_credential(), **form.cleaned_data
        )


class CredentialDetailView(ReadMixin, DetailView):
    template_name = "infosec/credential_detail.html"
    context_object_name = "credential"

    def get_object(self, queryset=None):
        return selectors.credential_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            events=selectors.credential_event_list(membership=self.membership).filter(
                credential=self.object
            ),
            days_left=(self.object.expires_on - timezone.localdate()).days,
            **kwargs,
        )
