"""Norte's certification records for the cross-app walks (tests/integration): the
certification with a document and a renewal, a representative, a fee, an aviso, a
requirement and an inspection visit. The URL kwargs below read the same cached records."""

from resguardo.testing.walk import WalkFixtures

from .. import services
from ..choices import AvisoKind, RepresentativeRole, RequirementKind
from ..models import (
    AnnualFee,
    AuthorityRequirement,
    Aviso,
    Certification,
    CertificationDocument,
    Representative,
)
from .factories import actor_for, day, granted, pdf, person_rfc

MARKERS = ["Walk Oficio 77", "Walk Mandatario", "Walk aviso text", "WALK-REQ-9"]


def _build(w):
    actor = actor_for(w, w.carla)
    certification = granted(w)
    services.certification_update(actor=actor, certification=certification,
                                  resolution_number="Walk Oficio 77")  # fmt: skip
    document = services.certification_document_add(
        actor=actor, certification=certification, upload=pdf(), kind="resolution"
    )
    renewal = services.renewal_file(actor=actor, certification=certification, filed_on=day(0),
                                    folio="WALK-FOLIO")  # fmt: skip
    person = services.representative_add(
        actor=actor,
        full_name="Walk Mandatario",
        rfc=person_rfc("WAMA900214Q7"),
        role=RepresentativeRole.MANDATARIO,
    )
    fee = services.fee_record(actor=actor, certification=certification, year=day(0).year)
    aviso = services.aviso_create(actor=actor, kind=AvisoKind.CHANGE, description="Walk aviso text")
    requirement = services.requirement_create(
        actor=actor,
        kind=RequirementKind.VISIT,
        reference="WALK-REQ-9",
        received_on=day(-1),
        description="Walk visit",
        site=w.yard,
    )
    return {
        "certification": certification,
        "document": document,
        "renewal": renewal,
        "person": person,
        "fee": fee,
        "aviso": aviso,
        "requirement": requirement,
    }


def norte_records(w):
    if not hasattr(w, "_certification"):
        w._certification = _build(w)
    return w._certification


def pk_of(name):
    return lambda w: {"pk": norte_records(w)[name].pk}


def snapshot(w):
    org = w.org
    return {
        "certifications": list(Certification.objects.filter(organization=org).values()),
        "documents": list(CertificationDocument.objects.filter(organization=org).values("id")),
        "representatives": list(Representative.objects.filter(organization=org).values()),
        "fees": list(AnnualFee.objects.filter(organization=org).values()),
        "avisos": list(Aviso.objects.filter(organization=org).values()),
        "requirements": list(AuthorityRequirement.objects.filter(organization=org).values()),
    }


URL_KWARGS = {
    "certification:certification_detail": pk_of("certification"),
    "certification:certification_edit": pk_of("certification"),
    "certification:document_add": pk_of("certification"),
    "certification:renewal_file": pk_of("certification"),
    "certification:renewal_acuse": pk_of("renewal"),
    "certification:document_download": pk_of("document"),
    "certification:representative_remove": pk_of("person"),
    "certification:prerequisite_edit": lambda w: {"kind": "opinion_32d"},
    "certification:fee_detail": pk_of("fee"),
    "certification:fee_pay": pk_of("fee"),
    "certification:fee_edit": pk_of("fee"),
    "certification:aviso_detail": pk_of("aviso"),
    "certification:aviso_file": pk_of("aviso"),
    "certification:aviso_acuse": pk_of("aviso"),
    "certification:requirement_detail": pk_of("requirement"),
    "certification:requirement_answer": pk_of("requirement"),
    "certification:requirement_edit": pk_of("requirement"),
    "certification:finding_add": pk_of("requirement"),
    **{
        f"api:certification-{n}": pk_of("certification")
        for n in ("detail", "renewal", "renewal-acuse")
    },
    "api:certificationfee-detail": pk_of("fee"),
    "api:certificationfee-pay": pk_of("fee"),
    **{f"api:certificationaviso-{n}": pk_of("aviso") for n in ("detail", "file", "acuse")},
    "api:certificationrequirement-detail": pk_of("requirement"),
    "api:certificationrequirement-answer": pk_of("requirement"),
    "api:certificationrepresentative-detail": pk_of("person"),
    "api:certificationrepresentative-remove": pk_of("person"),
}

SHARED_OBJECT_ROUTES = {
    "certification:prerequisite_edit": "the kind names one of the prerequisites every "
    "organization has, not a record",
}


def list_ids(w):
    records = norte_records(w)
    return {
        "api:certification-list": ("id", {records["certification"].pk}),
        "api:certificationfee-list": ("id", {records["fee"].pk}),
        "api:certificationaviso-list": ("id", {records["aviso"].pk}),
        "api:certificationrequirement-list": ("id", {records["requirement"].pk}),
        "api:certificationrepresentative-list": ("id", {records["person"].pk}),
    }


WALK = WalkFixtures(
    build=norte_records,
    url_kwargs=URL_KWARGS,
    markers=lambda w: MARKERS,
    shared_object_routes=SHARED_OBJECT_ROUTES,
    snapshot=snapshot,
    list_ids=list_ids,
)
