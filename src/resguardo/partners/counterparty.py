"""Tell other modules (through core) when a counterparty is a blocked partner."""

from django.utils.translation import gettext as _

from resguardo.core.validators import normalize_rfc

from .choices import PartnerStatus
from .models import Partner


def blocked_partner_reason(*, organization, rfc: str, name: str) -> str | None:
    rfc = normalize_rfc(rfc)
    if not rfc:
        return None
    partner = (
        Partner.objects.filter(organization=organization, rfc=rfc, status=PartnerStatus.BLOCKED)
        .only("legal_name", "rfc")
        .first()
    )
    if partner is None:
        return None
    return _(
        "%(name)s (RFC %(rfc)s) is blocked after a confirmed watchlist match: no new "
        "operations until the compliance officer lifts the block."
    ) % {"name": partner.legal_name, "rfc": partner.rfc}
