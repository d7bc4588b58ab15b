from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from resguardo.core.downloads import stored_file_response

from .. import selectors, services
from ..filtersets import DisposalFilterSet, DocumentTypeFilterSet
from ..forms import DisposalForm, DocumentTypeForm
from .common import FormPage, ListPage, ReadMixin


class DocumentTypeListView(ListPage):
    template_name = "infosec/document_type_list.html"
    partial_template_name = "infosec/partials/_document_type_rows.html"
    filterset_class = DocumentTypeFilterSet

    def get_base_queryset(self):
        return selectors.document_type_list(membership=self.membership)


class DocumentTypeCreateView(FormPage):
    form_class = DocumentTypeForm
    title = gettext_lazy("New document type")
    cancel_url = reverse_lazy("infosec:document_type_list")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"people": self.people()}

    def perform(self, form):
        data = dict(form.cleaned_data)
        data.pop("version", None)
        return services.document_type_create(actor=self.actor, **data)

    def success(self, form):
        messages.success(self.request, _("Document type saved."))
        return redirect("infosec:document_type_list")


class DocumentTypeEditView(DocumentTypeCreateView):
    def get_object(self):
        if not hasattr(self, "_object"):
            self._object = selectors.document_type_get(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._object

    def get_title(self):
        return _("Edit %(name)s") % {"name": self.get_object().name}

    def get_initial(self):
        d = self.get_object()
        return {
            "name": d.name,
            "classification": d.classification,
            "readers": d.readers,
            "retention_years": d.retention_years,
            "retention_basis": d.retention_basis,
            "storage_place": d.storage_place,
            "owner": d.owner_id,
            "description": d.description,
            "version": d.version,
        }

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        return services.document_type_update(
            actor=self.actor, document_type=self.get_object(), expected_version=version, **data
        )


class DisposalListView(ListPage):
    template_name = "infosec/disposal_list.html"
    partial_template_name = "infosec/partials/_disposal_rows.html"
    filterset_class = DisposalFilterSet

    def get_base_queryset(self):
        return selectors.disposal_list(membership=self.membership)


class DisposalCreateView(FormPage):
    form_class = DisposalForm
    title = gettext_lazy("Record a destruction or media wipe")
    cancel_url = reverse_lazy("infosec:disposal_list")

    def get_form_kwargs(self):
        types = selectors.document_type_list(membership=self.membership)
        return super().get_form_kwargs() | {"document_types": types}

    def get_initial(self):
        return {"performed_on": timezone.localdate()}

    def perform(self, form):
        return services.disposal_record(actor=self.actor, **form.cleaned_data)

    def success(self, form):
        messages.success(self.request, _("Destruction recorded."))
        return redirect(reverse("infosec:disposal_list"))


class DisposalEvidenceView(ReadMixin, View):
    def get(self, request, pk):
        record = selectors.disposal_get(membership=self.membership, pk=pk)
        return stored_file_response(
            record.file, content_type=record.content_type, filename=record.original_name
        )
