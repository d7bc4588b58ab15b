"""Norte's partner records for the cross-app walks (tests/integration).

The walk builds them (`norte_records`) before its snapshot; the URL kwargs below read the same
cached records."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.testing.walk import WalkFixtures

from .. import services
from ..choices import WatchlistSource
from ..models import ScreeningHit
from .factories import create_partner, import_fixture


def _build(w):
    carla = w.carla
    m = w.membership(carla)
    version = import_fixture(WatchlistSource.SAT_69B, "sat_69b.csv")
    partner = services.partner_create(
        actor=Actor.for_member(m),
        kind="carrier",
        legal_name="Transportes Norte Walk, S.A. de C.V.",
        rfc="LFE0805123A3",
        notes="Socio Norte Walk",
    )
    address = services.address_add(
        actor=Actor.for_member(m), partner=partner, street="Calle Walk 12", city="Nuevo Laredo"
    )
    contact = services.contact_add(
        actor=Actor.for_member(m),
        partner=partner,
        name="Contacto Norte Walk",
        email="walk@norte-socio.example.mx",
    )
    document = services.document_upload(
        actor=Actor.for_member(m),
        partner=partner,
        kind="articles",
        upload=SimpleUploadedFile("acta-walk.pdf", b"%PDF-1.4 walk"),
    )
    certification = services.certification_create(
        actor=Actor.for_member(m),
        partner=partner,
        program="oea",
        modality="carrier",
        certificate_number="OEA-NORTE-WALK",
        valid_until=timezone.localdate() + datetime.timedelta(days=90),
    )
    agreement = services.agreement_create(
        actor=Actor.for_member(m),
        partner=partner,
        title="Convenio Norte Walk",
        requirement_codes=["REQ-SEALS"],
    )
    questionnaire, _token = services.questionnaire_send(
        actor=Actor.for_member(m),
        partner=partner,
        recipient_email="cuestionario@norte-socio.example.mx",
        base_url="http://testserver/",
        notify=False,
    )
    review = services.review_record(
        actor=Actor.for_member(m),
        partner=partner,
        outcome="with_findings",
        summary="Revisión Norte Walk",
        findings=[
            {
                "description": "Hallazgo Norte Walk",
                "action": "Corregir",
                "due_on": timezone.localdate(),
            }
        ],
    )
    answers = {"SEL-LIST": {"result": "not_met"}}
    from ..catalog import selection_catalog

    for criterion in selection_catalog().criteria_for("carrier"):
        answers.setdefault(criterion.code, {"result": "met"})
    decision = services.selection_decide(
        actor=Actor.for_member(m),
        partner=partner,
        outcome="rejected",
        answers=answers,
        rationale="Decisión Norte Walk",
    )
    return {
        "partner": partner,
        "address": address,
        "contact": contact,
        "document": document,
        "certification": certification,
        "agreement": agreement,
        "questionnaire": questionnaire,
        "review": review,
        "finding": review.findings.get(),
        "decision": decision,
        "hit": partner.hits.get(),
        "run": partner.organization
        and services.screen_partners(actor=Actor.system(w.org), trigger="manual"),
        "version": version,
        "entry": version.entries.first(),
    }


def norte_records(w):
    """Build once (on the world) and return Norte's records; `w` is the world or the walk."""
    if not hasattr(w, "_partners"):
        w._partners = _build(w)
    return w._partners


# Texts of Norte's records that must never appear to another organization.
MARKERS = [
    "Transportes Norte Walk",
    "Socio Norte Walk",
    "Calle Walk 12",
    "Contacto Norte Walk",
    "acta-walk.pdf",
    "OEA-NORTE-WALK",
    "Convenio Norte Walk",
    "cuestionario@norte-socio",
    "Revisión Norte Walk",
    "Hallazgo Norte Walk",
    "Decisión Norte Walk",
]


def pk_of(name):
    return lambda w: {"pk": norte_records(w)[name].pk}


URL_KWARGS = {
    **{
        f"partners:{n}": pk_of("partner")
        for n in (
            "partner_detail",
            "partner_update",
            "partner_risk",
            "partner_screen",
            "address_add",
            "contact_add",
            "document_upload",
            "certification_create",
            "selection_decide",
            "agreement_create",
            "questionnaire_send",
            "review_create",
        )
    },
    "partners:address_remove": pk_of("address"),
    "partners:contact_remove": pk_of("contact"),
    "partners:document_download": pk_of("document"),
    "partners:certification_update": pk_of("certification"),
    "partners:certification_delete": pk_of("certification"),
    "partners:selection_detail": pk_of("decision"),
    "partners:agreement_update": pk_of("agreement"),
    **{
        f"partners:questionnaire_{n}": pk_of("questionnaire")
        for n in ("detail", "accept", "corrections", "revoke")
    },
    "partners:review_detail": pk_of("review"),
    "partners:finding_add": pk_of("review"),
    "partners:finding_close": pk_of("finding"),
    "partners:hit_detail": pk_of("hit"),
    "partners:list_version_detail": pk_of("version"),
    "partners:list_version_download": pk_of("version"),
    "partners_public:questionnaire": lambda w: {"token": "not-a-real-questionnaire-token"},
    **{f"api:partner-{n}": pk_of("partner") for n in ("detail", "screen", "risk")},
    "api:partneraddress-detail": pk_of("address"),
    "api:partnercontact-detail": pk_of("contact"),
    "api:partnerdocument-detail": pk_of("document"),
    "api:partnerdocument-download": pk_of("document"),
    "api:partnercertification-detail": pk_of("certification"),
    "api:partnerselection-detail": pk_of("decision"),
    "api:partneragreement-detail": pk_of("agreement"),
    **{
        f"api:partnerquestionnaire-{n}": pk_of("questionnaire")
        for n in ("detail", "accept", "corrections", "revoke")
    },
    "api:partnerreview-detail": pk_of("review"),
    "api:partnerfinding-detail": pk_of("finding"),
    "api:partnerfinding-close": pk_of("finding"),
    "api:screeninghit-detail": pk_of("hit"),
    "api:screeninghit-decide": pk_of("hit"),
    "api:screeningrun-detail": pk_of("run"),
    "api:listversion-detail": pk_of("version"),
    "api:listentry-detail": pk_of("entry"),
}

# The official lists are public data shared by every organization.
SHARED_OBJECT_ROUTES = {
    name: "the SAT and OFAC lists are the same for everyone"
    for name in (
        "partners:list_version_detail",
        "partners:list_version_download",
        "api:listversion-detail",
        "api:listentry-detail",
    )
}

PUBLIC_ROUTES = {
    "partners_public:questionnaire": "a partner's questionnaire link: its token is the credential",
}


def _grow_partners(world):
    for n in range(30):
        create_partner(world, legal_name=f"Cliente Número {n}, S.A. de C.V.")
    return "/api/v1/partners/"


def _grow_hits(world):
    hit = ScreeningHit.objects.filter(organization=world.org).first()
    for n in range(30):
        partner = create_partner(world, legal_name=f"Proveedor Número {n}, S.A. de C.V.")
        ScreeningHit.objects.create(
            organization=world.org,
            partner=partner,
            source=hit.source,
            entry_key=hit.entry_key,
            entry=hit.entry,
            list_version=hit.list_version,
            match_kind=hit.match_kind,
            score=hit.score,
            matched_name=hit.matched_name,
            partner_name=partner.legal_name,
        )
    return "/api/v1/screening-hits/"


WALK = WalkFixtures(
    build=norte_records,
    url_kwargs=URL_KWARGS,
    markers=lambda w: MARKERS,
    shared_object_routes=SHARED_OBJECT_ROUTES,
    public_routes=PUBLIC_ROUTES,
    list_growers=(_grow_partners, _grow_hits),
)
