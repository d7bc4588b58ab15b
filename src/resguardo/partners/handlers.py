"""This app's own subscribers on the event hub."""

from .events import PartnerBlocked
from .tasks import alert_partner_blocked


def alert_compliance_officers(event: PartnerBlocked) -> None:
    alert_partner_blocked.enqueue(
        organization_id=event.organization_id,
        partner_id=event.partner_id,
        partner_name=event.partner_name,
        rfc=event.rfc,
        source=event.source,
        matched_name=event.matched_name,
    )
