"""The HR import (8.3): people from a CSV or XLSX file, staged (dry run, then confirm) and all
or nothing. Every bad row is reported with its column; duplicates of an employee number in the
file or in the register, and departures before the hire date, are refused."""

import datetime
import hashlib

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from resguardo.core.search import name_key
from resguardo.core.selectors import site_list
from resguardo.core.tabular import (
    HeaderMap,
    ImportReport,
    OverLimit,
    UnreadableFile,
    read_table,
    simplify,
)
from resguardo.core.writes import create_audited

from ..choices import PersonKind, PersonStatus
from ..models import Person, PersonnelImport, Post
from .common import require_personnel

HEADERS = HeaderMap(
    {
        "employee_number": (
            "employee number",
            "numero de empleado",
            "no empleado",
            "num empleado",
            "numero",
        ),
        "full_name": ("name", "full name", "nombre", "nombre completo"),
        "kind": ("type", "tipo", "tipo de personal"),
        "post": ("position", "job", "puesto"),
        "site": ("location", "sitio", "sede", "ubicacion"),
        "hire_date": ("hired", "fecha de ingreso", "ingreso", "fecha de alta"),
        "departure_date": ("left", "fecha de baja", "baja"),
        "provider": ("company", "proveedor", "empresa"),
        "email": ("e-mail", "correo"),
        "phone": ("telefono",),
        "emergency_contact_name": ("emergency contact", "contacto de emergencia"),
        "emergency_contact_phone": ("emergency phone", "telefono de emergencia"),
    }
)
REQUIRED = ("employee_number", "full_name", "post", "hire_date")
KIND_WORDS = {
    "empleado": PersonKind.EMPLOYEE,
    "dependiente": PersonKind.EMPLOYEE,
    "mandatario": PersonKind.MANDATARIO,
    "contratista": PersonKind.CONTRACTOR,
    "externo": PersonKind.CONTRACTOR,
}


def _date(value):
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


def _text(value) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else str(value or "").strip()


class _Rows:
    """Checks each row against the register and the rows before it."""

    def __init__(self, actor, report):
        organization = actor.organization
        self.report = report
        self.organization = organization
        self.posts = {simplify(p.name): p for p in Post.objects.filter(organization=organization)}
        self.sites = {simplify(s.name): s for s in site_list(membership=actor.membership)}
        self.taken = set(
            Person.objects.filter(organization=organization).values_list(
                "employee_number", flat=True
            )
        )
        self.seen: dict[str, int] = {}

    def kind(self, number, text):
        key = simplify(text)
        if not key:
            return PersonKind.EMPLOYEE
        for kind in PersonKind:
            if key in (kind.value, simplify(kind.label)):
                return kind.value
        if key in KIND_WORDS:
            return KIND_WORDS[key]
        self.report.error(
            number,
            "kind",
            _("unknown kind “%(v)s” (employee, mandatario or contractor)") % {"v": text},
        )
        return None

    def check(self, number, values) -> Person | None:
        report, before = self.report, len(self.report.errors)
        data = {name: _text(values.get(name, "")) for name in HEADERS.lookup.values()}
        for name in REQUIRED:
            if not data[name]:
                report.error(number, name, _("this column is required"))
        employee_number = data["employee_number"].upper()
        if employee_number:
            if employee_number in self.seen:
                report.error(
                    number,
                    "employee_number",
                    _("employee number %(n)s is repeated: also on row %(row)s")
                    % {"n": employee_number, "row": self.seen[employee_number]},
                )
            elif employee_number in self.taken:
                report.error(
                    number,
                    "employee_number",
                    _("employee number %(n)s is already in the register") % {"n": employee_number},
                )
            self.seen.setdefault(employee_number, number)
        kind = self.kind(number, data["kind"])
        post = self.posts.get(simplify(data["post"])) if data["post"] else None
        if data["post"] and post is None:
            report.error(
                number,
                "post",
                _("no post named “%(v)s”: add it under Posts first") % {"v": data["post"]},
            )
        site = None
        if data["site"]:
            site = self.sites.get(simplify(data["site"]))
            if site is None:
                report.error(number, "site", _("no site named “%(v)s”") % {"v": data["site"]})
        dates = {}
        for name in ("hire_date", "departure_date"):
            raw = values.get(name, "")
            if _text(raw):
                try:
                    dates[name] = _date(raw)
                except ValueError:
                    report.error(number, name, _("not a date (use YYYY-MM-DD or DD/MM/YYYY)"))
        hired, left = dates.get("hire_date"), dates.get("departure_date")
        if hired and left and left < hired:
            report.error(
                number,
                "departure_date",
                _("the departure (%(left)s) is before the hire date (%(hired)s)")
                % {"left": left, "hired": hired},
            )
        if kind == PersonKind.CONTRACTOR and not data["provider"]:
            report.error(number, "provider", _("a contractor needs the provider's name"))
        if data["email"]:
            try:
                validate_email(data["email"])
            except ValidationError:
                report.error(number, "email", _("not a valid e-mail address"))
        for name, limit in (
            ("full_name", 200),
            ("provider", 200),
            ("phone", 40),
            ("emergency_contact_name", 200),
            ("emergency_contact_phone", 40),
            ("employee_number", 30),
        ):
            if len(data[name]) > limit:
                report.error(number, name, _("longer than %(n)s characters") % {"n": limit})
        if len(report.errors) > before:
            return None
        full_name = " ".join(data["full_name"].split())
        return Person(
            organization=self.organization,
            kind=kind,
            employee_number=employee_number,
            full_name=full_name,
            name_key=name_key(full_name),
            post=post,
            site=site,
            provider=data["provider"],
            hire_date=hired,
            status=PersonStatus.DEPARTED if left else PersonStatus.ACTIVE,
            departed_on=left,
            email=data["email"],
            phone=data["phone"],
            emergency_contact_name=data["emergency_contact_name"],
            emergency_contact_phone=data["emergency_contact_phone"],
        )


def _table(file_name, content):
    try:
        return read_table(content, file_name)
    except (UnreadableFile, OverLimit) as error:
        raise ValidationError({"file": error.messages}) from None


def people_import(*, actor, file_name: str, content: bytes, dry_run: bool = True) -> ImportReport:
    """Check every row; only when none has a problem, and not in a dry run, create them all
    in one transaction."""
    require_personnel(actor)
    table = _table(file_name, content)
    mapping, unknown = HEADERS.map(table.header)
    missing = [name for name in REQUIRED if name not in mapping.values()]
    if missing:
        raise ValidationError(
            {
                "file": _("The first row must name the columns. Missing: %(missing)s.")
                % {"missing": ", ".join(missing)}
            }
        )
    report = ImportReport(
        file_name=file_name,
        dry_run=dry_run,
        file_format=table.file_format,
        sha256=hashlib.sha256(content).hexdigest(),
        unknown_columns=unknown,
    )
    rows = _Rows(actor, report)
    people = []
    try:
        for number, cells in table.rows:
            report.rows += 1
            values = {name: cells[i] if i < len(cells) else "" for i, name in mapping.items()}
            person = rows.check(number, values)
            if person is not None:
                people.append(person)
    except (UnreadableFile, OverLimit) as error:
        raise ValidationError({"file": error.messages}) from None
    if report.rows == 0:
        raise ValidationError({"file": _("The file has a header but no rows.")})
    if dry_run or not report.ok:
        return report
    _write(actor, report, people)
    report.written, report.applied = len(people), True
    return report


@transaction.atomic
def _write(actor, report, people) -> None:
    """One audited import record naming the file, and its people in one bulk insert."""
    organization = actor.organization
    batch = create_audited(
        actor=actor.user,
        organization=organization,
        instance=PersonnelImport(
            organization=organization,
            file_name=report.file_name[:255],
            sha256=report.sha256,
            rows=len(people),
            imported_by=actor.user,
        ),
        verb="people.imported",
        data={"rows": len(people), "file": report.file_name},
    )
    for person in people:
        person.imported_by = batch
    Person.objects.bulk_create(people, batch_size=500)
