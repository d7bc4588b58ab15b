import io

import pytest
from openpyxl import Workbook

from resguardo.core.models import AuditEntry
from resguardo.core.tabular.bombs import far_column_bomb, far_row_bomb, peak_memory
from resguardo.shipments.models import Shipment, ShipmentContainer, ShipmentImport
from resguardo.shipments.services import shipment_import

from .factories import container_number, pedimento_for, year2

pytestmark = pytest.mark.django_db

HEADER = "pedimento,site,operation,mode,client,date,containers,container_kind,trailer,seals\n"


def _csv(rows: list[str], header: str = HEADER) -> bytes:
    return (header + "\n".join(rows) + "\n").encode("utf-8")


def _run(world, data, *, dry_run, user=None, name="shipments.csv", site=None):
    user = user or world.alice
    return shipment_import(
        actor=world.actor(user),
        data=data,
        file_name=name,
        default_site=site,
        dry_run=dry_run,
    )


def _good_row(site="Patio Norte"):
    return (
        f"{pedimento_for()},{site},export,road,Autopartes del Bravo,20{year2()}-03-01,"
        f"{container_number()} {container_number()},reefer,CJ1,AA1;AA2"
    )


def test_dry_run_checks_without_writing(patentes):
    data = _csv([_good_row(), _good_row()])
    report = _run(patentes, data, dry_run=True)
    assert report.ok and report.rows == 2 and report.details["containers"] == 4
    assert not Shipment.objects.exists() and not ShipmentImport.objects.exists()


def test_import_writes_every_row_and_one_audit_entry(patentes):
    report = _run(patentes, _csv([_good_row(), _good_row()]), dry_run=False)
    assert report.ok and report.written == 2
    assert Shipment.objects.filter(import_batch=report.details["batch"]).count() == 2
    assert ShipmentContainer.objects.filter(kind="reefer").count() == 4
    shipment = Shipment.objects.first()
    assert shipment.document_seal_numbers == ["AA1", "AA2"]
    assert AuditEntry.objects.filter(object_type="shipments.shipmentimport").count() == 1


def test_one_bad_row_imports_nothing_and_every_bad_row_is_reported(patentes):
    good = _good_row()
    bad_digit = container_number()
    bad_digit = bad_digit[:10] + str((int(bad_digit[10]) + 1) % 10)
    rows = [
        good,
        f"{pedimento_for()},Patio Norte,export,road,Cliente,20{year2()}-03-01,{bad_digit},,,",
        f"123,Patio Norte,export,road,Cliente,20{year2()}-03-01,,,,",
        f"{pedimento_for()},Bodega Marte,export,boat,Cliente,31/02/2026,,,,",
        good,  # the same pedimento again
    ]
    report = _run(patentes, _csv(rows), dry_run=False)
    assert not report.ok
    assert not Shipment.objects.exists()
    by_row = {}
    for error in report.errors:
        by_row.setdefault(error.row, []).append((error.column, error.message))
    assert set(by_row) == {3, 4, 5, 6}
    assert "expected digit is" in by_row[3][0][1]
    assert "has 3 digits" in by_row[4][0][1]
    columns_5 = {c for c, _m in by_row[5]}
    assert {"site", "operation_date", "mode"} <= columns_5
    assert "already on row 2" in by_row[6][0][1]


def test_existing_pedimento_is_reported(patentes):
    row = _good_row()
    _run(patentes, _csv([row]), dry_run=False)
    report = _run(patentes, _csv([row]), dry_run=True)
    assert "already registered" in report.errors[0].message


def test_missing_columns_are_named(patentes):
    report = _run(patentes, b"pedimento;cliente\n1;2\n", dry_run=True)
    assert report.errors[0].row == 1
    assert "operation" in report.errors[0].message and "operation_date" in report.errors[0].message


def test_spanish_headers_semicolons_and_default_site(patentes):
    header = "Pedimento;Operación;Medio de transporte;Cliente;Fecha;Contenedores\n"
    row = (
        f"{pedimento_for()};Importación;Marítimo;Importadora;01/03/20{year2()};{container_number()}"
    )
    report = _run(patentes, _csv([row], header=header), dry_run=False, site=patentes.yard)
    assert report.ok, report.errors
    shipment = Shipment.objects.get()
    assert (shipment.operation, shipment.mode, shipment.site) == ("import", "sea", patentes.yard)


def test_staff_cannot_import_for_another_site(patentes):
    world = patentes
    report = _run(world, _csv([_good_row(site="Oficina Norte")]), dry_run=True, user=world.sofia)
    assert "is not one of your sites" in report.errors[0].message


def test_xlsx_import_with_numeric_pedimento(patentes):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["pedimento", "operacion", "medio", "cliente", "fecha", "contenedores"])
    import datetime

    number = pedimento_for()
    sheet.append(
        [
            int(number),
            "export",
            "road",
            "Cliente XLSX",
            datetime.date(2000 + int(year2()), 1, 15),
            container_number(),
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = _run(
        patentes, buffer.getvalue(), dry_run=False, name="envios.xlsx", site=patentes.yard
    )
    assert report.ok, report.errors
    assert Shipment.objects.get().pedimento == number


def test_not_a_workbook(patentes):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        _run(patentes, b"hello", dry_run=True, name="envios.xlsx")


def test_the_column_names_of_the_spanish_export_are_understood(patentes):
    """A user fills in a file with the headers the app itself shows and exports in Spanish."""
    header = (
        "Pedimento,Instalación,Operación,Medio de transporte,Cliente,Fecha de la operación,"
        "Contenedores,Placas del tractocamión,Números de sello en los documentos\n"
    )
    row = (
        f"{pedimento_for()},Patio Norte,exportación,carretero,Autopartes del Bravo,"
        f"20{year2()}-03-01,{container_number()},92 AK 4L,NL1;NL2"
    )
    report = _run(patentes, _csv([row], header=header), dry_run=False)
    assert report.ok, [str(e) for e in report.errors]
    assert not report.unknown_columns
    shipment = Shipment.objects.get()
    assert shipment.site == patentes.yard and shipment.operation_date.month == 3
    assert shipment.tractor_plates == "92AK4L" and shipment.document_seal_numbers == ["NL1", "NL2"]


@pytest.mark.parametrize(
    ("bomb", "message"),
    [(far_row_bomb, "beyond row 100001"), (far_column_bomb, "data in column XFD")],
)
def test_a_dimension_bomb_is_refused_quickly_in_little_memory(patentes, api_for, bomb, message):
    """1.5 KB declaring A1:XFD1048576 used to burn minutes of CPU here."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    api = api_for(patentes.alice)
    response, peak, seconds = peak_memory(
        lambda: api.post(
            "/api/v1/shipment-imports/",
            {"file": SimpleUploadedFile("bomba.xlsx", bomb())},
            format="multipart",
            HTTP_ACCEPT_LANGUAGE="en",
        )
    )
    assert response.status_code == 400 and message in response.content.decode()
    assert peak < 20 * 1024 * 1024 and seconds < 10
    assert not Shipment.objects.exists()
