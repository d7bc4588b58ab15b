"""Importing shipments from a CSV or XLSX file: every row checked in memory first, then all
rows written with bulk inserts, or none. A dry run checks without writing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.counterparties import counterparty_block_reasons
from resguardo.core.files import IMPORT
from resguardo.core.permissions import Perm, require_perm
from resguardo.core.selectors import recordable_sites
from resguardo.core.tabular import ImportReport, RowProblem, read_table, row_values
from resguardo.core.writes import create_audited

from .. import importing
from ..models import Shipment, ShipmentContainer, ShipmentImport
from ..rules import clean_shipment, duplicate_pedimento_error
from .shipments import load_catalogs

MB = 1024 * 1024
IMPORT_MAX_BYTES = IMPORT.max_bytes()
IMPORT_MAX_ROWS = 100_000
BATCH_SIZE = 2000


def report_as_dict(report: ImportReport) -> dict:
    """The API's answer (ShipmentImportReportSerializer)."""
    batch = report.details.get("batch")
    return {
        "file_name": report.file_name,
        "format": report.file_format,
        "sha256": report.sha256,
        "dry_run": report.dry_run,
        "rows": report.rows,
        "containers": report.details.get("containers", 0),
        "imported": report.written,
        "import_id": batch.pk if batch else None,
        "unknown_columns": report.unknown_columns,
        "errors": report.problems_as_dicts(),
    }


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        text = str(value)
        # A 15-digit pedimento of a year 00-09 loses its leading zero in a numeric cell.
        return text.zfill(15) if len(text) == 14 else text
    return str(value).strip() if value is not None else ""


class _RowChecker:
    """Turns one file row into Shipment + containers, or row errors."""

    def __init__(self, *, membership, default_site):
        self.organization = membership.organization
        self.catalogs = load_catalogs(membership.organization)
        self.sites = {s.name.casefold(): s for s in recordable_sites(membership=membership)}
        self.default_site = default_site
        self.seen: dict[str, int] = {}

    def _site(self, raw, errors, row):
        name = _cell_text(raw)
        if not name:
            if self.default_site is None:
                errors.append(RowProblem(row, "site", _("Say which site handles this shipment.")))
            return self.default_site
        site = self.sites.get(name.casefold())
        if site is None:
            errors.append(
                RowProblem(row, "site", _("“%(name)s” is not one of your sites.") % {"name": name})
            )
        return site

    def _values(self, cells: dict, errors, row) -> dict:
        data = {k: _cell_text(v) for k, v in cells.items() if k not in ("operation_date",)}
        data["operation_date"] = cells.get("operation_date")
        for name, convert in (
            ("operation", importing.operation_value),
            ("mode", importing.mode_value),
        ):
            if data.get(name):
                data[name] = convert(data[name]) or data[name]
        if cells.get("operation_date") not in (None, ""):
            date = importing.date_value(cells["operation_date"])
            if date is None:
                errors.append(
                    RowProblem(
                        row,
                        "operation_date",
                        _("“%(value)s” is not a date: use YYYY-MM-DD or DD/MM/YYYY.")
                        % {"value": cells["operation_date"]},
                    )
                )
            data["operation_date"] = date
        kind = importing.container_kind_value(data.pop("container_kind", ""))
        if kind is None:
            errors.append(RowProblem(row, "container_kind", _("Unknown container kind.")))
            kind = "dry"
        data["containers"] = [(n, kind) for n in importing.split_list(data.get("containers"))]
        data["document_seal_numbers"] = importing.split_list(data.get("document_seal_numbers"))
        return data

    def check(self, row: int, cells: dict):
        errors: list[RowProblem] = []
        site = self._site(cells.pop("site", ""), errors, row)
        data = self._values(cells, errors, row)
        try:
            clean = clean_shipment(data, self.catalogs)
        except ValidationError as error:
            flagged = {e.column for e in errors}
            for column, messages in error.message_dict.items():
                if column not in flagged:
                    errors.extend(RowProblem(row, column, m) for m in messages)
            return None, errors
        number = clean.values["pedimento"]
        if number in self.seen:
            errors.append(
                RowProblem(
                    row,
                    "pedimento",
                    _("The pedimento %(number)s is repeated: it is already on row %(row)s.")
                    % {"number": clean.values["pedimento"], "row": self.seen[number]},
                )
            )
        self.seen.setdefault(number, row)
        if errors:
            return None, errors
        # Model instances are only built for the write: a dry run needs none.
        return (site, clean), errors


def _existing_pedimentos(organization, numbers: list[str]) -> set[str]:
    found = set()
    for start in range(0, len(numbers), 900):
        chunk = numbers[start : start + 900]
        found.update(
            # No ORDER BY: with the default date ordering the database would walk the whole
            # date index instead of looking the numbers up in the pedimento index.
            Shipment.objects.filter(organization=organization, pedimento__in=chunk)
            .order_by()
            .values_list("pedimento", flat=True)
        )
    return found


def _check_file(*, membership, table, default_site, report) -> list:
    mapping, report.unknown_columns = importing.HEADERS.map(table.header)
    missing = [c for c in importing.REQUIRED_COLUMNS if c not in mapping.values()]
    if missing:
        report.errors.append(
            RowProblem(
                1,
                ", ".join(missing),
                _("Missing columns: %(columns)s. The first row must name the columns.")
                % {"columns": ", ".join(missing)},
            )
        )
        return []
    checker = _RowChecker(membership=membership, default_site=default_site)
    good = []
    for row, cells in table.rows:
        report.rows += 1
        if report.rows > IMPORT_MAX_ROWS:
            report.errors.append(
                RowProblem(row, "", _("At most %(n)s rows per file.") % {"n": IMPORT_MAX_ROWS})
            )
            break
        values = row_values(cells, mapping)
        parsed, errors = checker.check(row, values)
        report.errors.extend(errors)
        if parsed is not None:
            good.append((row, *parsed))
    numbers = [clean.values["pedimento"] for _r, _site, clean in good]
    taken = _existing_pedimentos(membership.organization, numbers)
    for row, _site, clean in good:
        number = clean.values["pedimento"]
        if number in taken:
            message = duplicate_pedimento_error(number).message_dict["pedimento"][0]
            report.errors.append(RowProblem(row, "pedimento", message))
    blocked = counterparty_block_reasons(
        organization=membership.organization,
        rfcs=[clean.values.get("client_rfc", "") for _r, _site, clean in good],
    )
    for row, _site, clean in good:
        reason = blocked.get(clean.values.get("client_rfc", ""))
        if reason:
            report.errors.append(RowProblem(row, "client_rfc", reason))
    report.errors.sort(key=lambda e: e.row)
    return good


def _write(*, actor: Actor, report, good, default_site) -> ShipmentImport:
    organization = actor.organization
    batch = create_audited(
        actor=actor,
        organization=organization,
        verb="shipments.imported",
        instance=ShipmentImport(
            organization=organization,
            site=default_site,
            file_name=report.file_name[:255],
            file_format=report.file_format,
            sha256=report.sha256,
            row_count=report.rows,
            imported_by=actor.user,
        ),
    )
    shipments = [
        Shipment(organization=organization, site=site, import_batch=batch, created_by=actor.user,
                 **clean.values)
        for _row, site, clean in good
    ]  # fmt: skip
    Shipment.objects.bulk_create(shipments, batch_size=BATCH_SIZE)
    containers = [
        ShipmentContainer(organization=organization, shipment=shipment, number=n, kind=k)
        for shipment, (_row, _site, clean) in zip(shipments, good, strict=True)
        for n, k in clean.containers
    ]
    ShipmentContainer.objects.bulk_create(containers, batch_size=BATCH_SIZE)
    report.details["containers"] = len(containers)
    return batch


def shipment_import(
    *, actor: Actor, data: bytes, file_name: str, default_site=None, dry_run=True
) -> ImportReport:
    """Check every row; unless it is a dry run and only if no row is wrong, create them all."""
    import hashlib

    require_perm(actor.membership, Perm.RECORD)
    if len(data) > IMPORT_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(n)s MB.") % {"n": IMPORT_MAX_BYTES // MB}
        )
    table = read_table(data, file_name)
    report = ImportReport(
        file_name=file_name,
        file_format=table.file_format,
        sha256=hashlib.sha256(data).hexdigest(),
        dry_run=dry_run,
    )
    if default_site is not None and default_site not in recordable_sites(
        membership=actor.membership
    ):
        raise ValidationError({"site": [_("You may not record shipments for this site.")]})
    good = _check_file(
        membership=actor.membership, table=table, default_site=default_site, report=report
    )
    report.details["containers"] = sum(len(clean.containers) for _r, _s, clean in good)
    if report.rows == 0 and not report.errors:
        report.errors.append(RowProblem(1, "", _("The file has no rows to import.")))
    if dry_run or report.errors:
        return report
    with transaction.atomic():
        report.details["batch"] = _write(
            actor=actor, report=report, good=good, default_site=default_site
        )
    report.written, report.applied = report.rows, True
    return report
