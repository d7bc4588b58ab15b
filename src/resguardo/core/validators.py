"""Validators for Mexican identifiers and codes used across Resguardo."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

RFC_ALPHABET = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"
# The SAT's generic RFCs: XAXX010101000 for the general public, XEXX010101000 for foreign
# residents without a Mexican RFC. Many taxpayers share them: they identify no one.
GENERIC_RFC_PUBLIC = "XAXX010101000"
GENERIC_RFC_FOREIGN = "XEXX010101000"
GENERIC_RFCS = frozenset({GENERIC_RFC_PUBLIC, GENERIC_RFC_FOREIGN})
_RFC_RE = re.compile(r"^([A-ZÑ&]{3,4})(\d{2})(\d{2})(\d{2})([A-Z0-9]{2})([A-Z0-9])$")


def normalize_rfc(value: str) -> str:
    return re.sub(r"[\s\-]", "", (value or "")).upper()


def rfc_check_digit(rfc: str) -> str:
    """The check digit the SAT algorithm gives for the first 11 (moral) or 12 (física) chars."""
    body = rfc[:-1].rjust(12)
    total = sum(RFC_ALPHABET.index(ch) * (13 - i) for i, ch in enumerate(body))
    digit = (11 - total % 11) % 11
    return "A" if digit == 10 else str(digit)


def rfc_is_well_formed(rfc: str) -> bool:
    match = _RFC_RE.match(rfc)
    if not match or len(rfc) not in (12, 13):
        return False
    month, day = int(match.group(3)), int(match.group(4))
    return 1 <= month <= 12 and 1 <= day <= 31


def rfc_check_digit_ok(rfc: str) -> bool:
    return rfc_check_digit(rfc) == rfc[-1]


def validate_rfc_format(value: str) -> None:
    """Refuse an RFC that is not 12 (moral) or 13 (física) characters of the right shape."""
    rfc = normalize_rfc(value)
    if not rfc_is_well_formed(rfc):
        raise ValidationError(
            _(
                "“%(value)s” is not a valid RFC: it must be 3 letters (company) or 4 letters "
                "(person), a date YYMMDD and a 3-character homoclave."
            ),
            code="rfc_format",
            params={"value": value},
        )


def validate_rfc(value: str) -> None:
    """Format and check digit: used where the RFC identifies our own tenant."""
    validate_rfc_format(value)
    rfc = normalize_rfc(value)
    if not rfc_check_digit_ok(rfc):
        raise ValidationError(
            _("The RFC “%(value)s” has a wrong check digit: expected %(digit)s."),
            code="rfc_check_digit",
            params={"value": value, "digit": rfc_check_digit(rfc)},
        )


def validate_patente(value: str) -> None:
    if not re.fullmatch(r"\d{4}", value or ""):
        raise ValidationError(
            _("A patente number has exactly 4 digits, got “%(value)s”."),
            code="patente_format",
            params={"value": value},
        )
