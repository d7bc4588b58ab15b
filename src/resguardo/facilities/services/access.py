"""Challenges of unauthorized persons or vehicles (3.3), package screening (3.4), guards (3.1).

A challenge always publishes one `PersonChallenged`; a suspicious package one
`SuspiciousPackageReceived`: the incidents module opens one incident per record."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.events import publish
from resguardo.core.permissions import (
    Perm,
    require_own_site,
    require_perm,
    require_record_at,
    require_same_organization,
)
from resguardo.core.security_events import SecurityEventKind
from resguardo.core.writes import create_audited

from ..choices import ChallengeSubject, GuardEmployer
from ..events import PersonChallenged, SuspiciousPackageReceived
from ..models import Challenge, Guard, GuardShift, Package
from .common import clean_text


@transaction.atomic
def challenge_record(
    *,
    actor: Actor,
    site,
    subject,
    description,
    action_taken,
    plates="",
    removed=True,
    authorities_called=False,
    occurred_at=None,
) -> Challenge:
    require_record_at(actor.membership, site)
    occurred_at = occurred_at or timezone.now()
    if occurred_at > timezone.now() + datetime.timedelta(minutes=5):
        raise ValidationError({"occurred_at": _("The time cannot be in the future.")})
    challenge = create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=Challenge(
            organization=actor.organization,
            site=site,
            occurred_at=occurred_at,
            subject=subject,
            description=clean_text(
                description, "description", required=True, label=_("the description")
            ),
            action_taken=clean_text(
                action_taken, "action_taken", required=True, label=_("how they were challenged")
            ),
            plates="".join(str(plates or "").split()).upper(),
            removed=bool(removed),
            authorities_called=bool(authorities_called),
            recorded_by=actor.user,
        ),
        verb="challenge.recorded",
        data={"site": site.name},
    )
    who = _("vehicle") if subject == ChallengeSubject.VEHICLE else _("person")
    publish(
        PersonChallenged(
            organization_id=actor.organization.pk,
            source_key=f"facilities.challenge:{challenge.pk}",
            kind=SecurityEventKind.UNAUTHORIZED_ACCESS,
            summary=f"{who}: {challenge.description}"[:500],
            site_id=site.pk,
            occurred_at=occurred_at,
            url=reverse("facilities:challenge_list"),
            reported_by_id=actor.user.pk if actor.user else None,
        )
    )
    return challenge


@transaction.atomic
def package_record(
    *,
    actor: Actor,
    site,
    sender,
    addressee,
    carrier="",
    screened=False,
    suspicious=False,
    signs="",
    procedure_followed="",
) -> Package:
    require_record_at(actor.membership, site)
    if suspicious and not clean_text(procedure_followed, "procedure_followed"):
        raise ValidationError(
            {"procedure_followed": _("Say what was done with the suspicious package.")}
        )
    if suspicious and not clean_text(signs, "signs"):
        raise ValidationError({"signs": _("Say what made it suspicious.")})
    package = create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=Package(
            organization=actor.organization,
            site=site,
            received_at=timezone.now(),
            sender=clean_text(sender, "sender", required=True, label=_("the sender")),
            addressee=clean_text(addressee, "addressee", required=True, label=_("the addressee")),
            carrier=clean_text(carrier, "carrier"),
            screened=bool(screened) or bool(suspicious),
            suspicious=bool(suspicious),
            signs=(signs or "").strip(),
            procedure_followed=(procedure_followed or "").strip(),
            recorded_by=actor.user,
        ),
        verb="package.received",
        data={"sender": sender},
    )
    if package.suspicious:
        publish(
            SuspiciousPackageReceived(
                organization_id=actor.organization.pk,
                source_key=f"facilities.package:{package.pk}",
                kind=SecurityEventKind.SUSPICIOUS_PACKAGE,
                summary=f"{package.sender} → {package.addressee}: {package.signs}"[:500],
                site_id=site.pk,
                occurred_at=package.received_at,
                url=reverse("facilities:package_list"),
                reported_by_id=actor.user.pk if actor.user else None,
            )
        )
    return package


@transaction.atomic
def guard_create(
    *, actor: Actor, full_name, employer, sites, company="", armed=False, radio=""
) -> Guard:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    for site in sites:
        require_own_site(actor.membership, site)
    if not sites:
        raise ValidationError({"sites": _("Choose the sites the guard covers.")})
    company = clean_text(company, "company")
    if employer == GuardEmployer.CONTRACTED and not company:
        raise ValidationError({"company": _("Name the security company.")})
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=Guard(
            organization=actor.organization,
            full_name=clean_text(full_name, "full_name", required=True, label=_("the full name")),
            employer=employer,
            company=company,
            armed=bool(armed),
            radio=clean_text(radio, "r"),
        ),
        m2m={"sites": list(sites)},
        verb="guard.added",
        data={"name": full_name},
    )


@transaction.atomic
def guard_shift_add(*, actor: Actor, guard: Guard, site, starts_at, ends_at) -> GuardShift:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, guard, field="guard")
    require_own_site(actor.membership, site)
    if not guard.sites.filter(pk=site.pk).exists():
        raise ValidationError({"site": _("The guard does not cover this site.")})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The shift must end after it starts.")})
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=GuardShift(
            organization=actor.organization,
            guard=guard,
            site=site,
            starts_at=starts_at,
            ends_at=ends_at,
        ),
        verb="guard.shift_added",
        data={"name": guard.full_name},
    )
