"""Tell other modules (through core) when a counterparty is a blocked partner."""

from django.utils.translation import gettext as _

from .choices import PartnerStatus
from .models import Partner


def blocked_partner_reasons(*, organization, rfcs: set[str]) -> dict[str, str]:
    blocked = Partner.objects.filter(
        organization=organization, rfc__in=rfcs, status=PartnerStatus.BLOCKED
    ).values_list("rfc", "legal_name")
    return {
        rfc: _(
            "%(name)s (RFC %(rfc)s) is blocked after a confirmed watchlist match: no new "
            "operations until the compliance officer lifts the block."
        )
        % {"name": name, "rfc": rfc}
        for rfc, name in blocked
    }
