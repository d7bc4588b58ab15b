"""The pages, as each persona sees them."""

import datetime
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from resguardo.core.actors import Actor

from .. import services
from ..choices import PartnerStatus, Verdict
from ..models import Partner, PartnerDocument
from .factories import create_partner, import_fixture

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def partner(world):
    import_fixture()
    return create_partner(
        world, legal_name="Fénix Logística del Norte", rfc="LFE0805123A3", kind="carrier"
    )


def test_list_and_filters(world, client_for, partner):
    create_partner(world, legal_name="Cliente Tranquilo, S.A. de C.V.")
    client = client_for(world.sofia)  # staff may read
    page = client.get(reverse("partners:partner_list"))
    assert page.status_code == 200
    assert "Fénix Logística del Norte" in page.content.decode()
    filtered = client.get(
        reverse("partners:partner_list"), {"open_hits": "true"}, HTTP_HX_REQUEST="true"
    )
    text = filtered.content.decode()
    assert "Fénix" in text and "Cliente Tranquilo" not in text and "<html" not in text


def test_yes_no_filters_start_empty_instead_of_unknown(world, client_for, partner):
    client = client_for(world.carla)
    for url, name in [
        (reverse("partners:partner_list"), "open_hits"),
        (reverse("partners:hit_list"), "is_current"),
        (reverse("partners:finding_list"), "overdue"),
    ]:
        text = client.get(url).content.decode()
        select = re.search(rf'<select name="{name}".*?</select>', text, re.S).group(0)
        assert "Unknown" not in select, url
        assert re.findall(r">([^<]+)</option>", select) == ["All", "Yes", "No"], url


def test_record_lists_search_by_partner_name_not_by_id(world, client_for, partner):
    services.certification_create(
        actor=world.actor(world.carla), partner=partner,
        program="oea", modality="carrier", certificate_number="OEA-FENIX-1",
        valid_until=timezone.localdate() + datetime.timedelta(days=200),
    )  # fmt: skip
    other = create_partner(world, legal_name="Transportes Otros, S.A. de C.V.", kind="carrier")
    services.certification_create(
        actor=world.actor(world.carla), partner=other,
        program="oea", modality="carrier", certificate_number="OEA-OTROS-2",
        valid_until=timezone.localdate() + datetime.timedelta(days=200),
    )  # fmt: skip
    client = client_for(world.carla)
    for name in ("certification_list", "hit_list", "finding_list", "questionnaire_list"):
        page = client.get(reverse(f"partners:{name}")).content.decode()
        assert 'type="number" name="partner"' not in page, name  # no box for an internal id
        if name != "questionnaire_list":  # that one has its own name search ("q")
            assert 'name="partner_name"' in page, name
    found = client.get(reverse("partners:certification_list"), {"partner_name": "fénix"})
    text = found.content.decode()
    assert "OEA-FENIX-1" in text and "OEA-OTROS-2" not in text
    by_id = client.get(reverse("partners:certification_list"), {"partner": other.pk})
    assert "OEA-OTROS-2" in by_id.content.decode()
    assert "OEA-FENIX-1" not in by_id.content.decode()


def test_detail_shows_risk_explanation_hits_and_warnings(world, client_for, partner):
    text = (
        client_for(world.audrey)
        .get(reverse("partners:partner_detail", args=[partner.pk]))
        .content.decode()
    )
    assert "Risk rating" in text and "Partner type: Carrier" in text
    assert "LOGÍSTICA FÉNIX, S.A. DE C.V." in text and "To review" in text
    assert "Screen now" not in text  # auditors read only


def test_outsider_and_anonymous_see_nothing(world, client_for, partner, client):
    document = services.document_upload(
        actor=world.actor(world.carla),
        partner=partner,
        upload=SimpleUploadedFile("acta.pdf", PDF),
        kind="articles",
    )
    hit = partner.hits.get()
    urls = [
        reverse("partners:partner_detail", args=[partner.pk]),
        reverse("partners:partner_update", args=[partner.pk]),
        reverse("partners:document_download", args=[document.pk]),
        reverse("partners:hit_detail", args=[hit.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # anonymous: to the login page
    oscar = client_for(world.oscar)
    for url in urls:
        response = oscar.get(url)
        assert response.status_code == 404 and "Fénix" not in response.content.decode()
    response = oscar.post(
        reverse("partners:hit_detail", args=[hit.pk]),
        {"verdict": "false_positive", "reason": "Not the same company at all"},
    )
    assert response.status_code == 404


def test_staff_cannot_manage(world, client_for, partner):
    client = client_for(world.sofia)
    assert client.get(reverse("partners:partner_create")).status_code == 403
    response = client.post(
        reverse("partners:hit_detail", args=[partner.hits.get().pk]),
        {"verdict": "true_match", "reason": "It looks like the same company."},
    )
    assert response.status_code == 403
    assert partner.hits.get().decision is None


def test_create_with_a_bad_check_digit_warns(world, client_for):
    client = client_for(world.carla)
    response = client.post(
        reverse("partners:partner_create"),
        {
            "kind": "client",
            "legal_name": "Nuevo Cliente",
            "country": "MX",
            "rfc": "IEJ1001015A0",
            "status": "active",
        },
        follow=True,
    )
    text = response.content.decode()
    assert "Partner saved and screened." in text and "check digit does not match" in text
    malformed = client.post(
        reverse("partners:partner_create"),
        {
            "kind": "client",
            "legal_name": "Otro",
            "country": "MX",
            "rfc": "IEJ10",
            "status": "active",
        },
    )
    assert "is not a valid RFC" in malformed.content.decode() and Partner.objects.count() == 1


def test_edit_refuses_a_stale_version(world, client_for, partner):
    client = client_for(world.carla)
    url = reverse("partners:partner_update", args=[partner.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(legal_name="Fénix Renamed", since="", status=PartnerStatus.ACTIVE)
    data["version"] = partner.version - 1
    response = client.post(url, data)
    assert "Someone else changed this record" in response.content.decode()


def test_decide_a_hit_through_the_page(
    world, client_for, partner, django_capture_on_commit_callbacks
):
    client = client_for(world.carla)
    hit = partner.hits.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("partners:hit_detail", args=[hit.pk]),
            {"verdict": Verdict.TRUE_MATCH, "reason": "Same RFC as the 69-B Definitivo entry."},
            follow=True,
        )
    text = response.content.decode()
    assert "is blocked and the compliance officers were alerted" in text
    detail = client.get(reverse("partners:partner_detail", args=[partner.pk])).content.decode()
    assert "Blocked: no new operations with this partner." in detail


def test_document_download_is_the_file(world, client_for, partner):
    client = client_for(world.carla)
    response = client.post(
        reverse("partners:document_upload", args=[partner.pk]),
        {
            "kind": "security_agreement",
            "title": "Convenio 2026",
            "upload": SimpleUploadedFile("convenio.pdf", PDF),
        },
    )
    assert response.status_code == 302
    document = PartnerDocument.objects.get()
    download = client_for(world.audrey).get(
        reverse("partners:document_download", args=[document.pk])
    )
    assert b"".join(download.streaming_content) == PDF
    assert 'filename="convenio.pdf"' in download["Content-Disposition"]


def test_review_schedule_calendar_and_ics(world, client_for, partner, carla_membership):
    services.review_record(
        actor=Actor.for_member(carla_membership),
        partner=partner,
        outcome="satisfactory",
        summary="ok",
        performed_on=timezone.localdate() - datetime.timedelta(days=400),
    )
    client = client_for(world.carla)
    schedule = client.get(reverse("partners:review_schedule")).content.decode()
    overdue = schedule.split('data-testid="overdue"')[1].split("<h2>")[0]
    assert "Fénix Logística del Norte" in overdue
    partner.refresh_from_db()
    month = partner.next_review_due.strftime("%Y-%m")
    calendar = client.get(reverse("partners:review_calendar"), {"month": month}).content.decode()
    assert "Fénix Logística del Norte" in calendar
    ics = client.get(reverse("partners:review_calendar_ics")).content.decode()
    assert "BEGIN:VCALENDAR" in ics and partner.next_review_due.strftime("%Y%m%d") in ics


def test_review_form_with_findings(world, client_for, partner):
    client = client_for(world.carla)
    data = {
        "kind": "visit",
        "performed_on": timezone.localdate().isoformat(),
        "outcome": "with_findings",
        "summary": "Yard visit",
        "findings-TOTAL_FORMS": "3",
        "findings-INITIAL_FORMS": "0",
        "findings-MIN_NUM_FORMS": "0",
        "findings-MAX_NUM_FORMS": "20",
        "findings-0-description": "Seal log unsigned",
        "findings-0-severity": "high",
        "findings-0-action": "Train supervisors",
        "findings-0-due_on": timezone.localdate().isoformat(),
        "findings-1-severity": "medium",
        "findings-2-severity": "medium",  # as a browser posts them
    }
    response = client.post(reverse("partners:review_create", args=[partner.pk]), data, follow=True)
    text = response.content.decode()
    assert "Review recorded." in text and "Seal log unsigned" in text


def test_export_is_an_excel_of_the_filtered_list(world, client_for, partner):
    response = client_for(world.audrey).get(reverse("partners:partner_export"), {"kind": "carrier"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Legal name" and rows[1][0] == "Fénix Logística del Norte"
    assert rows[1][12] == 1  # hits to review


def test_watchlist_pages(world, client_for, partner):
    client = client_for(world.sofia)
    text = client.get(reverse("partners:watchlist_list")).content.decode()
    assert "SAT Art. 69-B" in text and "published" in text
    version = partner.hits.get().list_version
    entries = client.get(reverse("partners:list_version_detail", args=[version.pk]), {"q": "fenix"})
    assert "LOGÍSTICA FÉNIX" in entries.content.decode()


def test_list_upload_refuses_a_bad_file_with_a_clear_message(world, client_for, partner):
    client = client_for(world.carla)
    bad = SimpleUploadedFile("69b.csv", "No,RFC\r\n1,X\r\n".encode("utf-16"))
    response = client.post(reverse("partners:watchlist_upload"), {"source": "sat_69b", "file": bad})
    assert "UTF-16" in response.content.decode()
    page = client.get(reverse("partners:watchlist_list")).content.decode()
    assert "Refused" in page
    assert client_for(world.sofia).get(reverse("partners:watchlist_upload")).status_code == 403


def test_dashboard_panel(world, client_for, partner):
    text = client_for(world.carla).get(reverse("core:dashboard")).content.decode()
    assert "Business partners (standard 4)" in text and 'data-testid="partners-panel"' in text


def test_public_questionnaire_in_spanish(world, carla_membership, client, settings):
    settings.LANGUAGE_CODE = "es-mx"
    partner = create_partner(world, legal_name="Socio Hispano, S.A. de C.V.")
    _q, token = services.questionnaire_send(
        actor=Actor.for_member(carla_membership),
        partner=partner,
        recipient_email="a@b.mx",
        language="es",
        base_url="http://testserver/",
        notify=False,
    )
    text = client.get(reverse("partners_public:questionnaire", args=[token])).content.decode()
    assert "¿Su empresa tiene una política de seguridad" in text
    assert "Guardar borrador" in text


def test_officer_questionnaire_pages_in_spanish(world, client_for, settings):
    settings.LANGUAGE_CODE = "es-mx"
    partner = create_partner(world, legal_name="Socio Hispano, S.A. de C.V.")
    client = client_for(world.carla)
    send_url = reverse("partners:questionnaire_send", args=[partner.pk])
    form = client.get(send_url).content.decode()
    assert "Enviar un cuestionario de seguridad" in form and "Send a security" not in form
    assert "El socio recibe un enlace privado" in form and ">Enviar</button>" in form
    detail = client.post(
        send_url,
        {
            "recipient_email": "responsable.seguridad.cadena@socio-hispano.example.mx",
            "language": "es",
        },
        follow=True,
    ).content.decode()
    assert "Cuestionario enviado a responsable.seguridad.cadena@socio-hispano.example.mx" in detail
    # The address is shown whole (it wraps), without an empty "<…>" around it.
    assert (
        'href="mailto:responsable.seguridad.cadena@socio-hispano.example.mx"' in detail
        and "&lt;responsable" not in detail
    )
    listing = client.get(reverse("partners:questionnaire_list")).content.decode()
    assert "<th>Enviado a</th>" in listing and "<th>Hasta</th>" not in listing
    questionnaire = partner.questionnaires.get()
    revoked = client.post(
        reverse("partners:questionnaire_revoke", args=[questionnaire.pk]), follow=True
    ).content.decode()
    assert "Cuestionario revocado: su enlace ya no funciona." in revoked


def test_list_and_detail_queries_do_not_grow_with_partners(
    world, client_for, partner, django_assert_max_num_queries
):
    for n in range(25):
        create_partner(world, legal_name=f"Cliente Número {n}, S.A. de C.V.")
    client = client_for(world.carla)
    with django_assert_max_num_queries(20):
        client.get(reverse("partners:partner_list"))
    with django_assert_max_num_queries(45):
        client.get(reverse("partners:partner_detail", args=[partner.pk]))
    with django_assert_max_num_queries(20):
        client.get(reverse("partners:hit_list"))


def test_member_uploads_can_be_switched_off(world, client_for, settings):
    settings.WATCHLIST_UPLOADS_BY_MEMBERS = False
    assert client_for(world.carla).get(reverse("partners:watchlist_upload")).status_code == 403


def test_list_pages_name_the_command_and_the_import_button_in_spanish(world, client_for, partner):
    client = client_for(world.carla)
    client.cookies["resguardo_language"] = "es-mx"
    page = client.get(reverse("partners:watchlist_list")).content.decode()
    assert "<code>resguardo lists fetch</code> las descarga" in page
    assert "`" not in page
    upload = client.get(reverse("partners:watchlist_upload")).content.decode()
    assert '<button class="btn" type="submit">Importar</button>' in upload


def test_partner_list_says_its_hit_column_counts_hits_still_to_review(world, client_for, partner):
    client = client_for(world.carla)
    client.cookies["resguardo_language"] = "es-mx"
    page = client.get(reverse("partners:partner_list")).content.decode()
    assert "<th>Coincidencias por revisar</th>" in page
