"""Bulk import of partners: dry run with a report of every bad row, all or nothing."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from resguardo.core.tabular.bombs import far_column_bomb, far_row_bomb, peak_memory

from .. import services
from ..models import Partner
from .factories import create_partner, fixture_bytes


def _import(world, content, name="partners.csv", dry_run=True):
    return services.partners_import(
        actor=world.actor(world.carla),
        file_name=name,
        content=content,
        dry_run=dry_run,
    )


def test_dry_run_checks_and_saves_nothing(world):
    report = _import(world, fixture_bytes("partners_import.csv"))
    assert report.ok and report.rows == 3 and report.written == 0
    assert not Partner.objects.exists()


def test_a_clean_file_is_imported_with_contacts_and_addresses(world):
    report = _import(world, fixture_bytes("partners_import.csv"), dry_run=False)
    assert report.written == 3
    client = Partner.objects.get(rfc="IEJ1001015A5")
    assert client.contacts.get().email == "ana@ejemplo.mx"
    assert client.addresses.get().city == "Monterrey"
    assert client.since.isoformat() == "2021-03-15"
    foreign = Partner.objects.get(tax_id="98-7654321")
    assert foreign.country == "US" and foreign.since.isoformat() == "2020-01-15"
    assert all(p.last_screened_at is None for p in Partner.objects.all())  # no list imported yet


def test_every_bad_row_is_reported_and_nothing_is_saved(world):
    existing = create_partner(world)
    content = (
        "tipo,razón social,rfc,tax_id,país,correo\n"
        f"cliente,Bueno S.A.,{existing.rfc},,MX,\n"  # row 2: already registered
        "camion,Malo Uno,,,MX,no-es-correo\n"  # row 3: unknown type, no RFC, bad e-mail
        "carrier,Malo Dos,ABC12,,MX,\n"  # row 4: malformed RFC
        "client,Extranjero Sin Id,,,US,\n"  # row 5: no tax id
        "client,,IEJ1001015A5,,MX,\n"  # row 6: no name
    ).encode()
    report = _import(world, content, dry_run=False)
    assert not report.ok and report.written == 0
    problems = {(p.row, p.column) for p in report.errors}
    assert {
        (2, "rfc"),
        (3, "kind"),
        (3, "contact_email"),
        (3, "rfc"),
        (4, "rfc"),
        (5, "tax_id"),
        (6, "legal_name"),
    } <= problems
    assert Partner.objects.count() == 1


def test_duplicates_inside_the_file(world):
    content = b"kind,legal_name,rfc\nclient,A,IEJ1001015A5\nclient,B,IEJ1001015A5\n"
    report = _import(world, content)
    assert [(p.row, p.column, p.problem) for p in report.errors] == [
        (3, "rfc", "same RFC as row 2")
    ]


def test_wrong_check_digit_is_a_warning_only(world):
    content = b"kind,legal_name,rfc\nclient,A,IEJ1001015A0\n"
    report = _import(world, content)
    assert report.ok and report.warnings[0].column == "rfc"


def test_missing_columns_are_named(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Required: kind, legal_name"):
        _import(world, b"nombre;telefono\nA;1\n")


def test_xlsx(world):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["kind", "legal_name", "rfc", "since"])
    import datetime

    sheet.append(
        ["warehouse", "Almacén Uno, S.A. de C.V.", "IEJ1001015A5", datetime.datetime(2019, 5, 1)]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = _import(world, buffer.getvalue(), name="socios.xlsx", dry_run=False)
    assert report.written == 1
    assert Partner.objects.get().since.isoformat() == "2019-05-01"


def test_ui_dry_run_then_confirm(world, client_for):
    client = client_for(world.carla)
    upload = SimpleUploadedFile(
        "partners.csv", fixture_bytes("partners_import.csv"), content_type="text/csv"
    )
    page = client.post(reverse("partners:partner_import"), {"file": upload})
    text = page.content.decode()
    assert "3 rows checked: no problems." in text and not Partner.objects.exists()
    sha = page.context["stored_sha256"]
    done = client.post(
        reverse("partners:partner_import"), {"confirm": "1", "sha256": sha}, follow=True
    )
    assert "3 partners imported and screened." in done.content.decode()
    assert Partner.objects.count() == 3


def test_ui_shows_the_bad_rows(world, client_for):
    client = client_for(world.carla)
    upload = SimpleUploadedFile(
        "p.csv", b"kind,legal_name,rfc\ncamion,X,ABC\n", content_type="text/csv"
    )
    text = client.post(reverse("partners:partner_import"), {"file": upload}).content.decode()
    assert "nothing was imported" in text and "unknown partner type" in text
    assert 'name="confirm"' not in text


def test_api_import(world, api_for):
    api = api_for(world.carla)
    upload = SimpleUploadedFile(
        "p.csv", b"kind,legal_name,rfc\ncamion,X,ABC\n", content_type="text/csv"
    )
    response = api.post(
        "/api/v1/partners/import/", {"file": upload, "dry_run": "false"}, format="multipart"
    )
    assert response.status_code == 400
    assert {
        "row": 2,
        "column": "kind",
        "problem": "unknown partner type “camion”",
    } in response.json()["errors"]
    upload = SimpleUploadedFile(
        "p.csv", fixture_bytes("partners_import.csv"), content_type="text/csv"
    )
    response = api.post(
        "/api/v1/partners/import/", {"file": upload, "dry_run": "false"}, format="multipart"
    )
    assert response.status_code == 200 and response.json()["created"] == 3


def test_the_check_reports_contact_and_address_problems_the_import_would_hit(world, client_for):
    """A file the check called clean used to fail on "Import" with a bare "at most 40
    characters" and no row: the check now sees what the import saves."""
    content = (
        "kind,legal_name,rfc,contact_name,contact_phone,street,city,postal_code\n"
        "client,Bueno Uno S.A.,IEJ1001015A5,Ana,81 5555 0000,Av. Juárez 10,Monterrey,64000\n"
        "client,Bueno Dos S.A.,TPN0906302BA,Luis,"
        "81 5555 0000 ext. 1234 / 1235 o celular 81 1234 5678,Calle 1,Saltillo,"
        "C.P. 25000 Coahuila\n"
        "carrier,Bueno Tres S.A.,LFE0805123A3,,,Carretera 57 km 3,,\n"
    ).encode()
    client = client_for(world.carla)
    page = client.post(
        reverse("partners:partner_import"), {"file": SimpleUploadedFile("socios.csv", content)}
    )
    text = page.content.decode()
    assert "3 problems found: nothing was imported." in text
    rows = re.findall(
        r'<td class="num">(\d+)</td><td class="mono">(\w+)</td><td>([^<]+)</td>', text
    )
    assert [(row, column) for row, column, _problem in rows] == [
        ("3", "contact_phone"),
        ("3", "postal_code"),
        ("4", "city"),
    ]
    assert "at most 40 characters" in rows[0][2]
    assert rows[2][2] == "an address needs both street and city"
    assert 'name="confirm"' not in text and not Partner.objects.exists()


@pytest.mark.parametrize(
    ("bomb", "message"),
    [(far_row_bomb, "beyond row 100001"), (far_column_bomb, "data in column XFD")],
)
def test_a_dimension_bomb_is_refused_quickly_in_little_memory(world, api_for, bomb, message):
    """1.5 KB declaring A1:XFD1048576 used to take the server past 800 MB here."""
    api = api_for(world.carla)
    response, peak, seconds = peak_memory(
        lambda: api.post(
            "/api/v1/partners/import/",
            {"file": SimpleUploadedFile("bomba.xlsx", bomb())},
            format="multipart",
            HTTP_ACCEPT_LANGUAGE="en",
        )
    )
    assert response.status_code == 400 and message in response.content.decode()
    assert peak < 20 * 1024 * 1024 and seconds < 10
    assert not Partner.objects.exists()


def test_the_checked_file_waits_in_storage_for_its_owner_not_in_the_session(world, client_for):
    import base64

    from django.test import Client

    from resguardo.core.models import StagedImport
    from resguardo.core.tabular import staged_import_read

    content = fixture_bytes("partners_import.csv")
    url = reverse("partners:partner_import")
    client = client_for(world.carla)
    client.post(url, {"file": SimpleUploadedFile("partners.csv", content)})
    staged = StagedImport.objects.get()
    assert (staged.user, staged.kind, staged.organization) == (world.carla, "partners", world.org)
    assert staged_import_read(staged) == content
    assert base64.b64encode(content).decode()[:40] not in str(dict(client.session.items()))
    # Someone else of the organization cannot confirm it.
    other = Client()
    other.force_login(world.alice)
    other.post(url, {"confirm": "1", "staged": staged.pk})
    assert not Partner.objects.exists() and StagedImport.objects.count() == 1
    done = client.post(url, {"confirm": "1", "staged": staged.pk}, follow=True)
    assert "3 partners imported and screened." in done.content.decode(), done.content.decode()
    assert Partner.objects.count() == 3 and not StagedImport.objects.exists()


def test_a_file_with_bad_rows_is_not_kept(world, client_for):
    from resguardo.core.models import StagedImport

    upload = SimpleUploadedFile("p.csv", b"kind,legal_name,rfc\ncamion,X,ABC\n")
    client_for(world.carla).post(reverse("partners:partner_import"), {"file": upload})
    assert not StagedImport.objects.exists()


def test_api_dry_run_then_import_the_checked_file_by_its_id(world, api_for):
    api = api_for(world.carla)
    upload = SimpleUploadedFile("p.csv", fixture_bytes("partners_import.csv"))
    checked = api.post("/api/v1/partners/import/", {"file": upload}, format="multipart").json()
    assert checked["ok"] and checked["staged_import"] and not Partner.objects.exists()
    outsider = api_for(world.alice).post(
        "/api/v1/partners/import/",
        {"staged_import": checked["staged_import"], "dry_run": "false"},
        format="multipart",
    )
    assert outsider.status_code == 400 and "staged_import" in outsider.json()
    done = api.post(
        "/api/v1/partners/import/",
        {"staged_import": checked["staged_import"], "dry_run": "false"},
        format="multipart",
    )
    assert done.status_code == 200 and done.json()["created"] == 3
