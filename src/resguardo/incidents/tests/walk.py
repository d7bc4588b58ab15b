"""Norte's incident records for the cross-app walks: one confidential incident at the yard
with a person, a note, evidence, its OEA aviso, a case member and a corrective action; a
category; an anonymous reporting link (its public pages are reached signed out)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from resguardo.testing.walk import WalkFixtures

from .. import services
from ..models import Category, Evidence, Incident, IncidentAccess, Notice, ReportingLink
from .factories import actor, category, report

TITLE = "Incidente de muestra Norte"


def _build(w):
    carla = actor(w, w.carla)
    incident = report(w, user=w.alice, description=f"{TITLE}\nPuerta forzada en el patio")
    services.person_add(actor=carla, incident=incident, name="Testigo Walk Norte", role="witness")
    services.note_add(actor=carla, incident=incident, text="Nota de bitácora Walk Norte")
    evidence = services.evidence_add(
        actor=carla,
        incident=incident,
        file=SimpleUploadedFile("evidencia-walk-norte.txt", b"bitacora walk norte"),
    )
    access = services.access_grant(actor=carla, incident=incident, user=w.sam)
    services.action_add(actor=carla, incident=incident, title="Accion correctiva Walk Norte")
    link = services.reporting_link_create(actor=carla, site=w.yard)
    w._incidents = {
        "incident": incident,
        "evidence": evidence,
        "access": access,
        "notice": incident.notices.first(),
        "category": category(w.org, "other"),
        "link": link,
    }


def _r(w, name):
    return w._incidents[name].pk


def _pk(name):
    return lambda w: {"pk": _r(w, name)}


def _token(w):
    return {"token": w._incidents["link"].token}


def _snapshot(w):
    org = w.org
    return {
        model.__name__: list(model.objects.filter(organization=org).order_by("pk").values())
        for model in (Incident, Notice, Category, ReportingLink, Evidence, IncidentAccess)
    }


def _list_ids(w):
    return {
        "api:incident-list": ("id", {_r(w, "incident")}),
        "api:incidentnotice-list": ("id", {_r(w, "notice")}),
        "api:incidentevidence-list": ("id", {_r(w, "evidence")}),
        "api:incidentcategory-list": ("id", {_r(w, "category")}),
        "api:reportinglink-list": ("id", {_r(w, "link")}),
    }


def _grow_incidents(world):
    for n in range(30):
        report(world, user=world.carla, description=f"Incidente {n}")
    return "/api/v1/incidents/"


INCIDENT_ROUTES = [
    "incidents:incident_detail",
    "incidents:incident_edit",
    "incidents:checklist_mark",
    "incidents:note_add",
    "incidents:person_add",
    "incidents:evidence_add",
    "incidents:access_grant",
    "incidents:action_add",
    "incidents:notice_add",
    "incidents:incident_close",
    "incidents:incident_reopen",
    "api:incident-detail",
    "api:incident-checklist",
    "api:incident-notes",
    "api:incident-timeline",
    "api:incident-people",
    "api:incident-members",
    "api:incident-raise-action",
    "api:incident-add-notice",
    "api:incident-close",
    "api:incident-reopen",
]

URL_KWARGS = {name: _pk("incident") for name in INCIDENT_ROUTES} | {
    "incidents:access_revoke": _pk("access"),
    "incidents:evidence_download": _pk("evidence"),
    "incidents:evidence_custody": _pk("evidence"),
    "api:incidentevidence-detail": _pk("evidence"),
    "api:incidentevidence-download": _pk("evidence"),
    "api:incidentevidence-custody": _pk("evidence"),
    "incidents:notice_file": _pk("notice"),
    "incidents:notice_waive": _pk("notice"),
    "api:incidentnotice-detail": _pk("notice"),
    "api:incidentnotice-file-notice": _pk("notice"),
    "api:incidentnotice-waive": _pk("notice"),
    "incidents:category_update": _pk("category"),
    "api:incidentcategory-detail": _pk("category"),
    "incidents:link_poster": _pk("link"),
    "incidents:link_revoke": _pk("link"),
    "api:reportinglink-detail": _pk("link"),
    "api:reportinglink-revoke": _pk("link"),
    "incidents_public:report": _token,
    "incidents_public:status": _token,
    "api:anonymous_report": _token,
}

WALK = WalkFixtures(
    build=_build,
    url_kwargs=URL_KWARGS,
    markers=lambda w: [
        TITLE,
        "Testigo Walk Norte",
        "Nota de bitácora Walk Norte",
        "evidencia-walk-norte",
    ],
    public_routes={
        "incidents_public:report": "anonymous reporting through a site's poster",
        "incidents_public:status": "the anonymous reporter checks a report by receipt code",
        "api:anonymous_report": "anonymous intake endpoint of a site's link",
    },
    snapshot=_snapshot,
    list_ids=_list_ids,
    list_growers=(_grow_incidents,),
)
