"""Customs identifiers: ISO 6346 container numbers, pedimento numbers and the shape of an RFC.

Shipments, seals and inspections all read them, so they live in the kernel.

Each validator says exactly what is wrong, so a clerk can fix the number without guessing.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# ISO 6346 letter values: A=10 onwards, skipping multiples of 11 (11, 22, 33).
_LETTER_VALUES: dict[str, int] = {}
_value = 10
for _letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    if _value % 11 == 0:
        _value += 1
    _LETTER_VALUES[_letter] = _value
    _value += 1

_CONTAINER_RE = re.compile(r"^[A-Z]{3}[UJZ]\d{6}\d$")
_SEPARATORS = re.compile(r"[\s\-./]")
CONTAINER_CATEGORIES = "UJZ"


def normalize_code(value: str) -> str:
    """Upper case without spaces, dashes, dots or slashes (as printed on doors and documents)."""
    return _SEPARATORS.sub("", value or "").upper()


def iso6346_check_digit(first_ten: str) -> int:
    """The check digit for owner code + category + serial (10 characters)."""
    total = 0
    for position, char in enumerate(first_ten):
        value = _LETTER_VALUES[char] if char.isalpha() else int(char)
        total += value * (2**position)
    return total % 11 % 10


def validate_container_number(value: str) -> str:
    """Return the normalized number, or raise a ValidationError saying what is wrong."""
    number = normalize_code(value)
    if not _CONTAINER_RE.match(number):
        if len(number) == 11 and number[:3].isalpha() and number[3] not in CONTAINER_CATEGORIES:
            raise ValidationError(
                _(
                    "“%(value)s” is not a valid container number: the fourth letter is the "
                    "equipment category and must be U, J or Z, not %(letter)s."
                ),
                code="container_category",
                params={"value": value, "letter": number[3]},
            )
        raise ValidationError(
            _(
                "“%(value)s” is not a valid container number: ISO 6346 numbers are 3 letters "
                "of owner code, the category letter U, J or Z, 6 digits and a check digit "
                "(for example CSQU 305438 3)."
            ),
            code="container_format",
            params={"value": value},
        )
    expected = iso6346_check_digit(number[:10])
    if int(number[10]) != expected:
        raise ValidationError(
            _(
                "The container number “%(value)s” has a wrong check digit: %(given)s was "
                "given, the expected digit is %(expected)s. Check the number on the door."
            ),
            code="container_check_digit",
            params={"value": value, "given": number[10], "expected": expected},
        )
    return number


def format_container_number(number: str) -> str:
    return f"{number[:4]} {number[4:10]} {number[10:]}" if len(number) == 11 else number


@dataclass(frozen=True)
class PedimentoParts:
    number: str  # 15 digits
    year: str
    aduana: str
    patente: str
    consecutive: str

    @property
    def display(self) -> str:
        return f"{self.year} {self.aduana} {self.patente} {self.consecutive}"


def format_pedimento(number: str) -> str:
    if len(number) != 15:
        return number
    return f"{number[:2]} {number[2:4]} {number[4:8]} {number[8:]}"


def parse_pedimento(value: str, *, today=None) -> PedimentoParts:
    """Split and check the structure of a pedimento number (Anexo 22).

    15 digits: validation year (2) + customs office (2) + patente (4) + consecutive (7), and
    the consecutive starts with the last digit of the year. Whether the customs office is in
    the catalog and the patente belongs to the organization is checked by the caller, which
    has those lists.
    """
    raw = value or ""
    number = re.sub(r"[\s\-]", "", raw)
    if not number.isdigit():
        raise ValidationError(
            _(
                "“%(value)s” is not a pedimento number: it must contain only digits "
                "(15 digits: year, customs office, patente and consecutive)."
            ),
            code="pedimento_digits",
            params={"value": raw},
        )
    if len(number) != 15:
        raise ValidationError(
            _(
                "“%(value)s” has %(count)s digits; a pedimento number has 15: year (2), "
                "customs office (2), patente (4) and consecutive (7)."
            ),
            code="pedimento_length",
            params={"value": raw, "count": len(number)},
        )
    parts = PedimentoParts(
        number=number,
        year=number[:2],
        aduana=number[2:4],
        patente=number[4:8],
        consecutive=number[8:],
    )
    today = today or timezone.localdate()
    if int(parts.year) > today.year % 100:
        raise ValidationError(
            _(
                "The year in the pedimento “%(value)s” is %(year)s, which is in the future "
                "(the first two digits are the year of validation)."
            ),
            code="pedimento_year",
            params={"value": raw, "year": parts.year},
        )
    if parts.consecutive[0] != parts.year[1]:
        raise ValidationError(
            _(
                "The consecutive “%(consecutive)s” of the pedimento “%(value)s” must start "
                "with %(digit)s, the last digit of the year %(year)s."
            ),
            code="pedimento_consecutive",
            params={
                "value": raw,
                "consecutive": parts.consecutive,
                "digit": parts.year[1],
                "year": parts.year,
            },
        )
    return parts


def pedimento_aduana_error(parts: PedimentoParts, raw: str) -> ValidationError:
    return ValidationError(
        _(
            "The customs office “%(code)s” in the pedimento “%(value)s” is not in the official "
            "catalog of customs offices (digits 3 and 4)."
        ),
        code="pedimento_aduana",
        params={"value": raw, "code": parts.aduana},
    )


def pedimento_patente_error(parts: PedimentoParts, raw: str, own: list[str]) -> ValidationError:
    return ValidationError(
        _(
            "The patente “%(patente)s” in the pedimento “%(value)s” (digits 5 to 8) is not one "
            "of your organization's patentes: %(own)s."
        ),
        code="pedimento_patente",
        params={"value": raw, "patente": parts.patente, "own": ", ".join(own) or "—"},
    )


_RFC_SHAPE = re.compile(r"^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}$")


def validate_rfc_shape(value: str) -> str:
    """A partner's RFC: only the shape is enforced (about 1.5% of real RFCs fail the
    check digit, so the check digit is not a reason to refuse a shipment)."""
    rfc = normalize_code(value)
    if rfc and not _RFC_SHAPE.match(rfc):
        raise ValidationError(
            _(
                "“%(value)s” is not an RFC: 3 letters (company) or 4 letters (person), a date "
                "YYMMDD and a 3-character homoclave."
            ),
            code="rfc_format",
            params={"value": value},
        )
    return rfc
