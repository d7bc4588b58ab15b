import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from resguardo.compliance.choices import Result
from resguardo.compliance.models import RequirementResult
from resguardo.reports.xlsx_columns import COLUMN_KEYS

from .helpers import freeze

DOWNLOADS = ["assessment_pdf", "assessment_xlsx", "assessment_oscal", "assessment_package"]
PAGES = ["assessment_reports", "assessment_import"]
API = ["pdf", "xlsx", "oscal-ar", "evidence-package"]
COL = {key: index + 1 for index, key in enumerate(COLUMN_KEYS)}


def urls(assessment):
    ui = [reverse(f"reports:{name}", args=[assessment.pk]) for name in DOWNLOADS + PAGES]
    api = [reverse(f"api:assessmentreport-{name}", args=[assessment.pk]) for name in API]
    return ui, api


def edited_workbook(client, assessment, **cells):
    """Export through the page, then set `ref_id → {column key: value}` cells."""
    response = client.get(reverse("reports:assessment_xlsx", args=[assessment.pk]) + "?lang=en")
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    rows = {sheet.cell(row=r, column=COL["ref_id"]).value: r for r in range(2, sheet.max_row + 1)}
    for ref_id, values in cells.items():
        for key, value in values.items():
            sheet.cell(row=rows[ref_id.replace("_", ".")], column=COL[key]).value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "edited.xlsx"
    return buffer


def test_the_outsider_gets_404_for_every_report_url(world, demo, client_for, api_for):
    assessment, _evidence = demo
    ui, api = urls(assessment)
    oscar = client_for(world.oscar)
    for url in ui:
        assert oscar.get(url).status_code == 404, url
    assert oscar.post(ui[-1], {"dry_run": "on"}).status_code == 404
    oscar_api = api_for(world.oscar)
    for url in api:
        assert oscar_api.get(url).status_code == 404, url
    import_url = reverse("api:assessmentreport-import-xlsx", args=[assessment.pk])
    assert oscar_api.post(import_url, {}, format="multipart").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(demo):
    assessment, _evidence = demo
    ui, _api = urls(assessment)
    for url in ui:
        response = Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_the_auditor_downloads_every_report(world, demo, client_for, api_for):
    assessment, _evidence = demo
    auditor = client_for(world.audrey)
    expected = ["application/pdf", "spreadsheetml", "application/json", "application/zip"]
    for name, kind in zip(DOWNLOADS, expected, strict=True):
        response = auditor.get(reverse(f"reports:{name}", args=[assessment.pk]))
        assert response.status_code == 200 and kind in response["Content-Type"], name
    api = api_for(world.audrey)
    for name, kind in zip(API, expected, strict=True):
        response = api.get(reverse(f"api:assessmentreport-{name}", args=[assessment.pk]))
        assert response.status_code == 200 and kind in response["Content-Type"], name
    assert (
        auditor.get(reverse("reports:assessment_import", args=[assessment.pk])).status_code == 403
    )


def test_an_unknown_report_language_answers_400_naming_it(world, demo, api_for):
    assessment, _evidence = demo
    api = api_for(world.audrey)
    for name in API:
        url = reverse(f"api:assessmentreport-{name}", args=[assessment.pk])
        response = api.get(url, {"lang": "zz"}, HTTP_ACCEPT_LANGUAGE="es-MX")
        assert response.status_code == 400, name
        assert response.json() == {"lang": ["Elija “es” (español) o “en” (inglés)."]}
    url = reverse("api:assessmentreport-oscal-ar", args=[assessment.pk])
    assert api.get(url, {"lang": "en-US"}).status_code == 200


def test_the_assessment_page_and_the_menu_lead_to_the_reports(world, demo, client_for):
    assessment, _evidence = demo
    client = client_for(world.carla)
    page = client.get(reverse("compliance:assessment_detail", args=[assessment.pk])).content
    assert reverse("reports:assessment_pdf", args=[assessment.pk]).encode() in page
    assert reverse("reports:assessment_import", args=[assessment.pk]).encode() in page
    index = client.get(reverse("reports:index"))
    assert reverse("reports:index").encode() in index.content
    assert assessment.name.encode() in index.content
    staff_page = client_for(world.sofia).get(
        reverse("compliance:assessment_detail", args=[assessment.pk])
    )
    assert reverse("reports:assessment_import", args=[assessment.pk]).encode() not in (
        staff_page.content
    )


def test_upload_check_then_apply_through_the_page(world, demo, client_for):
    assessment, _evidence = demo
    client = client_for(world.carla)
    url = reverse("reports:assessment_import", args=[assessment.pk])
    upload = edited_workbook(client, assessment, **{"1_2": {"answer": "Texto desde Excel."}})

    preview = client.post(url, {"file": upload, "dry_run": "on"})

    assert preview.status_code == 200
    assert b'data-testid="import-preview"' in preview.content
    target = RequirementResult.objects.get(assessment=assessment, node__ref_id="1.2")
    assert target.answer != "Texto desde Excel."
    applied = client.post(url, {"confirm": "1"})
    assert applied.status_code == 302
    target.refresh_from_db()
    assert target.answer == "Texto desde Excel."
    assert client.post(url, {"confirm": "1"}).status_code == 302  # nothing left to apply


def test_bad_rows_are_listed_on_the_page_and_nothing_changes(world, demo, client_for):
    assessment, _evidence = demo
    client = client_for(world.carla)
    upload = edited_workbook(
        client,
        assessment,
        **{
            "1_1": {"result": "Maybe"},
            "1_3": {"owner": "nadie@example.mx"},
        },
    )
    response = client.post(
        reverse("reports:assessment_import", args=[assessment.pk]), {"file": upload}
    )
    assert response.status_code == 200
    assert b'data-testid="import-errors"' in response.content
    assert response.content.count(b"<tr data-row=") == 2
    assert b"nadie@example.mx" in response.content
    assert RequirementResult.objects.get(assessment=assessment, node__ref_id="1.1").result == (
        Result.COMPLIANT
    )


def test_a_frozen_assessment_offers_no_import_and_refuses_one(world, demo, client_for, api_for):
    assessment, _evidence = demo
    client = client_for(world.carla)
    upload = edited_workbook(client, assessment, **{"1_2": {"answer": "Tarde."}})
    frozen = freeze(world, assessment)
    url = reverse("reports:assessment_import", args=[frozen.pk])
    page = client.get(url)
    assert b'data-testid="frozen"' in page.content and b'type="file"' not in page.content
    response = client.post(url, {"file": upload})
    assert response.status_code == 200 and b"frozen" in response.content.lower()
    upload.seek(0)
    api = api_for(world.carla)
    answer = api.post(
        reverse("api:assessmentreport-import-xlsx", args=[frozen.pk]),
        {"file": upload},
        format="multipart",
    )
    assert answer.status_code == 400
    assert RequirementResult.objects.get(assessment=frozen, node__ref_id="1.2").answer != "Tarde."


@pytest.mark.parametrize("dry_run", [True, False])
def test_api_import_with_and_without_dry_run(world, demo, client_for, api_for, dry_run):
    assessment, _evidence = demo
    upload = edited_workbook(client_for(world.carla), assessment, **{"2_1": {"score": 33}})
    response = api_for(world.carla).post(
        reverse("api:assessmentreport-import-xlsx", args=[assessment.pk]),
        {"file": upload, "dry_run": dry_run},
        format="multipart",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["applied"] is (not dry_run) and body["changes"][0]["ref_id"] == "2.1"
    score = RequirementResult.objects.get(assessment=assessment, node__ref_id="2.1").score
    assert (score == 33) is (not dry_run)


def test_api_import_lists_every_bad_row(world, demo, client_for, api_for):
    assessment, _evidence = demo
    upload = edited_workbook(
        client_for(world.carla),
        assessment,
        **{
            "1_1": {"score": "lots"},
            "1_2": {"due_date": "mañana"},
            "1_3": {"version": 0, "answer": "Otra respuesta."},
        },
    )
    response = api_for(world.carla).post(
        reverse("api:assessmentreport-import-xlsx", args=[assessment.pk]),
        {"file": upload},
        format="multipart",
    )
    assert response.status_code == 400
    assert len({e["row"] for e in response.json()["errors"]}) == 3
    assert (
        api_for(world.sofia)
        .post(
            reverse("api:assessmentreport-import-xlsx", args=[assessment.pk]),
            {"file": upload},
            format="multipart",
        )
        .status_code
        == 403
    )


@pytest.mark.parametrize(
    ("far_cell", "message"), [("A1048576", "beyond row 100001"), ("XFD2", "data in column XFD")]
)
def test_a_dimension_bomb_is_refused_quickly_in_little_memory(
    world, demo, api_for, far_cell, message
):
    """A workbook with this assessment's marker and header, declaring A1:XFD1048576 and holding
    one cell far away, used to be read cell by cell up to that declared corner."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from resguardo.core.tabular.bombs import peak_memory, xlsx_with_sheets

    assessment, _evidence = demo
    data = xlsx_with_sheets(
        {
            "Autoevaluación": {"A1": "urn", "B1": "result", "C1": "version", far_cell: "x"},
            "resguardo": {"A1": "assessment", "B1": str(assessment.pk)},
        }
    )
    assert len(data) < 2500
    api = api_for(world.carla)
    response, peak, seconds = peak_memory(
        lambda: api.post(
            reverse("api:assessmentreport-import-xlsx", args=[assessment.pk]),
            {"file": SimpleUploadedFile("bomba.xlsx", data), "dry_run": True},
            format="multipart",
            HTTP_ACCEPT_LANGUAGE="en",
        )
    )
    assert response.status_code == 400 and message in response.content.decode()
    assert peak < 20 * 1024 * 1024 and seconds < 10


def test_the_workbook_exports_a_comment_holding_a_control_character(
    world, demo, client_for, api_for
):
    """One BEL in a comment used to make the assessment workbook answer 500 for good."""
    assessment, _evidence = demo
    RequirementResult.objects.filter(assessment=assessment, node__ref_id="1.2").update(
        comments="Revisar\x07 con el oficial"
    )
    page = client_for(world.carla).get(reverse("reports:assessment_xlsx", args=[assessment.pk]))
    api = api_for(world.carla).get(reverse("api:assessmentreport-xlsx", args=[assessment.pk]))
    for response in (page, api):
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
        values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
        assert "Revisar con el oficial" in values
