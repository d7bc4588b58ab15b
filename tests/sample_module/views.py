from django.views.generic import TemplateView
from rest_framework import serializers

from resguardo.core.api.views import ReadOnlyOrganizationViewSet
from resguardo.core.views.mixins import OrganizationRequiredMixin

from . import selectors
from .models import SampleNote


class NoteListView(OrganizationRequiredMixin, TemplateView):
    template_name = "sample_module/notes.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "notes": selectors.note_list(membership=self.membership),
        }


class NoteDetailView(OrganizationRequiredMixin, TemplateView):
    template_name = "sample_module/notes.html"

    def get_context_data(self, **kwargs):
        note = selectors.note_get(membership=self.membership, pk=kwargs["pk"])
        return {**super().get_context_data(**kwargs), "notes": [note]}


class SampleNoteSerializer(serializers.ModelSerializer):
    class Meta:
        model = SampleNote
        fields = ["id", "title", "site", "due_on"]


class SampleNoteViewSet(ReadOnlyOrganizationViewSet):
    queryset = SampleNote.objects.none()
    serializer_class = SampleNoteSerializer

    def get_scoped_queryset(self):
        return selectors.note_list(membership=self.membership)
