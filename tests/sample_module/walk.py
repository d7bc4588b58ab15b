"""The sample module's walk fixtures: one note at Norte's yard, named by the detail routes."""

from resguardo.testing.walk import WalkFixtures

from .models import SampleNote


def build(w) -> None:
    w.sample_note = SampleNote.objects.create(
        organization=w.org, site=w.yard, title="Nota de muestra Norte"
    )


WALK = WalkFixtures(
    build=build,
    url_kwargs={
        "sample_module:note_detail": lambda w: {"pk": w.sample_note.pk},
        "api:samplenote-detail": lambda w: {"pk": w.sample_note.pk},
    },
    markers=lambda w: ["Nota de muestra Norte"],
    snapshot=lambda w: list(SampleNote.objects.filter(organization=w.org).values()),
)
