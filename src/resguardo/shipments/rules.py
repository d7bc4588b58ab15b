"""One place that decides whether shipment data is acceptable.

Used by the services (one shipment from a form or the API) and by the import (thousands of
rows checked in memory against catalogs loaded once), so both refuse the same things with
the same words.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from resguardo.core.identifiers import (
    format_pedimento,
    normalize_code,
    parse_pedimento,
    pedimento_aduana_error,
    pedimento_patente_error,
    validate_container_number,
    validate_rfc_shape,
)
from resguardo.core.search import name_key

from .choices import ContainerKind, Operation, TransportMode

TEXT_LIMITS = {
    "reference": 40,
    "client_name": 200,
    "carrier_name": 200,
    "driver_name": 200,
    "driver_license": 40,
    "tractor_plates": 20,
    "trailer_number": 20,
    "trailer_plates": 20,
}
CODE_FIELDS = ("tractor_plates", "trailer_number", "trailer_plates")
# TextChoices.values builds a new list on every access: look the values up in sets instead.
CONTAINER_KINDS = frozenset(ContainerKind.values)
CHOICE_FIELDS = (
    ("operation", frozenset(Operation.values), Operation),
    ("mode", frozenset(TransportMode.values), TransportMode),
)


@dataclass
class Catalogs:
    """What a shipment is checked against: the official aduanas and the org's patentes."""

    aduanas: dict  # code -> Aduana
    patentes: dict  # number -> Patente
    today: datetime.date | None = None


@dataclass
class CleanShipment:
    values: dict
    containers: list = field(default_factory=list)  # [(number, kind)]


def _messages(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


def clean_pedimento(raw: str, catalogs: Catalogs):
    """(number, aduana, patente) or a ValidationError naming the wrong part."""
    parts = parse_pedimento(raw, today=catalogs.today)
    aduana = catalogs.aduanas.get(parts.aduana)
    if aduana is None:
        raise pedimento_aduana_error(parts, raw)
    patente = catalogs.patentes.get(parts.patente)
    if patente is None:
        raise pedimento_patente_error(parts, raw, sorted(catalogs.patentes))
    return parts.number, aduana, patente


def clean_containers(items) -> list[tuple[str, str]]:
    """[(number, kind)] from [{"number", "kind"}] or [(number, kind)] or ["number"]."""
    cleaned, seen, errors = [], set(), []
    for item in items or ():
        if isinstance(item, str):
            raw, kind = item, ContainerKind.DRY
        elif isinstance(item, dict):
            raw, kind = item.get("number", ""), item.get("kind") or ContainerKind.DRY
        else:
            raw, kind = item
        try:
            number = validate_container_number(raw)
        except ValidationError as error:
            errors.extend(_messages(error))
            continue
        if kind not in CONTAINER_KINDS:
            errors.append(_("“%(kind)s” is not a container kind.") % {"kind": kind})
            continue
        if number in seen:
            errors.append(_("The container %(number)s is listed twice.") % {"number": number})
            continue
        seen.add(number)
        cleaned.append((number, kind))
    if errors:
        raise ValidationError(errors)
    return cleaned


def clean_seal_numbers(items) -> list[str]:
    numbers, errors = [], []
    for raw in items or ():
        number = normalize_code(str(raw))
        if not number:
            continue
        if len(number) > 30:
            errors.append(_("The seal number “%(n)s” is too long.") % {"n": raw})
        elif number in numbers:
            errors.append(
                _("The seal number %(n)s appears twice in the documents.") % {"n": number}
            )
        else:
            numbers.append(number)
    if errors:
        raise ValidationError(errors)
    return numbers


def _clean_texts(data: dict, errors: dict, values: dict) -> None:
    for name, limit in TEXT_LIMITS.items():
        if name not in data:
            continue
        value = str(data.get(name) or "").strip()
        if name in CODE_FIELDS:
            value = normalize_code(value)
        if len(value) > limit:
            errors[name] = [
                _("At most %(limit)s characters (this has %(count)s).")
                % {"limit": limit, "count": len(value)}
            ]
        values[name] = value


def _clean_choices(data: dict, errors: dict, values: dict) -> None:
    for name, allowed, choices in CHOICE_FIELDS:
        if name not in data:
            continue
        value = data.get(name)
        if value in allowed:
            values[name] = value
            continue
        label = _("operation") if name == "operation" else _("transport mode")
        errors[name] = [
            _("“%(value)s” is not a valid %(label)s; use one of: %(options)s.")
            % {"value": value or "", "label": label, "options": ", ".join(choices.values)}
        ]


def clean_shipment(data: dict, catalogs: Catalogs, *, partial: bool = False) -> CleanShipment:
    """Check and normalize shipment fields. Raises ValidationError({field: [messages]})."""
    errors: dict[str, list[str]] = {}
    values: dict = {}
    required = ("pedimento", "operation", "mode", "client_name", "operation_date")
    if not partial:
        for name in required:
            if data.get(name) in (None, ""):
                errors[name] = [_("Fill in this field.")]
    if data.get("pedimento") not in (None, ""):
        try:
            number, aduana, patente = clean_pedimento(str(data["pedimento"]), catalogs)
            values.update(pedimento=number, aduana=aduana, patente=patente)
        except ValidationError as error:
            errors["pedimento"] = _messages(error)
    _clean_choices(data, errors, values)
    _clean_texts(data, errors, values)
    if "client_name" in values:
        if not values["client_name"] and "client_name" not in errors:
            errors["client_name"] = [_("Fill in this field.")]
        values["client_key"] = name_key(values["client_name"])
    if data.get("client_rfc"):
        try:
            values["client_rfc"] = validate_rfc_shape(data["client_rfc"])
        except ValidationError as error:
            errors["client_rfc"] = _messages(error)
    elif "client_rfc" in data:
        values["client_rfc"] = ""
    if data.get("operation_date") not in (None, ""):
        values["operation_date"] = data["operation_date"]
    if "notes" in data:
        values["notes"] = str(data.get("notes") or "").strip()
    if "document_seal_numbers" in data:
        try:
            values["document_seal_numbers"] = clean_seal_numbers(data["document_seal_numbers"])
        except ValidationError as error:
            errors["document_seal_numbers"] = _messages(error)
    containers = []
    if "containers" in data:
        try:
            containers = clean_containers(data["containers"])
        except ValidationError as error:
            errors["containers"] = _messages(error)
    if errors:
        raise ValidationError(errors)
    return CleanShipment(values=values, containers=containers)


def duplicate_pedimento_error(number: str, existing=None) -> ValidationError:
    if existing is not None:
        message = _(
            "The pedimento %(number)s is already registered (client %(client)s, %(date)s)."
        ) % {
            "number": format_pedimento(number),
            "client": existing.client_name,
            "date": existing.operation_date,
        }
    else:
        message = _("The pedimento %(number)s is already registered.") % {
            "number": format_pedimento(number)
        }
    return ValidationError({"pedimento": [message]}, code="duplicate")
