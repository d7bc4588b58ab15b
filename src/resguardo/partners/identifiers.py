"""The one rule for the SAT's generic RFCs on a partner, used by the partner service (so by
the form and the API) and by the partner import.

- XEXX010101000, the generic RFC for foreign residents: accepted for a foreign partner, with
  its foreign tax id (which tells such partners apart); refused for a Mexican one.
- XAXX010101000, the generic RFC for the general public: identifies no partner, refused.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from resguardo.core.validators import GENERIC_RFC_FOREIGN, GENERIC_RFC_PUBLIC

MEXICO = "MX"


def generic_rfc_errors(*, rfc: str, country: str, tax_id: str) -> dict[str, str]:
    """{field: message} for a generic RFC the partner may not carry; {} when it may."""
    if rfc == GENERIC_RFC_PUBLIC:
        return {
            "rfc": _(
                "XAXX010101000 is the SAT's generic RFC for the general public and identifies "
                "no partner. Enter the partner's own RFC or, for a foreign partner, "
                "XEXX010101000 with its foreign tax id."
            )
        }
    if rfc != GENERIC_RFC_FOREIGN:
        return {}
    if (country or MEXICO) == MEXICO:
        return {
            "rfc": _(
                "XEXX010101000 is the SAT's generic RFC for foreign residents: a Mexican "
                "partner needs its own RFC. If the partner is foreign, enter its country."
            )
        }
    if not tax_id:
        return {
            "tax_id": _(
                "With the generic RFC XEXX010101000, enter the partner's foreign tax id: it is "
                "what tells foreign partners apart."
            )
        }
    return {}


def check_generic_rfc(*, rfc: str, country: str, tax_id: str) -> None:
    errors = generic_rfc_errors(rfc=rfc, country=country, tax_id=tax_id)
    if errors:
        raise ValidationError(errors, code="generic_rfc")


def is_shared_rfc(rfc: str) -> bool:
    """Many partners may carry it: no uniqueness, no lookup on the lists by RFC."""
    return rfc == GENERIC_RFC_FOREIGN
