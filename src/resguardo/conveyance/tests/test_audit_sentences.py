"""A seal application reads as one sentence in the audit log, and is one change."""

from django.urls import reverse

from resguardo.core.models import AuditEntry

from .factories import applied_seal


def test_seal_application_is_one_change_with_a_sentence_in_each_language(patentes, client_for):
    world = patentes
    seal = applied_seal(world)
    applied = AuditEntry.objects.get(organization=world.org, verb="seal.applied")
    together = AuditEntry.objects.filter(organization=world.org, change_id=applied.change_id)
    # The seal event and the seal's new status: two entries of one change.
    assert sorted(together.values_list("object_type", flat=True)) == [
        "conveyance.seal",
        "conveyance.sealevent",
    ]
    issued = AuditEntry.objects.get(organization=world.org, verb="seal.issued")
    assert issued.change_id != applied.change_id

    unit = applied.data["unit"]
    assert unit
    client = client_for(world.alice)
    client.cookies["resguardo_language"] = "es-mx"
    page = client.get(reverse("core:audit_log")).content.decode()
    assert f"Sello {seal.number} colocado en {unit}" in page
    client.cookies["resguardo_language"] = "en"
    page = client.get(reverse("core:audit_log")).content.decode()
    assert f"Seal {seal.number} applied to {unit}" in page
