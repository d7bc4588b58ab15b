"""A partner confirmed on a watchlist is blocked: shipments refuse new operations with it
(partners and shipments meet only through core's counterparty check)."""

import pytest
from django.core.exceptions import ValidationError

from resguardo.partners.choices import PartnerStatus
from resguardo.partners.tests.factories import PartnerFactory
from resguardo.shipments import services as shipment_services
from resguardo.shipments.models import Shipment
from resguardo.shipments.tests.factories import pedimento_for, year2
from resguardo.shipments.tests.test_services import _create

pytestmark = pytest.mark.django_db

BLOCKED_RFC = "LFE0805123A3"


@pytest.fixture
def blocked_partner(patentes):
    return PartnerFactory(
        organization=patentes.org,
        legal_name="Logística Fénix, S.A. de C.V.",
        rfc=BLOCKED_RFC,
        status=PartnerStatus.BLOCKED,
    )


@pytest.fixture
def patentes(world):
    from resguardo.shipments.tests.factories import patente

    patente(world.org, "3921")
    return world


def test_a_shipment_for_a_blocked_client_is_refused(blocked_partner, patentes, settings):
    settings.LANGUAGE_CODE = "en"
    with pytest.raises(ValidationError) as error:
        _create(patentes, client_name="Logística Fénix", client_rfc=BLOCKED_RFC)
    assert "blocked after a confirmed watchlist match" in error.value.message_dict["client_rfc"][0]
    assert not Shipment.objects.exists()
    # Any other client is fine, and other organizations are unaffected by Norte's block.
    assert _create(patentes, client_rfc="").pk


def test_an_import_row_for_a_blocked_client_is_reported_and_nothing_is_written(
    blocked_partner, patentes, settings
):
    settings.LANGUAGE_CODE = "en"
    header = "pedimento,site,operation,mode,client,client_rfc,date\n"
    rows = [
        f"{pedimento_for()},Patio Norte,export,road,Otro Cliente,,20{year2()}-03-01",
        f"{pedimento_for()},Patio Norte,export,road,Fénix,{BLOCKED_RFC},20{year2()}-03-01",
    ]
    report = shipment_services.shipment_import(
        actor=patentes.actor(patentes.alice),
        data=(header + "\n".join(rows) + "\n").encode(),
        file_name="shipments.csv",
        default_site=None,
        dry_run=False,
    )
    assert not report.ok
    assert [(e.row, e.column) for e in report.errors] == [(3, "client_rfc")]
    assert "blocked" in report.errors[0].message
    assert not Shipment.objects.exists()
