"""Screening the organization's own RFC, and those of its legal representatives and
mandatarios, against the SAT lists (CFF art. 69 and 69-B) that the partners module keeps.

Certification sits above partners in the layers, so it reads the list entries directly. A
new list version re-checks every organization once it commits (see `handlers`); adding a
representative re-checks the organization at once. A hit is a blocking prerequisite and the
compliance officers are told once per entry and RFC.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import Organization
from resguardo.core.writes import create_audited
from resguardo.partners.models import ListEntry, ListVersion

from ..choices import ListingTrigger
from ..models import ListingCheck, Representative
from .common import notify_officers

# The SAT lists of CFF art. 69 and 69-B (the OFAC lists are not a certification prerequisite).
SAT_SOURCE_PREFIX = "sat_"


def _rfc_q(rfc: str) -> Q:
    """`rfcs` holds the entry's RFCs separated by spaces."""
    return (
        Q(rfcs=rfc)
        | Q(rfcs__startswith=f"{rfc} ")
        | Q(rfcs__endswith=f" {rfc}")
        | Q(rfcs__contains=f" {rfc} ")
    )


def screened_people(organization) -> dict[str, dict]:
    """{RFC: who holds it} for the organization and its current representatives."""
    people = {organization.rfc.upper(): {"holder": organization.legal_name, "role": "organization"}}
    for person in Representative.objects.filter(
        organization=organization, removed_on__isnull=True
    ).order_by("pk"):
        people.setdefault(person.rfc.upper(), {"holder": person.full_name, "role": person.role})
    return people


def current_sat_versions() -> list[ListVersion]:
    return list(
        ListVersion.objects.filter(is_current=True, source__startswith=SAT_SOURCE_PREFIX).order_by(
            "source"
        )
    )


def _hits(people: dict[str, dict], versions: list[ListVersion]) -> list[dict]:
    if not versions or not people:
        return []
    condition = Q()
    for rfc in people:
        condition |= _rfc_q(rfc)
    entries = ListEntry.objects.filter(condition, version__in=versions, is_adverse=True).order_by(
        "source", "entry_key"
    )
    hits = []
    for entry in entries:
        for rfc in entry.rfc_list:
            if rfc in people:
                hits.append(
                    {
                        "rfc": rfc,
                        "holder": people[rfc]["holder"],
                        "role": people[rfc]["role"],
                        "source": entry.source,
                        "entry_key": entry.entry_key,
                        "name": entry.name,
                        "situation": entry.status,
                        "version_id": entry.version_id,
                    }
                )
    return hits


def hit_key(organization_id: int, hit: dict) -> str:
    return (
        f"certification.listing:{organization_id}:{hit['source']}:{hit['entry_key']}:{hit['rfc']}"
    )


@transaction.atomic
def listing_check(*, organization, trigger=ListingTrigger.MANUAL, actor=None) -> ListingCheck:
    """Screen now and keep the result; tell the compliance officers about each new hit."""
    people = screened_people(organization)
    versions = current_sat_versions()
    hits = _hits(people, versions)
    check = create_audited(
        actor=getattr(actor, "user", None),
        organization=organization,
        instance=ListingCheck(
            organization=organization,
            checked_at=timezone.now(),
            trigger=trigger,
            rfcs=sorted(people),
            versions={v.source: v.pk for v in versions},
            hits=hits,
        ),
        verb="certification.listing_checked",
        data={"hits": len(hits)},
    )
    from django.urls import reverse

    url = reverse("certification:prerequisites")
    for hit in hits:
        notify_officers(
            organization,
            key=hit_key(organization.pk, hit),
            title=_("%(holder)s (RFC %(rfc)s) appears on a SAT list"),
            body=_(
                "The entry “%(name)s” (situation: %(situation)s) blocks the certification "
                "prerequisite “not listed under CFF 69 or 69-B”."
            ),
            params={
                "holder": hit["holder"],
                "rfc": hit["rfc"],
                "name": hit["name"],
                "situation": hit["situation"] or "—",
            },
            url=url,
        )
    return check


def listing_recheck_all(*, trigger=ListingTrigger.LIST_UPDATE) -> int:
    """Re-check every organization (after a new list version); each in its own transaction."""
    count = 0
    for organization in Organization.objects.order_by("pk").iterator():
        listing_check(organization=organization, trigger=trigger)
        count += 1
    return count
