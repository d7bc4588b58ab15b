import pytest
from django.urls import reverse

from .factories import applied_seal

pytestmark = pytest.mark.django_db


def test_dashboard_panels_show_the_work_waiting(patentes, client_for):
    world = patentes
    seal = applied_seal(world)
    from resguardo.conveyance import services

    services.seal_verify(
        actor=world.actor(world.sofia),
        seal=seal,
        checkpoint="border",
        view_ok=False,
        verify_ok=True,
        tug_ok=True,
        twist_ok=True,
        number_read=seal.number,
        note="Marcas en el perno",
    )
    body = client_for(world.sam).get(reverse("core:dashboard")).content.decode()
    assert "Open seal discrepancies" in body and "Documents to verify before transmission" in body
    assert reverse("conveyance:discrepancy_list") + "?status=open" in body
