"""How incidents come in: a member's report, an anonymous report, another module's event."""

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core import ratelimit
from resguardo.core.actors import Actor
from resguardo.core.files import PHOTO, atomic_with_files, inspect_upload, store_upload
from resguardo.core.models import Site
from resguardo.core.permissions import Perm, require_own_site, require_perm, require_site
from resguardo.core.writes import create_audited

from ..choices import IncidentSource, NoticeRecipient, TimelineKind
from ..models import Category, Evidence, Incident, Notice, ReportingLink
from .common import category_for_kind, tell_officers_of_new_incident, timeline_add

MAX_PHOTOS = 5
RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read back from paper


def _clean_text(value, field, max_length, *, required=False, label=None) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError({field: _("Say what happened.") if label is None else label})
    if len(text) > max_length:
        raise ValidationError({field: _("Keep it under %(n)s characters.") % {"n": max_length}})
    return text


def _title_from(description: str) -> str:
    first_line = description.splitlines()[0] if description else ""
    return first_line[:120] + ("…" if len(first_line) > 120 else "")


def _inspect_photos(photos) -> list:
    photos = [p for p in (photos or []) if p]
    if len(photos) > MAX_PHOTOS:
        raise ValidationError({"photos": _("Send at most %(n)s photos.") % {"n": MAX_PHOTOS}})
    return [(photo, inspect_upload(photo, kind=PHOTO, field="photos")) for photo in photos]


def _store_photos(*, incident, inspected, added_by, anonymous) -> None:
    for upload, found in inspected:
        evidence = Evidence(
            organization=incident.organization,
            incident=incident,
            description=_("Photo sent with the report"),
            added_by=added_by,
            from_anonymous_report=anonymous,
        )
        store_upload(evidence, upload, found)
        evidence.full_clean()
        evidence.save()


def aviso_due_at(reported_at: datetime.datetime) -> datetime.datetime:
    return reported_at + datetime.timedelta(days=settings.INCIDENT_AVISO_DAYS)


def _open(*, actor, incident: Incident) -> Incident:
    """Save a new incident with its OEA aviso clock, and tell the compliance officers."""
    incident.severity = incident.severity or incident.category.default_severity
    incident.title = incident.title or _title_from(incident.description)
    create_audited(
        actor=actor.user,
        organization=incident.organization,
        instance=incident,
        verb="incident.reported",
    )
    Notice.objects.create(
        organization=incident.organization,
        incident=incident,
        recipient=NoticeRecipient.OEA_AVISO,
        due_at=aviso_due_at(incident.reported_at),
    )
    timeline_add(
        actor=actor,
        incident=incident,
        kind=TimelineKind.STATUS,
        text=incident.get_source_display(),
        at=incident.reported_at,
    )
    tell_officers_of_new_incident(incident)
    return incident


@atomic_with_files
def incident_report(
    *,
    actor: Actor,
    site,
    category: Category,
    description: str,
    location: str = "",
    occurred_at=None,
    people_text: str = "",
    references: str = "",
    photos=(),
) -> Incident:
    """A member reports what they saw, from a phone. It reaches the compliance officers."""
    require_perm(actor.membership, Perm.RECORD)
    require_site(actor.membership, site)
    if category is None or category.organization_id != actor.organization.pk:
        raise ValidationError({"category": _("Choose a category.")})
    description = _clean_text(description, "description", 10_000, required=True)
    if occurred_at and occurred_at > timezone.now() + datetime.timedelta(minutes=5):
        raise ValidationError({"occurred_at": _("This time is in the future.")})
    inspected = _inspect_photos(photos)
    incident = _open(
        actor=actor,
        incident=Incident(
            organization=actor.organization,
            site=site,
            category=category,
            description=description,
            location=_clean_text(location, "location", 200),
            occurred_at=occurred_at,
            people_text=_clean_text(people_text, "people_text", 5_000),
            references=_clean_text(references, "references", 5_000),
            source=IncidentSource.MEMBER,
            reporter=actor.user,
        ),
    )
    _store_photos(incident=incident, inspected=inspected, added_by=actor.user, anonymous=False)
    return incident


# --- the anonymous channel ------------------------------------------------------------------


def reporting_link_for_token(token: str) -> ReportingLink | None:
    if not token or len(token) > 64:
        return None
    return (
        ReportingLink.objects.select_related("site", "organization")
        .filter(token=token, is_active=True, site__is_active=True)
        .first()
    )


def _address_key(address: str) -> str:
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, f"incidents:{address}".encode(), hashlib.sha256).hexdigest()


def anonymous_request_allowed(*, address: str) -> bool:
    """Count one anonymous request (a report or a receipt look-up) from this client address;
    False once it made too many in the current hour. Only a keyed hash of the address is kept."""
    return ratelimit.allow(
        "incidents.anonymous",
        _address_key(address or "unknown"),
        limit=settings.INCIDENT_ANONYMOUS_REPORTS_PER_HOUR,
        window=datetime.timedelta(hours=1),
    )


def receipt_hash(code: str) -> str:
    normalized = "".join(ch for ch in (code or "").upper() if ch.isalnum())
    return hashlib.sha256(normalized.encode()).hexdigest()


def _new_receipt_code() -> str:
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


@atomic_with_files
def anonymous_report(
    *, link: ReportingLink, description: str, location: str = "", occurred_at=None, photos=()
) -> tuple[Incident, str]:
    """An anonymous report through a site's public link. Returns the incident and the receipt
    code, shown once to the reporter; only its hash is kept. Nothing about the reporter is
    stored: no account, no address, no device."""
    description = _clean_text(
        description,
        "description",
        10_000,
        required=True,
        label=_("Write what you saw: the report cannot be empty."),
    )
    if occurred_at and occurred_at > timezone.now() + datetime.timedelta(minutes=5):
        raise ValidationError({"occurred_at": _("This time is in the future.")})
    inspected = _inspect_photos(photos)
    organization = link.organization
    actor = Actor.system(organization)
    code = _new_receipt_code()
    incident = _open(
        actor=actor,
        incident=Incident(
            organization=organization,
            site=link.site,
            category=category_for_kind(organization, "other"),
            description=description,
            location=_clean_text(location, "location", 200),
            occurred_at=occurred_at,
            source=IncidentSource.ANONYMOUS,
            receipt_hash=receipt_hash(code),
        ),
    )
    _store_photos(incident=incident, inspected=inspected, added_by=None, anonymous=True)
    return incident, code


def anonymous_report_status(*, link: ReportingLink, code: str) -> Incident | None:
    """The report this receipt code names, only within the link's organization."""
    if not code or len(code) > 40:
        return None
    return Incident.objects.filter(
        organization_id=link.organization_id,
        source=IncidentSource.ANONYMOUS,
        receipt_hash=receipt_hash(code),
    ).first()


# --- other modules' events ------------------------------------------------------------------


# Durable: only the event handlers call it, each outside any transaction.
@transaction.atomic(durable=True)
def _open_from_event(
    *, actor, site, kind, summary, occurred_at, source_key, source_url, refs, notices=()
):
    organization = actor.organization
    require_own_site(organization, site)
    incident = _open(
        actor=actor,
        incident=Incident(
            organization=organization,
            site=site,
            category=category_for_kind(organization, kind),
            description=summary or source_key,
            occurred_at=occurred_at,
            references=refs,
            source=IncidentSource.EVENT,
            source_key=source_key[:200],
            source_url=source_url[:500],
        ),
    )
    for recipient in notices:
        # Pending on the same clock as the OEA aviso; the officer files or waives it.
        Notice.objects.create(
            organization=organization,
            incident=incident,
            recipient=recipient,
            due_at=aviso_due_at(incident.reported_at),
        )
    return incident


def incident_open_from_event(
    *,
    actor: Actor,
    source_key: str,
    kind: str,
    summary: str,
    site_id=None,
    occurred_at=None,
    source_url: str = "",
    references: str = "",
    notices=(),
) -> Incident:
    """One incident per source record, however often the event arrives (a retried
    delivery, a worker that died mid-run): the unique (organization, source_key) decides.
    `notices`: recipients (NoticeRecipient) owed a notice besides the OEA aviso."""
    organization = actor.organization
    existing = Incident.objects.filter(organization=organization, source_key=source_key).first()
    if existing is not None:
        return existing
    site = Site.objects.filter(organization=organization, pk=site_id).first() if site_id else None
    try:
        return _open_from_event(
            actor=actor,
            site=site,
            kind=kind,
            summary=summary,
            occurred_at=occurred_at,
            source_key=source_key,
            source_url=source_url,
            refs=references,
            notices=tuple(notices),
        )
    except (IntegrityError, ValidationError):  # a concurrent delivery opened it first
        existing = Incident.objects.filter(organization=organization, source_key=source_key).first()
        if existing is None:
            raise
        return existing
