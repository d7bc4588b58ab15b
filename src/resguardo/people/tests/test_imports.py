"""The HR import: staged, all or nothing, every bad row named."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from resguardo.people import services
from resguardo.people.models import Person

from .factories import actor_for, person, post

HEADER = "numero de empleado,nombre,tipo,puesto,sitio,fecha de ingreso,fecha de baja,proveedor\n"


@pytest.fixture
def posts(world):
    return post(world, "Glosador"), post(world, "Guardia de seguridad", sensitive=True)


def _csv(rows: str) -> bytes:
    return (HEADER + rows).encode()


def test_a_duplicate_employee_number_imports_nothing_and_names_the_row(world, posts):
    person(world, posts[0], number="E-900", name="Ya Registrada")
    content = _csv(
        "E-001,Ana López,empleado,Glosador,Patio Norte,2021-03-01,,\n"
        "E-002,Beto Ruiz,empleado,Glosador,,01/02/2020,,\n"
        "E-001,Carla Díaz,empleado,Glosador,,2022-01-01,,\n"
        "E-900,Otra Persona,empleado,Glosador,,2022-01-01,,\n"
    )
    report = services.people_import(
        actor=actor_for(world), file_name="rh.csv", content=content, dry_run=False
    )
    assert not report.applied
    problems = {(p.row, p.column): p.message for p in report.errors}
    assert problems[(4, "employee_number")] == "employee number E-001 is repeated: also on row 2"
    assert problems[(5, "employee_number")] == "employee number E-900 is already in the register"
    assert Person.objects.count() == 1


def test_every_bad_row_is_reported(world, posts):
    content = _csv(
        "E-010,Dora Vega,empleado,Glosador,,2022-05-01,2021-01-01,\n"
        "E-011,Eva Mora,contratista,Guardia de seguridad,,2022-05-01,,\n"
        "E-012,Fito Luna,empleado,Chef,,ayer,,\n"
    )
    report = services.people_import(
        actor=actor_for(world), file_name="rh.csv", content=content, dry_run=True
    )
    columns = {(p.row, p.column) for p in report.errors}
    assert columns == {(2, "departure_date"), (3, "provider"), (4, "post"), (4, "hire_date")}


def test_the_staged_import_page_checks_then_imports_everything(world, posts, client_for):
    client = client_for(world.carla)
    url = reverse("people:person_import")
    content = _csv(
        "E-001,Ana López,empleado,Glosador,Patio Norte,2021-03-01,,\n"
        "G-001,Juan Zamora,contratista,Guardia de seguridad,Patio Norte,2023-03-01,,"
        "Seguridad del Norte\n"
        "E-003,Mario Baja,empleado,Glosador,,2019-03-01,2024-06-30,\n"
    )
    response = client.post(
        url, {"file": SimpleUploadedFile("rh.csv", content, content_type="text/csv")}
    )
    assert "3 rows checked: no problems." in response.content.decode()
    assert Person.objects.count() == 0
    staged = response.context["staged"]
    response = client.post(url, {"confirm": "1", "staged": staged.pk, "sha256": staged.sha256})
    assert response.status_code == 302
    people = {p.employee_number: p for p in Person.objects.all()}
    assert people["G-001"].kind == "contractor" and people["G-001"].site == world.yard
    assert people["E-003"].status == "departed"
    assert people["E-001"].imported_by.file_name == "rh.csv"


def test_the_api_import_reports_the_row(world, posts, api_for):
    content = _csv(
        "E-1,Ana,empleado,Glosador,,2021-03-01,,\nE-1,Beto,empleado,Glosador,,2021-03-01,,\n"
    )
    response = api_for(world.carla).post(
        reverse("api:person-bulk-import"),
        {"file": SimpleUploadedFile("rh.csv", content), "dry_run": "false"},
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "row": 3,
            "column": "employee_number",
            "message": "employee number E-1 is repeated: also on row 2",
        }
    ]
    assert not Person.objects.exists()
