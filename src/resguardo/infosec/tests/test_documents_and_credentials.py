"""Document classification, the destruction log and credential custody: the rules people meet."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from resguardo.core.choices import Role
from resguardo.testing.storage import files_stored, still_stored

from .. import services
from ..choices import CredentialEventKind, CredentialKind, CredentialStatus
from ..models import CredentialEvent, DisposalRecord
from .helpers import actor_of, signed_in

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def test_confidential_document_types_are_never_read_by_site_roles(world):
    carla = actor_of(world, world.carla)
    with pytest.raises(ValidationError) as error:
        services.document_type_create(
            actor=carla, name="Expediente", classification="confidential", retention_years=5,
            readers=[Role.ADMIN, Role.STAFF],
        )  # fmt: skip
    assert "readers" in error.value.message_dict
    doc = services.document_type_create(
        actor=carla, name="Expediente", classification="confidential", retention_years=5
    )
    assert doc.readers == [Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR]
    page = signed_in(world.carla).get(reverse("infosec:document_type_list")).content.decode()
    assert "Expediente" in page and "Auditor" in page


def test_a_destruction_needs_a_different_witness_and_keeps_its_evidence(world):
    carla = actor_of(world, world.carla)
    data = {
        "performed_on": timezone.localdate(), "description": "Discos", "media": "hard_drive",
        "method": "degaussing", "performed_by": "Ana Ruiz",
    }  # fmt: skip
    with files_stored() as stored, pytest.raises(ValidationError) as error:
        services.disposal_record(
            actor=carla, witness="ana ruiz ", evidence=SimpleUploadedFile("c.pdf", PDF), **data
        )
    assert "witness" in error.value.message_dict
    assert not still_stored(stored) and not DisposalRecord.objects.exists()
    record = services.disposal_record(
        actor=carla, witness="Beto Paz", evidence=SimpleUploadedFile("cert.pdf", PDF), **data
    )
    response = signed_in(world.audrey).get(reverse("infosec:disposal_evidence", args=[record.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


def test_a_hand_over_moves_custody_and_is_logged(world):
    carla = actor_of(world, world.carla)
    efirma = services.credential_register(
        actor=carla, kind=CredentialKind.EFIRMA, holder="Agente", serial_number="00001",
        location="Caja fuerte", custodian=world.alice,
        expires_on=timezone.localdate() + datetime.timedelta(days=300),
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        services.credential_log(
            actor=carla, credential=efirma, kind=CredentialEventKind.TRANSFER, purpose="x"
        )
    assert "to_custodian" in error.value.message_dict
    with pytest.raises(ValidationError):  # oscar is not a member of Norte
        services.credential_log(
            actor=carla, credential=efirma, kind=CredentialEventKind.TRANSFER, purpose="x",
            to_custodian=world.oscar,
        )  # fmt: skip
    services.credential_log(
        actor=carla, credential=efirma, kind=CredentialEventKind.TRANSFER,
        purpose="Vacaciones del agente", to_custodian=world.carla, location="Token de Carla",
    )  # fmt: skip
    efirma.refresh_from_db()
    assert efirma.custodian == world.carla and efirma.location == "Token de Carla"
    event = CredentialEvent.objects.get()
    assert (event.from_custodian, event.to_custodian) == (world.alice, world.carla)
    services.credential_log(
        actor=carla, credential=efirma, kind=CredentialEventKind.REVOCATION, purpose="Robo"
    )
    efirma.refresh_from_db()
    assert efirma.status == CredentialStatus.REVOKED
    with pytest.raises(ValidationError, match="no longer in force"):
        services.credential_log(
            actor=carla, credential=efirma, kind=CredentialEventKind.USE, purpose="Firma"
        )
    page = signed_in(world.carla).get(reverse("infosec:credential_detail", args=[efirma.pk]))
    assert "Vacaciones del agente" in page.content.decode()


def test_two_people_editing_a_system_the_second_save_is_refused(world):
    from resguardo.core.exceptions import ConcurrentEditError

    carla = actor_of(world, world.carla)
    system = services.system_create(actor=carla, name="ERP", kind="erp")
    services.system_update(actor=carla, system=system, expected_version=1, vendor="A")
    with pytest.raises(ConcurrentEditError):
        services.system_update(actor=carla, system=system, expected_version=1, vendor="B")
