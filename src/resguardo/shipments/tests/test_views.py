import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from resguardo.shipments import services
from resguardo.shipments.models import Shipment

from .factories import ContainerFactory, ShipmentFactory, container_number, pedimento_for, year2

pytestmark = pytest.mark.django_db


def test_list_is_limited_to_organization_and_sites(patentes, client_for):
    world = patentes
    at_yard = ShipmentFactory(site=world.yard, client_name="Cliente del patio")
    ShipmentFactory(site=world.office, client_name="Cliente de oficina")
    ShipmentFactory(
        site=world.other_site,
        client_name="Cliente del Sur",
        patente=__import__("resguardo.shipments.tests.factories", fromlist=["x"]).patente(
            world.other_org, "1780", "16"
        ),
    )
    page = client_for(world.alice).get(reverse("shipments:shipment_list")).content.decode()
    assert "Cliente del patio" in page and "Cliente de oficina" in page
    assert "Cliente del Sur" not in page
    page = client_for(world.sofia).get(reverse("shipments:shipment_list")).content.decode()
    assert "Cliente del patio" in page and "Cliente de oficina" not in page
    assert at_yard.pedimento_display in page


def test_outsider_and_anonymous(patentes, client, client_for):
    shipment = ShipmentFactory(site=patentes.yard)
    url = reverse("shipments:shipment_detail", args=[shipment.pk])
    assert client.get(url).status_code == 302
    response = client_for(patentes.oscar).get(url)
    assert response.status_code == 404
    assert shipment.client_name not in response.content.decode()


def test_filters_and_htmx_rows(patentes, client_for):
    world = patentes
    ShipmentFactory(site=world.yard, client_name="Importadora Alfa", status="open")
    ShipmentFactory(site=world.yard, client_name="Exportadora Beta", status="cleared")
    client = client_for(world.alice)
    response = client.get(
        reverse("shipments:shipment_list"), {"status": "cleared"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "Exportadora Beta" in body and "Importadora Alfa" not in body
    assert "<html" not in body  # only the rows
    body = client.get(reverse("shipments:shipment_list"), {"q": "importadora al"}).content.decode()
    assert "Importadora Alfa" in body and "Exportadora Beta" not in body


def test_search_by_container(patentes, client_for):
    shipment = ShipmentFactory(site=patentes.yard, client_name="Con contenedor")
    container = ContainerFactory(shipment=shipment)
    ShipmentFactory(site=patentes.yard, client_name="Sin contenedor")
    body = (
        client_for(patentes.alice)
        .get(reverse("shipments:shipment_list"), {"q": container.number[:7]})
        .content.decode()
    )
    assert "Con contenedor" in body and "Sin contenedor" not in body


def test_list_query_count_is_constant(patentes, client_for, django_assert_max_num_queries):
    client = client_for(patentes.alice)
    url = reverse("shipments:shipment_list")
    for _ in range(3):
        ContainerFactory(shipment=ShipmentFactory(site=patentes.yard))
    client.get(url)
    # 13: the list, and one for the notification bell in the top bar
    with django_assert_max_num_queries(13) as few:
        client.get(url)
    for _ in range(30):
        ContainerFactory(shipment=ShipmentFactory(site=patentes.yard))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_create_form_shows_what_is_wrong(patentes, client_for):
    good = container_number()
    wrong = good[:10] + str((int(good[10]) + 1) % 10)
    response = client_for(patentes.alice).post(
        reverse("shipments:shipment_create"),
        {
            "site": patentes.yard.pk,
            "pedimento": f"{year2()} 24 3921 {(int(year2()[1]) + 1) % 10}000123",
            "operation": "export",
            "mode": "road",
            "client_name": "X",
            "operation_date": timezone.localdate().isoformat(),
            "containers": wrong,
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert f"the expected digit is {good[10]}" in body
    assert "must start with" in body
    assert not Shipment.objects.exists()


def test_create_and_verify_through_pages(patentes, client_for):
    client = client_for(patentes.sofia)
    number = pedimento_for()
    response = client.post(
        reverse("shipments:shipment_create"),
        {
            "site": patentes.yard.pk,
            "pedimento": number,
            "operation": "import",
            "mode": "road",
            "client_name": "Electro Regios",
            "operation_date": timezone.localdate().isoformat(),
            "containers": f"{container_number()}\n{container_number()} reefer",
        },
    )
    shipment = Shipment.objects.get()
    assert response.status_code == 302
    assert shipment.containers.filter(kind="reefer").count() == 1
    page = client.get(reverse("shipments:shipment_detail", args=[shipment.pk])).content.decode()
    assert "Documents not verified" in page
    data = {"version": shipment.version}
    for item in (
        "documents_received",
        "client_identity",
        "classification",
        "value",
        "non_tariff",
        "duties",
        "transport_data",
    ):
        data[f"{item}__result"] = "ok"
    response = client.post(reverse("shipments:document_check", args=[shipment.pk]), data)
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Documents verified: the pedimento may be transmitted." in page


def test_stale_form_is_refused(patentes, client_for):
    shipment = ShipmentFactory(site=patentes.yard, client_name="Antes")
    client = client_for(patentes.alice)
    url = reverse("shipments:shipment_update", args=[shipment.pk])
    Shipment.objects.filter(pk=shipment.pk).update(version=5)
    form = {
        "site": patentes.yard.pk,
        "pedimento": shipment.pedimento,
        "operation": "export",
        "mode": "road",
        "client_name": "Después",
        "operation_date": shipment.operation_date,
        "version": 1,
    }
    body = client.post(url, form).content.decode()
    assert "Someone else changed this record" in body
    assert Shipment.objects.get(pk=shipment.pk).client_name == "Antes"


def test_import_page_dry_run_then_confirm(patentes, client_for):
    client = client_for(patentes.alice)
    data = (
        "pedimento,operation,mode,client,date\n"
        f"{pedimento_for()},export,road,Uno,20{year2()}-01-10\n"
        f"{pedimento_for()},export,road,Dos,20{year2()}-01-11\n"
    ).encode()
    response = client.post(
        reverse("shipments:shipment_import"),
        {"file": SimpleUploadedFile("envios.csv", data), "site": patentes.yard.pk},
    )
    body = response.content.decode()
    assert "All 2 rows are correct." in body and not Shipment.objects.exists()
    response = client.post(reverse("shipments:shipment_import"), {"confirm": "1"})
    assert response.status_code == 302
    assert Shipment.objects.count() == 2


def test_import_page_lists_bad_rows(patentes, client_for):
    data = f"pedimento,operation,mode,client,date\n123,export,road,Uno,20{year2()}-01-10\n".encode()
    body = (
        client_for(patentes.alice)
        .post(
            reverse("shipments:shipment_import"),
            {"file": SimpleUploadedFile("envios.csv", data), "site": patentes.yard.pk},
        )
        .content.decode()
    )
    assert "1 row has errors; nothing was imported." in body
    assert "has 3 digits" in body


def test_document_download_is_permission_checked(patentes, client_for):
    world = patentes
    office_shipment = ShipmentFactory(site=world.office)
    document = services.document_add(
        actor=world.actor(world.alice),
        shipment=office_shipment,
        kind="invoice",
        file=SimpleUploadedFile("f.pdf", b"%PDF-1.4 test"),
    )
    url = reverse("shipments:document_download", args=[document.pk])
    response = client_for(world.alice).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client_for(world.sofia).get(url).status_code == 404
    assert client_for(world.oscar).get(url).status_code == 404


def test_export_csv_and_xlsx(patentes, client_for):
    ShipmentFactory(site=patentes.yard, client_name="Exportada, S.A.")
    client = client_for(patentes.audrey)
    response = client.get(reverse("shipments:shipment_export"), {"format": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Pedimento" in body and '"Exportada, S.A."' in body
    response = client.get(reverse("shipments:shipment_export"), {"format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(reverse("shipments:shipment_export"), {"format": "exe"}).status_code == 404


def test_badges_page(patentes, client_for):
    client = client_for(patentes.carla)
    assert client.get(reverse("shipments:badge_list")).status_code == 200
    assert client_for(patentes.sofia).get(reverse("shipments:badge_create")).status_code == 403


def test_search_by_full_pedimento_or_its_consecutive(patentes, client_for):
    wanted = ShipmentFactory(site=patentes.yard, client_name="Buscado")
    ShipmentFactory(site=patentes.yard, client_name="Otro")
    client = client_for(patentes.alice)
    for q in (wanted.pedimento, wanted.pedimento_display, wanted.pedimento[8:]):
        body = client.get(reverse("shipments:shipment_list"), {"q": q}).content.decode()
        assert "Buscado" in body and "Otro" not in body, q


def test_new_shipment_form_starts_with_today_and_my_only_site(patentes, client_for):
    world = patentes
    world.membership(world.sofia).sites.set([world.yard])
    body = client_for(world.sofia).get(reverse("shipments:shipment_create")).content.decode()
    today = timezone.localdate().isoformat()
    assert f'name="operation_date" value="{today}"' in body
    assert f'<option value="{world.yard.pk}" selected>' in body


def test_a_patente_with_pedimentos_is_kept_with_a_message(patentes, client_for, world):
    from resguardo.core.models import Patente

    shipment = ShipmentFactory(site=world.yard)
    number = shipment.patente.number
    response = client_for(world.alice).post(
        reverse("core:patente_remove", args=[shipment.patente.pk]), follow=True
    )
    assert response.status_code == 200
    assert f"Patente {number} stays: 1 pedimento was cleared under it." in (
        response.content.decode()
    )
    assert Patente.objects.filter(pk=shipment.patente.pk).exists()
