from django.shortcuts import get_object_or_404

from resguardo.core.permissions import restrict_to_sites

from .models import SampleNote


def note_list(*, membership):
    notes = SampleNote.objects.filter(organization=membership.organization).order_by("pk")
    return restrict_to_sites(notes, membership, "site")


def note_get(*, membership, pk):
    return get_object_or_404(note_list(membership=membership), pk=pk)
