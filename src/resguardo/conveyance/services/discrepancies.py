"""Seal discrepancies: recorded, published for the incidents module, closed by a supervisor."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.events import publish
from resguardo.core.permissions import require_same_organization
from resguardo.core.writes import create_audited, update_audited

from ..choices import DiscrepancyStatus
from ..events import SealDiscrepancyRecorded
from ..models import SealDiscrepancy
from ..permissions import require_supervisor_at


def discrepancy_record(
    *,
    actor: Actor,
    organization,
    kind,
    description,
    site,
    occurred_at=None,
    seal=None,
    seal_number="",
    shipment=None,
    event=None,
    audit=None,
) -> SealDiscrepancy:
    """Record and publish. Called by the custody and audit services inside their transaction
    (the caller has already checked the member's permission)."""
    discrepancy = create_audited(
        actor=actor,
        organization=organization,
        verb="seal_discrepancy.recorded",
        instance=SealDiscrepancy(
            organization=organization,
            seal=seal,
            seal_number=(seal.number if seal is not None else seal_number)[:30],
            shipment=shipment,
            event=event,
            audit=audit,
            site=site,
            kind=kind,
            description=description,
            occurred_at=occurred_at or timezone.now(),
            recorded_by=actor.user,
        ),
    )
    publish(
        SealDiscrepancyRecorded(
            organization_id=organization.pk,
            discrepancy_id=discrepancy.pk,
            seal_id=discrepancy.seal_id,
            seal_number=discrepancy.seal_number,
            shipment_id=discrepancy.shipment_id,
            site_id=discrepancy.site_id,
            kind=discrepancy.kind,
            description=discrepancy.description,
            occurred_at=discrepancy.occurred_at,
        )
    )
    return discrepancy


@transaction.atomic(durable=True)
def discrepancy_close(*, actor: Actor, discrepancy, resolution, expected_version=None):
    require_same_organization(actor.membership, discrepancy)
    require_supervisor_at(actor.membership, discrepancy.site)
    if discrepancy.status == DiscrepancyStatus.CLOSED:
        raise ValidationError(_("This discrepancy is already closed."), code="closed")
    resolution = (resolution or "").strip()
    if not resolution:
        raise ValidationError({"resolution": [_("Say how the discrepancy was resolved.")]})
    return update_audited(
        actor=actor,
        organization=actor.organization,
        verb="seal_discrepancy.closed",
        instance=discrepancy,
        changes={
            "status": DiscrepancyStatus.CLOSED,
            "closed_at": timezone.now(),
            "closed_by": actor.user,
            "resolution": resolution,
        },
        expected_version=expected_version,
    )
