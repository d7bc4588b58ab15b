"""Avisos to the authority: proposed by Resguardo or entered by hand, then filed (date and
folio) and acknowledged (the acuse, kept as a stored file)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resguardo.core.files import atomic_with_files
from resguardo.core.permissions import require_own_site
from resguardo.core.writes import create_audited, update_audited

from .. import conf
from ..choices import (
    ACTIVE_STATUSES,
    AvisoKind,
    AvisoStatus,
    AvisoTrigger,
    DocumentKind,
    RequestType,
)
from ..models import Aviso, Certification
from .common import manager, notify_officers, store_document


def _organization_certification(organization):
    return Certification.objects.filter(organization=organization, site__isnull=True).first()


def _certified_before(organization, day) -> bool:
    """Certified, with a grant before the change (what changed before the grant was part of
    the application, not a change to notify)."""
    return Certification.objects.filter(
        organization=organization, status__in=list(ACTIVE_STATUSES), granted_on__lte=day
    ).exists()


@transaction.atomic
def aviso_propose(
    *,
    organization,
    kind,
    description,
    source_key,
    trigger=AvisoTrigger.MANUAL,
    site=None,
    due_on=None,
    occurred_on=None,
    actor=None,
) -> Aviso:
    """Propose an aviso draft once per `source_key` (a second call returns the first one).

    Other modules call this, e.g. the incidents module for a security incident:
    `aviso_propose(organization=org, kind=AvisoKind.INCIDENT, trigger=AvisoTrigger.INCIDENT,
    source_key=f"incidents.incident:{pk}", description=..., occurred_on=day, site=site)`;
    the incident aviso is due CERTIFICATION_INCIDENT_AVISO_DAYS after `occurred_on`.
    """
    if kind not in AvisoKind.values:
        raise ValidationError({"kind": [_("Unknown kind of aviso.")]})
    if not source_key:
        raise ValueError("aviso_propose needs a source_key (one aviso per source)")
    require_own_site(organization, site)
    existing = Aviso.objects.filter(organization=organization, source_key=source_key).first()
    if existing is not None:
        return existing
    if due_on is None and kind == AvisoKind.INCIDENT:
        start = occurred_on or timezone.localdate()
        due_on = start + datetime.timedelta(days=conf.incident_aviso_days())
    aviso = create_audited(
        actor=getattr(actor, "user", None),
        organization=organization,
        instance=Aviso(
            organization=organization,
            certification=_organization_certification(organization),
            site=site,
            kind=kind,
            trigger=trigger,
            description=str(description)[:4000],
            source_key=source_key[:120],
            due_on=due_on,
        ),
        verb="certification.aviso_proposed",
        data={"kind": kind},
    )
    notify_officers(
        organization,
        key=f"certification.aviso:{aviso.pk}:proposed",
        title=gettext_lazy("An aviso to the authority is proposed: %(kind)s"),
        body=gettext_lazy("%(description)s File it by %(due)s."),
        params={
            "kind": aviso.get_kind_display(),
            "description": aviso.description,
            "due": due_on.isoformat() if due_on else "—",
        },
        url=aviso.get_absolute_url(),
    )
    return aviso


def change_aviso_propose(
    *, organization, trigger, source_key, description, changed_on, site=None, actor=None
):
    """A change aviso (rule 7.2.1) for a recorded change, when the trigger is configured and
    the organization was certified when it happened. Returns the aviso or None."""
    days = conf.change_aviso_days().get(trigger)
    if days is None or not _certified_before(organization, changed_on):
        return None
    return aviso_propose(
        organization=organization,
        kind=AvisoKind.CHANGE,
        trigger=trigger,
        source_key=source_key,
        description=description,
        site=site,
        due_on=changed_on + datetime.timedelta(days=days),
        actor=actor,
    )


@transaction.atomic
def aviso_create(*, actor, kind, description, due_on=None, site=None, owner=None) -> Aviso:
    """An aviso entered by hand (the yearly profile update, a premises change...)."""
    organization = manager(actor)
    require_own_site(actor.membership, site)
    if owner is not None and not owner.memberships.filter(organization=organization).exists():
        raise ValidationError({"owner": [_("Choose a member of the organization.")]})
    if not (description or "").strip():
        raise ValidationError({"description": [_("Say what the aviso is about.")]})
    return create_audited(
        actor=actor.user,
        organization=organization,
        instance=Aviso(
            organization=organization,
            certification=_organization_certification(organization),
            site=site,
            kind=kind,
            trigger=AvisoTrigger.MANUAL,
            description=description.strip(),
            due_on=due_on,
            owner=owner,
        ),
        verb="certification.aviso_created",
        data={"kind": kind},
    )


@transaction.atomic
def aviso_file(*, actor, aviso, filed_on, folio, expected_version=None) -> Aviso:
    organization = manager(actor)
    errors = {}
    if aviso.status != AvisoStatus.DRAFT:
        errors["filed_on"] = [_("This aviso was already filed.")]
    if filed_on is None:
        errors["filed_on"] = [_("Give the date the aviso was filed.")]
    elif filed_on > timezone.localdate():
        errors["filed_on"] = [_("The filed date cannot be in the future.")]
    if not (folio or "").strip():
        errors["folio"] = [_("Give the folio VUCEM assigned.")]
    if errors:
        raise ValidationError(errors)
    update_audited(
        actor=actor.user,
        organization=organization,
        instance=aviso,
        changes={"status": AvisoStatus.FILED, "filed_on": filed_on, "folio": folio.strip()},
        expected_version=expected_version,
        verb="certification.aviso_filed",
        data={"folio": folio.strip()},
    )
    if aviso.kind == AvisoKind.PROFILE_UPDATE:
        from .profile import profile_filing_record

        profile_filing_record(
            actor=actor,
            site=aviso.site,
            request_type=RequestType.MODIFICATION,
            filed_on=filed_on,
            aviso=aviso,
        )
    return aviso


@atomic_with_files
def aviso_acknowledge(*, actor, aviso, acknowledged_on, upload) -> Aviso:
    """Keep the acuse of a filed aviso. An aviso still in draft has no acuse."""
    organization = manager(actor)
    if aviso.status == AvisoStatus.DRAFT:
        raise ValidationError(
            {"upload": [_("This aviso is still a draft: file it before adding its acuse.")]},
            code="draft",
        )
    if aviso.status == AvisoStatus.ACKNOWLEDGED:
        raise ValidationError({"upload": [_("This aviso already has its acuse.")]})
    errors = {}
    if acknowledged_on is None:
        errors["acknowledged_on"] = [_("Give the date of the acuse.")]
    elif acknowledged_on > timezone.localdate():
        errors["acknowledged_on"] = [_("The acuse date cannot be in the future.")]
    elif acknowledged_on < aviso.filed_on:
        errors["acknowledged_on"] = [_("The acuse cannot come before the filing.")]
    if upload is None:
        errors["upload"] = [_("Attach the acuse.")]
    if errors:
        raise ValidationError(errors)
    store_document(
        actor=actor,
        organization=organization,
        upload=upload,
        kind=DocumentKind.AVISO_ACUSE,
        field="upload",
        title=_("Acuse %(folio)s") % {"folio": aviso.folio},
        aviso=aviso,
        certification=aviso.certification,
    )
    return update_audited(
        actor=actor.user,
        organization=organization,
        instance=aviso,
        changes={"status": AvisoStatus.ACKNOWLEDGED, "acknowledged_on": acknowledged_on},
        verb="certification.aviso_acknowledged",
        data={"folio": aviso.folio},
    )
