"""The record's life: renewal filed → acuse → renewed term; fees; avisos proposed by changes;
the E4 profile; roles and the outsider."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from resguardo.compliance import services as compliance
from resguardo.compliance.tests.factories import answer_all, start_assessment
from resguardo.core.services import site_create
from resguardo.testing.factories import aduana

from .. import services
from ..choices import AvisoKind, AvisoStatus, AvisoTrigger, CertificationStatus
from ..models import Aviso, Certification
from .factories import actor_for, day, granted, pdf


def test_renewal_filed_then_acuse_gives_a_new_term(world, client_for):
    actor = actor_for(world, world.carla)
    certification = granted(world, expires_offset=10)
    page = client_for(world.carla).get(certification.get_absolute_url()).content.decode()
    assert "10 days left: renewal window open" in page
    renewal = services.renewal_file(actor=actor, certification=certification,
                                    filed_on=day(0), folio="33303-R-1")  # fmt: skip
    certification.refresh_from_db()
    assert certification.status == CertificationStatus.RENEWAL_FILED
    services.renewal_acknowledge(actor=actor, renewal=renewal, acknowledged_on=day(0),
                                 new_expires_on=day(740), upload=pdf())  # fmt: skip
    certification.refresh_from_db()
    assert certification.status == CertificationStatus.GRANTED
    assert certification.expires_on == day(740)
    page = client_for(world.carla).get(certification.get_absolute_url()).content.decode()
    assert "740 days left" in page and "33303-R-1" in page


def test_fee_paid_with_receipt_and_overdue_is_red(world, client_for):
    actor = actor_for(world, world.carla)
    certification = granted(world, granted_offset=-400)
    fee_year = certification.granted_on.year + 1
    # due on the grant's anniversary, about 35 days ago
    fee = services.fee_record(actor=actor, certification=certification, year=fee_year)
    assert fee.due_on < day(0)
    page = client_for(world.carla).get(reverse("certification:fee_list")).content.decode()
    assert 'class="overdue"' in page and 'badge-bad">Overdue' in page
    services.fee_pay(actor=actor, fee=fee, paid_on=day(0), amount="38797.00", upload=pdf())
    page = client_for(world.carla).get(reverse("certification:fee_list")).content.decode()
    assert 'class="overdue"' not in page and 'badge-bad">Overdue' not in page
    receipt = fee.documents.get()
    response = client_for(world.audrey).get(receipt.get_absolute_url())
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert client_for(world.oscar).get(receipt.get_absolute_url()).status_code == 404


def test_a_new_site_proposes_a_change_aviso_once(world):
    granted(world)
    site = site_create(actor=world.actor(world.alice), name="Bodega Colombia",
                       aduana=aduana("24"))  # fmt: skip
    aviso = Aviso.objects.get(organization=world.org)
    assert aviso.trigger == AvisoTrigger.SITE_OPENED and aviso.kind == AvisoKind.CHANGE
    assert aviso.due_on == day(30) and aviso.site == site
    assert "Bodega Colombia" in aviso.description
    site.name = "Bodega Colombia II"
    site.save()
    assert Aviso.objects.filter(organization=world.org).count() == 1


def test_incident_aviso_from_another_module_is_due_in_five_days(world):
    aviso = services.aviso_propose(
        organization=world.org, kind=AvisoKind.INCIDENT, trigger=AvisoTrigger.INCIDENT,
        source_key="incidents.incident:4", description="Sello alterado", occurred_on=day(-1),
    )  # fmt: skip
    again = services.aviso_propose(
        organization=world.org, kind=AvisoKind.INCIDENT, source_key="incidents.incident:4",
        description="otra vez",
    )  # fmt: skip
    assert again.pk == aviso.pk and aviso.due_on == day(4)
    actor = actor_for(world, world.carla)
    services.aviso_file(actor=actor, aviso=aviso, filed_on=day(0), folio="33303-9")
    services.aviso_acknowledge(actor=actor, aviso=aviso, acknowledged_on=day(0), upload=pdf())
    assert Aviso.objects.get(pk=aviso.pk).status == AvisoStatus.ACKNOWLEDGED


def test_e4_profile_in_form_order_with_changes_since_the_last_filing(world, client_for):
    assessment = start_assessment(world)
    answer_all(world, assessment)
    # the first assessment of a framework is the current one from its creation
    actor = actor_for(world, world.carla)
    aviso = services.aviso_create(actor=actor, kind=AvisoKind.PROFILE_UPDATE, description="Anual")
    services.aviso_file(actor=actor, aviso=aviso, filed_on=day(0), folio="33303-P")
    result = assessment.results.get(node__ref_id="1.2")
    compliance.result_update(
        actor=world.actor(world.carla),
        target=result,
        answer="Política firmada y difundida en 2026.",
    )

    page = client_for(world.carla).get(reverse("certification:e4_profile")).content.decode()
    assert page.index("1.1 ") < page.index("1.2 ") < page.index("2.1 ") < page.index("11.2 ")
    assert "Política firmada y difundida en 2026." in page
    assert "1 sub-standard changed since" in page
    assert "2.3.P1" in page  # yard clause, shown as Resguardo's own label

    xlsx = client_for(world.carla).get(reverse("certification:e4_xlsx"))
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True) if row[0]}
    assert rows["1.2"][2] == "Política firmada y difundida en 2026."
    assert rows["1.2"][4] == "Modificado" and rows["1.1"][4] == "Sin cambios"
    assert sheet["A5"].value == "Número"  # Spanish, whatever the user's language
    pdf_response = client_for(world.carla).get(reverse("certification:e4_pdf"))
    assert pdf_response.content.startswith(b"%PDF")


def test_roles_and_the_outsider(world, client_for, api_for):
    certification = granted(world)
    for user in (world.sofia, world.audrey, world.sam):
        client = client_for(user)
        assert client.get(certification.get_absolute_url()).status_code == 200
        assert client.get(reverse("certification:certification_create")).status_code == 403
    assert client_for(world.oscar).get(certification.get_absolute_url()).status_code == 404
    assert (
        api_for(world.oscar).get(f"/api/v1/certifications/{certification.pk}/").status_code == 404
    )
    listing = api_for(world.oscar).get("/api/v1/certifications/").json()
    assert listing["count"] == 0 if isinstance(listing, dict) else listing == []
    refused = api_for(world.audrey).patch(
        f"/api/v1/certifications/{certification.pk}/", {"notes": "x"}, format="json"
    )
    assert refused.status_code == 403
    saved = api_for(world.carla).patch(
        f"/api/v1/certifications/{certification.pk}/", {"notes": "Revisado"}, format="json"
    )
    assert saved.status_code == 200
    assert Certification.objects.get().notes == "Revisado"


def test_overdue_filter_is_the_same_on_the_page_and_in_the_api(world, client_for, api_for):
    actor = actor_for(world, world.carla)
    late = services.aviso_create(
        actor=actor, kind=AvisoKind.CHANGE, description="Aviso atrasado", due_on=day(-2)
    )
    services.aviso_create(
        actor=actor, kind=AvisoKind.CHANGE, description="Aviso a tiempo", due_on=day(9)
    )
    page = client_for(world.carla).get(reverse("certification:aviso_list") + "?overdue=true")
    text = page.content.decode()
    assert "Aviso atrasado" in text and "Aviso a tiempo" not in text
    assert 'class="overdue"' in text
    api = api_for(world.carla).get("/api/v1/certification-avisos/?overdue=true").json()
    assert [row["id"] for row in api["results"]] == [late.pk]


def test_pages_read_in_spanish(world, client_for):
    world.carla.language = "es-mx"
    world.carla.save(update_fields=["language"])
    granted(world, expires_offset=12)
    page = client_for(world.carla).get(reverse("certification:overview")).content.decode()
    assert "Representantes legales y mandatarios" in page
    assert "Quedan 12 días: plazo de renovación abierto" in page
    page = client_for(world.carla).get(reverse("certification:prerequisites")).content.decode()
    assert "No publicado en las listas de los art. 69, 69-B o 69-B Bis del CFF" in page


def test_a_mandatario_proposes_a_change_aviso_only_after_the_grant(world):
    from ..choices import RepresentativeRole
    from .factories import person_rfc

    actor = actor_for(world, world.carla)
    granted(world, granted_offset=-100)
    services.representative_add(actor=actor, full_name="Antes del registro",
                                rfc=person_rfc("ANRE800101A1"), role=RepresentativeRole.MANDATARIO,
                                appointed_on=day(-300))  # fmt: skip
    assert not Aviso.objects.exists()
    person = services.representative_add(
        actor=actor,
        full_name="Nuevo mandatario",
        rfc=person_rfc("NUMA800101A1"),
        role=RepresentativeRole.MANDATARIO,
        appointed_on=day(-3),
    )
    aviso = Aviso.objects.get()
    assert aviso.trigger == AvisoTrigger.MANDATARIO_ADDED and aviso.due_on == day(27)
    services.representative_remove(actor=actor, representative=person, removed_on=day(0))
    assert Aviso.objects.filter(trigger=AvisoTrigger.MANDATARIO_REMOVED).count() == 1
