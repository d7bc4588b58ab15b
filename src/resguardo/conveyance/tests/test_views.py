import pytest
from django.urls import reverse
from django.utils import timezone

from resguardo.conveyance import services
from resguardo.conveyance.models import Inspection, Seal, SealDiscrepancy, SealEvent
from resguardo.shipments.tests.factories import container_number

from .factories import applied_seal, issued_seal, png, receive_lot, shipment_at

pytestmark = pytest.mark.django_db


def test_seal_history_page_shows_the_chain(patentes, client_for):
    world = patentes
    seal = applied_seal(world)
    body = (
        client_for(world.alice)
        .get(reverse("conveyance:seal_detail", args=[seal.pk]))
        .content.decode()
    )
    assert seal.number in body
    for word in ("Received", "Issued", "Applied", "Andén 3", seal.shipment.pedimento_display):
        assert word in body
    assert reverse("conveyance:event_photo", args=[seal.events.get(kind="applied").pk]) in body


def test_seal_history_query_count_is_constant(patentes, client_for, django_assert_max_num_queries):
    world = patentes
    seal = applied_seal(world)
    client = client_for(world.alice)
    url = reverse("conveyance:seal_detail", args=[seal.pk])
    client.get(url)
    with django_assert_max_num_queries(20) as first:
        client.get(url)
    for _ in range(15):
        services.seal_verify(
            actor=world.actor(world.sofia),
            seal=Seal.objects.get(pk=seal.pk),
            checkpoint="transit",
            view_ok=True,
            verify_ok=True,
            tug_ok=True,
            twist_ok=True,
            number_read=seal.number,
        )
    with django_assert_max_num_queries(len(first.captured_queries)):
        body = client.get(url).content.decode()
    assert body.count("VVTT verification") >= 15


def test_outsiders_get_404_for_seals_photos_and_inspections(patentes, client, client_for):
    world = patentes
    seal = applied_seal(world)
    event = seal.events.get(kind="applied")
    urls = [
        reverse("conveyance:seal_detail", args=[seal.pk]),
        reverse("conveyance:event_photo", args=[event.pk]),
        reverse("conveyance:lot_detail", args=[seal.lot_id]),
    ]
    for url in urls:
        assert client_for(world.oscar).get(url).status_code == 404
    photo = client_for(world.audrey).get(urls[1])
    assert photo.status_code == 200 and photo["Content-Type"] == "image/png"
    assert photo["X-Content-Type-Options"] == "nosniff"
    office_seal = receive_lot(world, site=world.office, first=7000, last=7000).seals.get()
    assert (
        client_for(world.sofia)
        .get(reverse("conveyance:seal_detail", args=[office_seal.pk]))
        .status_code
        == 404
    )


def test_search_by_full_number_opens_the_seal(patentes, client_for):
    seal = receive_lot(patentes).seals.order_by("number").first()
    response = client_for(patentes.sofia).get(
        reverse("conveyance:seal_list"), {"q": seal.number.lower()}
    )
    assert response.status_code == 302 and response.url.endswith(f"/seals/{seal.pk}/")


def test_apply_through_the_phone_form(patentes, client_for):
    world = patentes
    shipment = shipment_at(world.yard)
    container = shipment.containers.get()
    seal = issued_seal(world)
    client = client_for(world.sofia)
    url = reverse("conveyance:seal_apply", args=[seal.pk])
    page = client.get(url).content.decode()
    assert 'capture="environment"' in page and 'accept="image/*"' in page
    response = client.post(
        url,
        {
            "pedimento": shipment.pedimento_display,
            "unit": "ZZZU0000000",
            "photo": png(),
            "version": seal.version,
        },
    )
    assert "is not on this shipment" in response.content.decode()
    response = client.post(
        url,
        {
            "pedimento": shipment.pedimento,
            "unit": container.display,
            "photo": png(),
            "version": seal.version,
            "place": "Andén 2",
        },
    )
    assert response.status_code == 302
    seal.refresh_from_db()
    assert seal.status == "applied" and seal.container == container


def test_never_issued_seal_refused_in_the_form(patentes, client_for):
    world = patentes
    shipment = shipment_at(world.yard)
    seal = receive_lot(world).seals.first()
    body = (
        client_for(world.sofia)
        .post(
            reverse("conveyance:seal_apply", args=[seal.pk]),
            {"pedimento": shipment.pedimento, "photo": png(), "version": seal.version},
        )
        .content.decode()
    )
    assert "It was never issued" in body


def test_vvtt_form_failure_creates_discrepancy(patentes, client_for):
    world = patentes
    seal = applied_seal(world)
    response = client_for(world.sofia).post(
        reverse("conveyance:seal_verify", args=[seal.pk]),
        {
            "checkpoint": "border",
            "number_read": seal.number,
            "view_ok": "False",
            "verify_ok": "True",
            "tug_ok": "True",
            "twist_ok": "True",
            "note": "Perno con marcas de pinza",
            "version": seal.version,
        },
    )
    assert response.status_code == 302
    assert SealDiscrepancy.objects.get().kind == "tampered"
    page = client_for(world.sofia).get(response.url).content.decode()
    assert "failed the verification" in page and "Signs of tampering" in page


def test_stale_seal_form_is_a_conflict(patentes, client_for):
    world = patentes
    seal = applied_seal(world)
    body = (
        client_for(world.sofia)
        .post(
            reverse("conveyance:seal_verify", args=[seal.pk]),
            {
                "checkpoint": "border",
                "number_read": seal.number,
                "view_ok": "True",
                "verify_ok": "True",
                "tug_ok": "True",
                "twist_ok": "True",
                "version": seal.version - 1,
            },
        )
        .content.decode()
    )
    assert "after you opened it" in body
    assert not SealEvent.objects.filter(kind="verified").exists()


def test_receive_lot_and_issue_range_pages(patentes, client_for):
    world = patentes
    client = client_for(world.sam)
    response = client.post(
        reverse("conveyance:lot_receive"),
        {
            "site": world.yard.pk,
            "manufacturer": "Sellos Seguros",
            "iso_class": "H",
            "prefix": "SS",
            "first_number": 1,
            "last_number": 50,
            "digits": 6,
            "received_on": timezone.localdate().isoformat(),
            "storage_place": "Caja fuerte",
        },
    )
    assert response.status_code == 302
    lot_url = response.url
    assert "50 seals received" in client.get(lot_url).content.decode()
    lot_id = int(lot_url.rstrip("/").rsplit("/", 1)[1])
    response = client.post(
        reverse("conveyance:lot_issue", args=[lot_id]),
        {
            "first": "ss000001",
            "last": "SS000010",
            "person": world.sofia.pk,
        },
    )
    assert response.status_code == 302
    assert Seal.objects.filter(status="issued", holder=world.sofia).count() == 10
    body = client_for(world.sofia).get(reverse("conveyance:seal_list")).content.decode()
    assert "Seals issued to you" in body and "SS000001" in body


def test_inspection_form_holds_unit_and_supervisor_releases(patentes, client_for, checklists):
    world = patentes
    shipment = shipment_at(world.yard)
    container = shipment.containers.get()
    client = client_for(world.sofia)
    url = reverse("conveyance:inspection_create", args=["container-7"])
    page = client.get(url).content.decode()
    assert page.count('capture="environment"') == 7 and "Front wall" in page
    data = {
        "site": world.yard.pk,
        "pedimento": shipment.pedimento,
        "unit_number": container.number,
        "place": "Andén 3",
        "signed_name": "Sofia",
        "confirm": "on",
    }
    for code in range(1, 8):
        data[f"p{code}"] = "True"
    data["p4"] = "False"
    body = client.post(url, data).content.decode()
    assert "Point 4 (Floor) failed: describe what you found." in body
    data["n4"] = "Tablas nuevas en el piso"
    data["f4"] = png("piso.png")
    response = client.post(url, data)
    assert response.status_code == 302
    inspection = Inspection.objects.get()
    assert inspection.status == "held" and inspection.container == container
    # The held unit cannot be sealed.
    seal = issued_seal(world)
    with pytest.raises(Exception) as error:
        services.seal_apply(
            actor=world.actor(world.sofia),
            seal=seal,
            shipment=shipment,
            container=container,
            photo=png(),
        )
    assert "is held" in str(error.value)
    # Staff cannot decide; the site manager can.
    detail = reverse("conveyance:inspection_detail", args=[inspection.pk])
    assert "Record decision" not in client.get(detail).content.decode()
    assert (
        client.post(
            detail, {"decision": "released", "note": "x", "version": inspection.version}
        ).status_code
        == 403
    )
    manager = client_for(world.sam)
    body = manager.post(
        detail, {"decision": "released", "version": inspection.version}
    ).content.decode()
    assert "Say what was found and done" in body
    response = manager.post(
        detail,
        {
            "decision": "released",
            "note": "Piso revisado: reparación documentada del fabricante",
            "version": inspection.version,
        },
    )
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert inspection.status == "released" and inspection.reviewed_by == world.sam
    services.seal_apply(
        actor=world.actor(world.sofia),
        seal=seal,
        shipment=shipment,
        container=container,
        photo=png(),
    )


def test_reefer_needs_eight_points(patentes, client_for, checklists):
    world = patentes
    shipment = shipment_at(world.yard, kind="reefer")
    container = shipment.containers.get()
    data = {
        "site": world.yard.pk,
        "pedimento": shipment.pedimento,
        "unit_number": container.number,
        "place": "Andén 1",
        "signed_name": "Sofia",
        "confirm": "on",
        **{f"p{c}": "True" for c in range(1, 8)},
    }
    body = (
        client_for(world.sofia)
        .post(reverse("conveyance:inspection_create", args=["container-7"]), data)
        .content.decode()
    )
    assert "needs the 8-point inspection" in body


def test_inspection_unit_number_check_digit(patentes, client_for, checklists):
    world = patentes
    good = container_number()
    wrong = good[:10] + str((int(good[10]) + 1) % 10)
    data = {
        "site": world.yard.pk,
        "unit_number": wrong,
        "place": "Andén 1",
        "signed_name": "Sofia",
        "confirm": "on",
        **{f"p{c}": "True" for c in range(1, 8)},
    }
    body = (
        client_for(world.sofia)
        .post(reverse("conveyance:inspection_create", args=["container-7"]), data)
        .content.decode()
    )
    assert f"the expected digit is {good[10]}" in body


def test_exports_for_a_date_range(patentes, client_for, checklists):
    world = patentes
    applied_seal(world)
    client = client_for(world.audrey)
    today = timezone.localdate().isoformat()
    response = client.get(
        reverse("conveyance:seal_log_export"),
        {"date_from": today, "date_to": today, "format": "csv"},
    )
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response["Content-Disposition"].startswith('attachment; filename="seal-log-')
    assert "Seal number" in body and "Applied" in body and "Andén 3" in body
    response = client.get(
        reverse("conveyance:seal_log_export"),
        {"date_from": "2001-01-01", "date_to": "2001-01-31", "format": "xlsx"},
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    response = client.get(reverse("conveyance:inspection_export"), {"format": "csv"})
    assert "Point title" in b"".join(response.streaming_content).decode("utf-8-sig")
    oscar = client_for(world.oscar).get(reverse("conveyance:seal_log_export"), {"format": "csv"})
    assert "Andén 3" not in b"".join(oscar.streaming_content).decode("utf-8-sig")


def test_shipment_page_shows_seals_and_inspections(patentes, client_for):
    world = patentes
    seal = applied_seal(world)
    body = (
        client_for(world.alice)
        .get(reverse("shipments:shipment_detail", args=[seal.shipment_id]))
        .content.decode()
    )
    assert seal.number in body and "No inspections yet." in body
