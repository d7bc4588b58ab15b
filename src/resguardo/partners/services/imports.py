"""Bulk import of partners from CSV or XLSX: a dry run reports every bad row (row number,
column, problem); the real run creates all rows or none."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.permissions import Perm, require_perm
from resguardo.core.tabular import (
    HeaderMap,
    ImportReport,
    OverLimit,
    UnreadableFile,
    read_table,
)
from resguardo.core.validators import normalize_rfc, rfc_check_digit_ok
from resguardo.core.writes import clean_in_memory, create_audited_many

from ..choices import PartnerKind, PartnerStatus, ScreeningTrigger
from ..identifiers import is_shared_rfc
from ..models import Partner, PartnerAddress, PartnerContact
from ..watchlists.normalize import strip_accents
from .partners import prepare_partner, registered_identifier_clashes
from .standing import new_partners_standing, partners_refresh_standing

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
COLUMNS = {
    "kind": ("kind", "type", "tipo", "tipo de socio"),
    "legal_name": ("legal_name", "legal name", "razon social", "nombre", "name"),
    "trade_name": ("trade_name", "trade name", "nombre comercial"),
    "rfc": ("rfc",),
    "tax_id": ("tax_id", "tax id", "foreign tax id", "id fiscal", "id fiscal extranjero"),
    "country": ("country", "pais"),
    "status": ("status", "estatus", "estado"),
    "since": ("since", "partner since", "desde", "socio desde", "fecha de alta"),
    "website": ("website", "sitio web", "web"),
    "notes": ("notes", "notas"),
    "contact_name": ("contact_name", "contact", "contacto"),
    "contact_email": ("contact_email", "email", "e-mail", "correo"),
    "contact_phone": ("contact_phone", "phone", "telefono"),
    "street": ("street", "address", "calle", "domicilio"),
    "city": ("city", "ciudad", "municipio"),
    "state": ("state", "estado de la republica", "entidad"),
    "postal_code": ("postal_code", "zip", "codigo postal", "cp"),
}
REQUIRED = ("kind", "legal_name")
# Import column → field of the contact or address created with the partner.
CONTACT_COLUMNS = {"contact_name": "name", "contact_email": "email", "contact_phone": "phone"}
ADDRESS_COLUMNS = {
    "street": "street",
    "city": "city",
    "state": "state",
    "postal_code": "postal_code",
}
KIND_WORDS = {
    "cliente": PartnerKind.CLIENT,
    "importador": PartnerKind.CLIENT,
    "exportador": PartnerKind.CLIENT,
    "transportista": PartnerKind.CARRIER,
    "almacen": PartnerKind.WAREHOUSE,
    "recinto": PartnerKind.WAREHOUSE,
    "agente de carga": PartnerKind.FORWARDER,
    "agente aduanal": PartnerKind.CUSTOMS_AGENT,
    "agencia corresponsal": PartnerKind.CORRESPONDENT,
    "corresponsal": PartnerKind.CORRESPONDENT,
    "proveedor": PartnerKind.SERVICE_PROVIDER,
    "otro": PartnerKind.OTHER,
}
STATUS_WORDS = {
    "activo": PartnerStatus.ACTIVE,
    "prospecto": PartnerStatus.PROSPECT,
    "suspendido": PartnerStatus.SUSPENDED,
    "inactivo": PartnerStatus.INACTIVE,
}
PARTNER_COLUMNS = (
    "kind",
    "legal_name",
    "trade_name",
    "rfc",
    "tax_id",
    "country",
    "status",
    "since",
    "website",
    "notes",
)


HEADERS = HeaderMap(COLUMNS)
KIND_VALUES = frozenset(PartnerKind.values)


def report_as_dict(report: ImportReport) -> dict:
    """The API's answer (ImportReportSerializer): problems are called "problem" there."""
    return {
        "dry_run": report.dry_run,
        "ok": report.ok,
        "total_rows": report.rows,
        "created": report.written,
        "errors": report.problems_as_dicts("errors", "problem"),
        "warnings": report.problems_as_dicts("warnings", "problem"),
    }


def _key(text) -> str:
    return " ".join(strip_accents(str(text or "")).lower().replace("_", " ").split())


def _read_table(file_name: str, content: bytes):
    if len(content) > MAX_BYTES:
        raise ValidationError({"file": _("The file is larger than 5 MB.")})
    try:
        return read_table(content, file_name)
    except UnreadableFile as error:
        if error.code != "empty" and file_format_is_xlsx(file_name, content):
            raise ValidationError({"file": _("The Excel file cannot be opened.")}) from None
        raise ValidationError({"file": error.messages}) from None
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None


def file_format_is_xlsx(file_name: str, content: bytes) -> bool:
    return file_name.lower().endswith(".xlsx") or content[:4] == b"PK\x03\x04"


def _map_header(header: list) -> dict[str, int]:
    by_index, _unknown = HEADERS.map(header)
    mapping = {name: index for index, name in by_index.items()}
    missing = [n for n in REQUIRED if n not in mapping]
    if missing or ("rfc" not in mapping and "tax_id" not in mapping):
        raise ValidationError(
            {
                "file": _(
                    "The first row must name the columns. Required: kind, legal_name, and rfc or "
                    "tax_id. Found: %(found)s"
                )
                % {"found": ", ".join(str(c) for c in header if str(c).strip()) or "—"}
            }
        )
    return mapping


def _kind_words() -> dict[str, str]:
    """Every way a file may name a partner type (labels in the active language), built
    once per import rather than once per row."""
    words: dict[str, str] = {}
    for kind in PartnerKind:
        words.setdefault(_key(kind.label), kind.value)
        words.setdefault(_key(kind.value), kind.value)
    return {**{k: v for k, v in KIND_WORDS.items() if k not in words}, **words}


def _parse_kind(value: str, words: dict[str, str]) -> str:
    key = _key(value)
    if key.replace(" ", "_") in KIND_VALUES:
        return key.replace(" ", "_")
    return words.get(key, "")


def _parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _cell(row, index):
    if index >= len(row):
        return ""
    value = row[index]
    return value if isinstance(value, datetime.date) else str(value).strip()


def _row_values(row, mapping) -> dict:
    return {name: _cell(row, index) for name, index in mapping.items()}


class _RowChecker:
    """Checks every row in memory, then the identifiers of the whole file against the
    registered partners with one query per batch. Each row is validated once: the partner,
    contact and address it checked are the ones the import writes."""

    def __init__(self, organization, report):
        self.organization, self.report = organization, report
        self.kind_words = _kind_words()
        self.seen_rfc: dict[str, int] = {}
        self.seen_tax: dict[tuple, int] = {}
        self.bad_rows: set[int] = set()
        # Rows whose partner passed the checks that need no query: the registered-partner
        # check, then the field checks it would have hidden, come in `finish`.
        self.pending: list[tuple[int, Partner, list, PartnerContact, PartnerAddress]] = []

    def error(self, row, column, problem):
        self.bad_rows.add(row)
        self.report.error(row, column, problem)

    def check(self, number: int, values: dict) -> None:
        data = {
            k: values[k] for k in PARTNER_COLUMNS if k in values and values[k] not in ("", None)
        }
        kind = _parse_kind(values.get("kind", ""), self.kind_words)
        if not kind:
            self.error(
                number, "kind", _("unknown partner type “%(v)s”") % {"v": values.get("kind", "")}
            )
        data["kind"] = kind or PartnerKind.OTHER
        if "status" in data:
            status = _key(data["status"]).replace(" ", "_")
            status = STATUS_WORDS.get(status, status)
            if status not in PartnerStatus.values:
                self.error(number, "status", _("unknown status “%(v)s”") % {"v": data["status"]})
            data["status"] = status
        if "since" in data:
            try:
                data["since"] = _parse_date(data["since"])
            except ValueError:
                self.error(number, "since", _("not a date (use YYYY-MM-DD or DD/MM/YYYY)"))
                del data["since"]
        email = values.get("contact_email", "")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                self.error(number, "contact_email", _("not a valid e-mail address"))
        contact = self._check_contact(number, values)
        address = self._check_address(number, values)
        self._check_duplicates(number, data)
        try:
            partner = prepare_partner(organization=self.organization, data=dict(data))
        except ValidationError as error:
            self._errors(number, error)
            return
        try:
            clean_in_memory(partner)
        except ValidationError as error:
            field_errors = [error]
        else:
            field_errors = []
        self.pending.append((number, partner, field_errors, contact, address))

    def finish(self) -> list[tuple[Partner, PartnerContact | None, PartnerAddress | None]]:
        """Check the pending rows against the registered partners; the good rows."""
        clashes = registered_identifier_clashes(
            organization=self.organization, partners=[row[1] for row in self.pending]
        )
        for index, (number, _partner, field_errors, _contact, _address) in enumerate(self.pending):
            # As for one partner: a registered RFC or tax id is told before field problems.
            for error in [clashes[index]] if index in clashes else field_errors:
                self._errors(number, error)
        # Rows were checked in file order, their registered-partner problems told last.
        self.report.errors.sort(key=lambda problem: problem.row)
        good = []
        for number, partner, _errors, contact, address in self.pending:
            if number in self.bad_rows:
                continue
            if partner.rfc and not rfc_check_digit_ok(partner.rfc):
                self.report.warn(number, "rfc", _("the RFC check digit does not match; check it"))
            good.append((partner, contact, address))
        return good

    def _errors(self, number, error: ValidationError):
        for column, messages in getattr(error, "message_dict", {"": error.messages}).items():
            for message in messages:
                self.error(number, column or "—", message)

    def _check_contact(self, number, values) -> PartnerContact | None:
        """The dry run checks the contact as the real run will save it (lengths included)."""
        contact = _child_values(values, CONTACT_COLUMNS)
        if not (contact["name"] or contact["email"]):
            return None
        contact["name"] = contact["name"] or contact["email"]
        instance = PartnerContact(**contact)
        # The e-mail address was checked above, with its own message.
        self._check_fields(number, instance, CONTACT_COLUMNS, skip=["email"])
        return instance

    def _check_address(self, number, values) -> PartnerAddress | None:
        address = _child_values(values, ADDRESS_COLUMNS)
        if not (address["street"] or address["city"]):
            return None
        if not address["street"] or not address["city"]:
            missing = "city" if address["street"] else "street"
            self.error(number, missing, _("an address needs both street and city"))
            return None
        instance = PartnerAddress(**address)
        self._check_fields(number, instance, ADDRESS_COLUMNS)
        return instance

    def _check_fields(self, number, instance, columns, skip=()):
        column_of = {field_name: column for column, field_name in columns.items()}
        exclude = [f.name for f in instance._meta.fields if f.name not in column_of]
        try:
            instance.clean_fields(exclude=[*exclude, *skip])
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                for message in messages:
                    self.error(number, column_of.get(field_name, field_name), message)

    def _check_duplicates(self, number, data):
        rfc = normalize_rfc(data.get("rfc", ""))
        if rfc and not is_shared_rfc(rfc):
            if rfc in self.seen_rfc:
                self.error(
                    number, "rfc", _("same RFC as row %(row)s") % {"row": self.seen_rfc[rfc]}
                )
            self.seen_rfc.setdefault(rfc, number)
        tax = (str(data.get("tax_id", "")).upper(), str(data.get("country", "MX")).upper())
        if tax[0]:
            if tax in self.seen_tax:
                self.error(
                    number, "tax_id", _("same tax id as row %(row)s") % {"row": self.seen_tax[tax]}
                )
            self.seen_tax.setdefault(tax, number)


def _child_values(values: dict, columns: dict) -> dict:
    return {field_name: str(values.get(column) or "") for column, field_name in columns.items()}


def partners_import(
    *, actor: Actor, file_name: str, content: bytes, dry_run: bool = True
) -> ImportReport:
    """Check every row; unless it is a dry run and only when no row has a problem, create
    every partner (with its contact and address) in one transaction."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    table = _read_table(file_name, content)
    mapping = _map_header(table.header)
    report = ImportReport(file_name=file_name, dry_run=dry_run, file_format=table.file_format)
    checker = _RowChecker(actor.organization, report)
    try:
        for number, row in table.rows:
            report.rows += 1
            if report.rows > MAX_ROWS:
                raise ValidationError(
                    {"file": _("At most %(n)s rows per import.") % {"n": MAX_ROWS}}
                )
            checker.check(number, _row_values(row, mapping))
    except (UnreadableFile, OverLimit) as error:  # found while reading on
        raise ValidationError({"file": error.messages}) from None
    if report.rows == 0:
        raise ValidationError({"file": _("The file has a header but no rows.")})
    valid = checker.finish()
    if dry_run or not report.ok:
        return report
    _create_all(actor=actor, rows=valid)
    report.written, report.applied = len(valid), True
    return report


@transaction.atomic
def _create_all(*, actor: Actor, rows) -> None:
    """Write the checked rows with bulk inserts: each partner with its standing already
    computed (as `partner_refresh_standing` would right after its creation), its contact and
    address, their audit entries appended as one change; then one screening of them all."""
    from .screening import screen_partners

    organization = actor.organization
    partners = [partner for partner, _contact, _address in rows]
    created_at = timezone.now()
    new_partners_standing(partners, organization=organization, created_at=created_at)
    instances = []
    for partner, contact, address in rows:
        instances.append(partner)
        if contact is not None:
            contact.organization, contact.partner = organization, partner
            instances.append(contact)
        if address is not None:
            address.organization, address.partner = organization, partner
            address.country = partner.country
            instances.append(address)
    create_audited_many(actor=actor, organization=organization, instances=instances)
    # The standing counts from the day the partner was created: should the write have
    # crossed midnight, rate those partners again.
    late = [p.pk for p in partners if p.created_at.date() != created_at.date()]
    partners_refresh_standing(actor=actor, partner_ids=late)
    screen_partners(partners=partners, trigger=ScreeningTrigger.IMPORT, actor=actor)
