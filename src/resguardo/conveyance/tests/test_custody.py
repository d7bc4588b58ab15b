import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.conveyance import services
from resguardo.conveyance.choices import SealStatus
from resguardo.conveyance.events import SealDiscrepancyRecorded
from resguardo.conveyance.models import Seal, SealDiscrepancy, SealEvent
from resguardo.core.actors import Actor
from resguardo.core.events import subscribe, unsubscribe
from resguardo.core.models import EventDelivery

from .factories import applied_seal, issued_seal, png, receive_lot, shipment_at

pytestmark = pytest.mark.django_db


def test_receiving_a_lot_creates_every_seal_with_its_first_event(patentes):
    lot = receive_lot(patentes, first=1, last=25)
    assert lot.seals.count() == 25 and lot.first_label == "MX0000001"
    assert SealEvent.objects.filter(seal__lot=lot, kind="received").count() == 25
    assert set(lot.seals.values_list("status", flat=True)) == {SealStatus.IN_STOCK}


def test_the_same_seal_number_cannot_be_received_twice(patentes):
    receive_lot(patentes, first=1, last=10)
    with pytest.raises(ValidationError) as error:
        receive_lot(patentes, first=8, last=20, manufacturer="  tydenbrooks ")
    message = error.value.message_dict["first_number"][0]
    assert "MX0000008, MX0000009, MX0000010" in message and "already in your inventory" in message
    assert Seal.objects.count() == 10
    receive_lot(patentes, first=8, last=20, manufacturer="Otro Fabricante")  # other maker: fine


def test_full_chain_of_custody(patentes):
    world = patentes
    shipment = shipment_at(world.yard, document_seal_numbers=["MX0001001"])
    seal = applied_seal(world, shipment)
    assert (
        seal.status == SealStatus.APPLIED and seal.unit_number == shipment.containers.first().number
    )
    membership = world.membership(world.sofia)
    event = services.seal_verify(
        actor=Actor.for_member(membership),
        seal=seal,
        checkpoint="yard_exit",
        view_ok=True,
        verify_ok=True,
        tug_ok=True,
        twist_ok=True,
        number_read="mx 0001001",
    )
    assert event.seal.status == SealStatus.APPLIED and not SealDiscrepancy.objects.exists()
    services.seal_remove(actor=Actor.for_member(membership), seal=event.seal, reason="destination")
    seal.refresh_from_db()
    services.seal_destroy(
        actor=world.actor(world.sam),
        seals=[seal],
        note="Cortado y desechado",
        witness=world.carla,
    )
    seal.refresh_from_db()
    assert seal.status == SealStatus.DESTROYED
    kinds = list(seal.events.order_by("sequence").values_list("kind", flat=True))
    assert kinds == ["received", "issued", "applied", "verified", "removed", "destroyed"]


def test_a_seal_never_issued_cannot_be_applied(patentes):
    world = patentes
    seal = receive_lot(world).seals.first()
    with pytest.raises(ValidationError) as error:
        services.seal_apply(
            actor=world.actor(world.sofia),
            seal=seal,
            shipment=shipment_at(world.yard),
            photo=png(),
        )
    assert "It was never issued" in error.value.messages[0]


def test_a_seal_cannot_be_used_twice(patentes):
    world = patentes
    seal = applied_seal(world)
    with pytest.raises(ValidationError) as error:
        services.seal_apply(
            actor=world.actor(world.sofia),
            seal=seal,
            shipment=shipment_at(world.yard),
            photo=png(),
        )
    assert "A seal is used only once" in error.value.messages[0]


def test_out_of_order_events_are_refused(patentes):
    world = patentes
    membership = world.membership(world.sofia)
    seal = issued_seal(world)
    with pytest.raises(ValidationError) as error:
        services.seal_verify(
            actor=Actor.for_member(membership),
            seal=seal,
            checkpoint="yard_exit",
            view_ok=True,
            verify_ok=True,
            tug_ok=True,
            twist_ok=True,
            number_read=seal.number,
        )
    assert "Record its application before verifying it" in error.value.messages[0]
    with pytest.raises(ValidationError) as error:
        services.seal_remove(actor=Actor.for_member(membership), seal=seal, reason="destination")
    assert "never applied" in error.value.messages[0]
    earlier = seal.last_event_at - datetime.timedelta(hours=2)
    with pytest.raises(ValidationError) as error:
        services.seal_apply(
            actor=Actor.for_member(membership),
            seal=seal,
            shipment=shipment_at(world.yard),
            photo=png(),
            occurred_at=earlier,
        )
    assert (
        "must be recorded in the order they happened" in error.value.message_dict["occurred_at"][0]
    )


def test_application_needs_a_real_photo(patentes):
    world = patentes
    seal = issued_seal(world)
    membership = world.membership(world.sofia)
    shipment = shipment_at(world.yard)
    with pytest.raises(ValidationError) as error:
        services.seal_apply(
            actor=Actor.for_member(membership), seal=seal, shipment=shipment, photo=None
        )
    assert "Take a photo" in error.value.message_dict["photo"][0]
    fake = SimpleUploadedFile("sello.jpg", b"not really a jpeg", content_type="image/jpeg")
    with pytest.raises(ValidationError) as error:
        services.seal_apply(
            actor=Actor.for_member(membership), seal=seal, shipment=shipment, photo=fake
        )
    assert "is not a photo" in error.value.message_dict["photo"][0]


def _noisy_png(megabytes: float) -> SimpleUploadedFile:
    """A real PNG of random pixels (they do not compress), about `megabytes` big."""
    import io
    import os

    from PIL import Image

    side = int((megabytes * 1024 * 1024 / 3) ** 0.5) + 1
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(buffer, "PNG")
    return SimpleUploadedFile("sello.png", buffer.getvalue(), content_type="image/png")


def test_photo_size_limit(patentes, settings):
    settings.PHOTO_MAX_UPLOAD_MB = 1
    world = patentes
    seal = issued_seal(world)
    with pytest.raises(ValidationError) as error:
        services.seal_apply(
            actor=world.actor(world.sofia),
            seal=seal,
            shipment=shipment_at(world.yard),
            photo=_noisy_png(1.2),
        )
    assert "the limit is" in error.value.message_dict["photo"][0]


def test_only_class_h_seals_go_on_containers(patentes):
    world = patentes
    seal = issued_seal(world, lot=receive_lot(world, iso_class="I", manufacturer="Indicativos"))
    with pytest.raises(ValidationError) as error:
        services.seal_apply(
            actor=world.actor(world.sofia),
            seal=seal,
            shipment=shipment_at(world.yard),
            photo=png(),
        )
    assert "class H" in error.value.messages[0]


def test_failed_vvtt_records_and_publishes_a_discrepancy(
    patentes, django_capture_on_commit_callbacks
):
    world = patentes
    received = []
    subscribe(SealDiscrepancyRecorded, received.append)
    shipment = shipment_at(world.yard, document_seal_numbers=["MX0001001"])
    seal = applied_seal(world, shipment)
    membership = world.membership(world.sofia)
    with pytest.raises(ValidationError) as error:  # a failure must be described
        services.seal_verify(
            actor=Actor.for_member(membership),
            seal=seal,
            checkpoint="border",
            view_ok=True,
            verify_ok=True,
            tug_ok=True,
            twist_ok=True,
            number_read="MX0001999",
        )
    assert "Describe what you found" in error.value.message_dict["note"][0]
    with django_capture_on_commit_callbacks(execute=True):
        event = services.seal_verify(
            actor=Actor.for_member(membership),
            seal=seal,
            checkpoint="border",
            view_ok=True,
            verify_ok=True,
            tug_ok=True,
            twist_ok=True,
            number_read="MX0001999",
            note="El número del sello no coincide",
        )
    assert event.verify_ok is False and event.seal.status == SealStatus.COMPROMISED
    discrepancy = SealDiscrepancy.objects.get()
    assert discrepancy.kind == "number_mismatch" and "MX0001999" in discrepancy.description
    assert [e.discrepancy_id for e in received] == [discrepancy.pk]
    assert received[0].shipment_id == shipment.pk and received[0].organization_id == world.org.pk


def test_a_failing_subscriber_keeps_the_discrepancy_and_its_delivery_waits(
    patentes, django_capture_on_commit_callbacks
):
    def open_incident(event):
        raise ConnectionError("incidents unavailable")

    world = patentes
    subscribe(SealDiscrepancyRecorded, open_incident, name="tests.open_incident")
    try:
        seal = applied_seal(world, shipment_at(world.yard, document_seal_numbers=["MX0001001"]))
        with django_capture_on_commit_callbacks(execute=True):
            services.seal_verify(
                actor=world.actor(world.sofia),
                seal=seal,
                checkpoint="border",
                view_ok=True,
                verify_ok=True,
                tug_ok=True,
                twist_ok=True,
                number_read="MX0001999",
                note="El número del sello no coincide",
            )
    finally:
        unsubscribe(SealDiscrepancyRecorded, "tests.open_incident")
    discrepancy = SealDiscrepancy.objects.get()  # the publisher's change stays
    delivery = EventDelivery.objects.get(handler="tests.open_incident")
    assert delivery.status == "pending" and delivery.attempts == 1
    assert "ConnectionError: incidents unavailable" in delivery.last_error
    assert delivery.event.event_type == "conveyance.seal_discrepancy_recorded"
    assert delivery.event.payload["discrepancy_id"] == discrepancy.pk
    assert delivery.event.payload["occurred_at"] == discrepancy.occurred_at.isoformat()


def test_broken_seal_is_the_most_serious_kind(patentes):
    world = patentes
    seal = applied_seal(world)
    services.seal_verify(
        actor=world.actor(world.sofia),
        seal=seal,
        checkpoint="customs",
        view_ok=False,
        verify_ok=True,
        tug_ok=False,
        twist_ok=True,
        number_read=seal.number,
        note="Sello suelto",
    )
    assert SealDiscrepancy.objects.get().kind == "broken"
    with pytest.raises(ValidationError) as error:
        services.seal_verify(
            actor=world.actor(world.sofia),
            seal=Seal.objects.get(pk=seal.pk),
            checkpoint="customs",
            view_ok=True,
            verify_ok=True,
            tug_ok=True,
            twist_ok=True,
            number_read=seal.number,
        )
    assert "remove it and apply a replacement" in error.value.messages[0]


def test_staff_of_another_site_and_auditors_cannot_record(patentes):
    world = patentes
    office_lot = receive_lot(world, site=world.office, first=5000, last=5001)
    with pytest.raises(PermissionDenied):
        services.seal_issue(
            actor=world.actor(world.sofia),
            seals=list(office_lot.seals.all()),
            person=world.sofia,
        )
    with pytest.raises(PermissionDenied):
        receive_lot(world, user=world.audrey, first=9000, last=9001)


def test_destroy_and_void_are_supervisor_decisions(patentes):
    world = patentes
    seal = receive_lot(world).seals.first()
    with pytest.raises(PermissionDenied):
        services.seal_void(
            actor=world.actor(world.sofia),
            seal=seal,
            reason="lost",
            note="No aparece",
        )
    services.seal_void(
        actor=world.actor(world.sam),
        seal=seal,
        reason="lost",
        note="No aparece en la caja fuerte",
    )
    assert SealDiscrepancy.objects.get().kind == "missing"


def test_issue_needs_a_named_person_and_return_puts_back_in_stock(patentes):
    world = patentes
    seal = receive_lot(world).seals.first()
    membership = world.membership(world.sofia)
    with pytest.raises(ValidationError):
        services.seal_issue(actor=Actor.for_member(membership), seals=[seal])
    services.seal_issue(
        actor=Actor.for_member(membership),
        seals=[seal],
        person_name="Ramiro Cantú (operador)",
    )
    seal.refresh_from_db()
    assert seal.holder_name == "Ramiro Cantú (operador)"
    services.seal_return(actor=Actor.for_member(membership), seal=seal)
    seal.refresh_from_db()
    assert seal.status == SealStatus.IN_STOCK and seal.holder_name == ""


def test_future_time_is_refused(patentes):
    world = patentes
    seal = issued_seal(world)
    with pytest.raises(ValidationError) as error:
        services.seal_return(
            actor=world.actor(world.sofia),
            seal=seal,
            occurred_at=timezone.now() + datetime.timedelta(hours=3),
        )
    assert "in the future" in error.value.message_dict["occurred_at"][0]
