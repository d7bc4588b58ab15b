import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.core.exceptions import ConcurrentEditError
from resguardo.core.models import AuditEntry
from resguardo.shipments import services
from resguardo.shipments.choices import (
    CheckResult,
    DocumentCheckItem,
    DocumentKind,
    ShipmentStatus,
)
from resguardo.shipments.models import Shipment

from .factories import container_number, pedimento_for, year2

pytestmark = pytest.mark.django_db


def _create(world, user=None, site=None, **overrides):
    user = user or world.alice
    data = dict(
        site=site or world.yard,
        pedimento=pedimento_for("3921", "24"),
        operation="export",
        mode="road",
        client_name="Autopartes del Bravo, S.A. de C.V.",
        operation_date=timezone.localdate(),
        trailer_number="cj-53214",
    )
    data.update(overrides)
    return services.shipment_create(actor=world.actor(user), **data)


def _all_ok():
    return {item.value: {"result": CheckResult.OK, "note": ""} for item in DocumentCheckItem}


def test_create_normalizes_and_audits(patentes):
    world = patentes
    number = container_number()
    shipment = _create(
        world,
        pedimento=f"{year2()} 24 3921 {year2()[1]}000777",
        containers=[(number[:4] + " " + number[4:].lower(), "reefer")],
        document_seal_numbers=["aa 0001", "AA0002"],
    )
    assert shipment.pedimento == f"{year2()}243921{year2()[1]}000777"
    assert shipment.aduana.code == "24" and shipment.patente.number == "3921"
    assert shipment.trailer_number == "CJ53214"
    assert shipment.document_seal_numbers == ["AA0001", "AA0002"]
    assert [(c.number, c.kind) for c in shipment.containers.all()] == [(number, "reefer")]
    assert AuditEntry.objects.filter(
        object_type="shipments.shipment", object_id=str(shipment.pk)
    ).exists()


def test_wrong_container_check_digit_is_refused_with_expected_digit(patentes):
    good = container_number()
    wrong = good[:10] + str((int(good[10]) + 1) % 10)
    with pytest.raises(ValidationError) as error:
        _create(patentes, containers=[wrong])
    message = error.value.message_dict["containers"][0]
    assert f"the expected digit is {good[10]}" in message
    assert not Shipment.objects.exists()


def test_patente_of_another_organization_is_refused(patentes):
    with pytest.raises(ValidationError) as error:
        _create(patentes, pedimento=pedimento_for("1780", "24"))
    message = error.value.message_dict["pedimento"][0]
    assert "1780" in message and "3921, 3945" in message


def test_unknown_customs_office_is_refused(patentes):
    with pytest.raises(ValidationError) as error:
        _create(patentes, pedimento=pedimento_for("3921", "99"))
    assert "customs office “99”" in error.value.message_dict["pedimento"][0]


def test_same_pedimento_twice_is_refused(patentes):
    number = pedimento_for("3921", "24")
    _create(patentes, pedimento=number)
    with pytest.raises(ValidationError) as error:
        _create(patentes, pedimento=number)
    assert "already registered" in error.value.message_dict["pedimento"][0]
    assert Shipment.objects.count() == 1


def test_staff_records_only_at_their_sites(patentes):
    world = patentes
    assert _create(world, user=world.sofia, site=world.yard).site == world.yard
    with pytest.raises(PermissionDenied):
        _create(world, user=world.sofia, site=world.office)


def test_auditor_cannot_record(patentes):
    with pytest.raises(PermissionDenied):
        _create(patentes, user=patentes.audrey)


def test_transmission_needs_verified_documents(patentes):
    world = patentes
    shipment = _create(world)
    membership = world.membership(world.alice)
    with pytest.raises(ValidationError) as error:
        services.shipment_transmit(actor=Actor.for_member(membership), shipment=shipment)
    assert "have not been verified" in error.value.messages[0]

    answers = _all_ok()
    answers[DocumentCheckItem.VALUE] = {"result": CheckResult.ISSUE, "note": ""}
    with pytest.raises(ValidationError) as error:
        services.shipment_documents_check(
            actor=Actor.for_member(membership), shipment=shipment, answers=answers
        )
    assert "Describe the problem" in error.value.messages[0]

    answers[DocumentCheckItem.VALUE] = {"result": CheckResult.ISSUE, "note": "COVE sin folio"}
    shipment = services.shipment_documents_check(
        actor=Actor.for_member(membership), shipment=shipment, answers=answers
    )
    assert not shipment.documents_verified
    shipment = services.shipment_documents_check(
        actor=Actor.for_member(membership), shipment=shipment, answers=_all_ok()
    )
    assert shipment.documents_verified and shipment.documents_verified_by == world.alice
    shipment = services.shipment_transmit(actor=Actor.for_member(membership), shipment=shipment)
    assert shipment.status == ShipmentStatus.TRANSMITTED
    shipment = services.shipment_clear(actor=Actor.for_member(membership), shipment=shipment)
    assert shipment.status == ShipmentStatus.CLEARED
    with pytest.raises(ValidationError):
        services.shipment_update(actor=Actor.for_member(membership), shipment=shipment, notes="x")


def test_unanswered_check_items_are_named(patentes):
    world = patentes
    shipment = _create(world)
    answers = _all_ok()
    del answers[DocumentCheckItem.DUTIES]
    with pytest.raises(ValidationError) as error:
        services.shipment_documents_check(
            actor=world.actor(world.alice),
            shipment=shipment,
            answers=answers,
        )
    assert "Duties and taxes calculated and reviewed" in error.value.messages[0]


def test_changing_transport_data_makes_the_verification_stale(patentes):
    world = patentes
    membership = world.membership(world.alice)
    shipment = services.shipment_documents_check(
        actor=Actor.for_member(membership), shipment=_create(world), answers=_all_ok()
    )
    assert shipment.documents_verified
    shipment = services.shipment_update(
        actor=Actor.for_member(membership), shipment=shipment, trailer_number="PL88120"
    )
    assert not shipment.documents_verified
    shipment = services.shipment_update(
        actor=Actor.for_member(membership), shipment=shipment, notes="llega tarde"
    )
    assert shipment.notes == "llega tarde"


def test_stale_version_is_a_conflict(patentes):
    world = patentes
    membership = world.membership(world.alice)
    shipment = _create(world)
    first = Shipment.objects.get(pk=shipment.pk)
    second = Shipment.objects.get(pk=shipment.pk)
    services.shipment_update(
        actor=Actor.for_member(membership),
        shipment=first,
        notes="A",
        expected_version=first.version,
    )
    with pytest.raises(ConcurrentEditError):
        services.shipment_update(
            actor=world.actor(world.carla),
            shipment=second,
            notes="B",
            expected_version=second.version,
        )
    assert Shipment.objects.get(pk=shipment.pk).notes == "A"


def test_containers_can_be_replaced(patentes):
    world = patentes
    a, b = container_number(), container_number()
    shipment = _create(world, containers=[a])
    shipment = services.shipment_update(
        actor=world.actor(world.alice),
        shipment=shipment,
        containers=[(b, "dry")],
    )
    assert [c.number for c in shipment.containers.all()] == [b]


def test_cancel_needs_a_reason(patentes):
    world = patentes
    shipment = _create(world)
    with pytest.raises(ValidationError):
        services.shipment_cancel(
            actor=world.actor(world.alice),
            shipment=shipment,
            reason=" ",
        )
    shipment = services.shipment_cancel(
        actor=world.actor(world.alice),
        shipment=shipment,
        reason="El cliente canceló la operación",
    )
    assert shipment.status == ShipmentStatus.CANCELLED


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_document_upload_checks_content(patentes):
    world = patentes
    shipment = _create(world)
    membership = world.membership(world.alice)
    document = services.document_add(
        actor=Actor.for_member(membership),
        shipment=shipment,
        kind=DocumentKind.CARTA_PORTE,
        number="CP-1",
        file=SimpleUploadedFile("carta.pdf", PDF, content_type="application/pdf"),
    )
    assert document.content_type == "application/pdf" and len(document.sha256) == 64
    with pytest.raises(ValidationError) as error:
        services.document_add(
            actor=Actor.for_member(membership),
            shipment=shipment,
            kind=DocumentKind.COMMERCIAL_INVOICE,
            file=SimpleUploadedFile(
                "factura.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
            ),
        )
    assert "is not a PDF, an XML file or an image" in error.value.message_dict["file"][0]
    with pytest.raises(ValidationError):
        services.document_add(
            actor=Actor.for_member(membership),
            shipment=shipment,
            kind=DocumentKind.COMMERCIAL_INVOICE,
        )


def test_badge_register_rules(patentes):
    from resguardo.core.models import Aduana

    world = patentes
    today = timezone.localdate()
    data = dict(
        holder_name="Luis Hernández",
        holder_kind="dependiente",
        aduana=Aduana.objects.get(code="24"),
        badge_number="nld-0341",
        issued_on=today - datetime.timedelta(days=10),
        expires_on=today + datetime.timedelta(days=300),
    )
    badge = services.badge_create(actor=world.actor(world.carla), **data)
    assert badge.badge_number == "NLD-0341"
    with pytest.raises(ValidationError) as error:
        services.badge_create(actor=world.actor(world.carla), **data)
    assert "already in the register" in error.value.message_dict["badge_number"][0]
    with pytest.raises(ValidationError) as error:
        services.badge_create(
            actor=world.actor(world.carla),
            **{**data, "badge_number": "X1", "expires_on": data["issued_on"]},
        )
    assert "after the issue date" in error.value.message_dict["expires_on"][0]
    with pytest.raises(PermissionDenied):
        services.badge_create(
            actor=world.actor(world.sofia),
            **{**data, "badge_number": "X2"},
        )
    badge = services.badge_update(
        actor=world.actor(world.carla),
        badge=badge,
        status="returned",
        expected_version=badge.version,
    )
    assert badge.status_changed_on == today
