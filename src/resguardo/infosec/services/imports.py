"""An account list exported from another system (CSV or XLSX), imported all or nothing.

The file is the system's current list: accounts in it are created or updated, accounts of the
system missing from it are marked "no longer in the system". A clean import may open an
access review of the list at once. A dry run writes nothing and reports every bad row.
"""

import hashlib

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from resguardo.core.models import Membership
from resguardo.core.tabular import HeaderMap, ImportReport, read_table, row_values
from resguardo.core.writes import create_audited, update_audited

from ..choices import AccountStatus, ReviewStatus
from ..models import AccessReview, SystemAccount
from .common import acting, changed, require_own
from .reviews import review_start
from .systems import _require_external

HEADERS = HeaderMap(
    {
        "account_name": ("account", "user", "username", "login", "cuenta", "usuario"),
        "person_name": ("person", "name", "full name", "nombre", "persona", "nombre completo"),
        "employee_number": (
            "employee number",
            "employee no",
            "numero de empleado",
            "no empleado",
            "num empleado",
        ),
        "email": ("e-mail", "mail", "correo", "correo electronico"),
        "privileges": ("privileges", "profile", "role", "perfil", "privilegios", "rol"),
        "mfa_enabled": ("mfa", "2fa", "two-factor", "doble factor", "segundo factor"),
        "status": ("status", "estado", "estatus"),
    }
)
YES = {"1", "yes", "y", "true", "si", "sí", "x"}
NO = {"", "0", "no", "n", "false"}
STATUS_WORDS = {
    "active": AccountStatus.ACTIVE,
    "activo": AccountStatus.ACTIVE,
    "activa": AccountStatus.ACTIVE,
    "enabled": AccountStatus.ACTIVE,
    "habilitada": AccountStatus.ACTIVE,
    "disabled": AccountStatus.DISABLED,
    "inactive": AccountStatus.DISABLED,
    "inactivo": AccountStatus.DISABLED,
    "inactiva": AccountStatus.DISABLED,
    "deshabilitada": AccountStatus.DISABLED,
    "bloqueada": AccountStatus.DISABLED,
}
LIMITS = {"account_name": 160, "person_name": 160, "employee_number": 40, "privileges": 160}


def _text(value) -> str:
    return str(value if value is not None else "").strip()


class _Rows:
    """Checks each row, collecting every problem; keeps the clean values."""

    def __init__(self, organization, report):
        self.report = report
        self.seen: dict[str, int] = {}
        self.clean: list[dict] = []
        members = Membership.objects.filter(organization=organization).values("user_id")
        self.users = {
            u.email.casefold(): u for u in get_user_model().objects.filter(pk__in=members)
        }

    def check(self, number: int, values: dict) -> None:
        before = len(self.report.errors)
        data = {k: _text(values.get(k)) for k in ("account_name", "person_name",
                                                   "employee_number", "privileges")}  # fmt: skip
        if not data["account_name"]:
            self.report.error(number, "account_name", _("the account name is missing"))
        key = data["account_name"].casefold()
        if key and key in self.seen:
            self.report.error(
                number,
                "account_name",
                _("“%(name)s” is already on row %(row)s")
                % {"name": data["account_name"], "row": self.seen[key]},
            )
        self.seen.setdefault(key, number)
        for column, limit in LIMITS.items():
            if len(data[column]) > limit:
                self.report.error(number, column, _("longer than %(n)s characters") % {"n": limit})
        mfa = _text(values.get("mfa_enabled")).casefold()
        if mfa not in YES | NO:
            self.report.error(number, "mfa_enabled", _("write yes or no, not “%(v)s”") % {"v": mfa})
        data["mfa_enabled"] = mfa in YES
        status = _text(values.get("status")).casefold() or "active"
        data["status"] = STATUS_WORDS.get(status, "")
        if not data["status"]:
            self.report.error(
                number, "status", _("unknown status “%(v)s” (active or disabled)") % {"v": status}
            )
        email = _text(values.get("email")).casefold()
        data["user"] = self.users.get(email) if email else None
        if email and data["user"] is None:
            self.report.error(
                number, "email", _("%(email)s is not a member of this organization") % {
                    "email": email}
            )  # fmt: skip
        if len(self.report.errors) == before:
            self.clean.append(data)


def _read(file_name: str, content: bytes):
    table = read_table(content, file_name)
    mapping, unknown = HEADERS.map(table.header)
    if "account_name" not in mapping.values():
        raise ValidationError(
            {
                "file": _(
                    "The first row must name the columns; an account column is required "
                    "(account, usuario, cuenta). Found: %(found)s"
                )
                % {"found": ", ".join(_text(c) for c in table.header if _text(c)) or "—"}
            }
        )
    return table, mapping, unknown


@transaction.atomic
def accounts_import(
    *, actor, system, file_name: str, content: bytes, dry_run: bool = True, start_review=True
) -> ImportReport:
    organization = acting(actor)
    require_own(actor, system, field="system", message=_("Unknown system."))
    _require_external(system)
    table, mapping, unknown = _read(file_name, content)
    report = ImportReport(
        file_name=file_name,
        dry_run=dry_run,
        file_format=table.file_format,
        sha256=hashlib.sha256(content).hexdigest(),
        unknown_columns=unknown,
    )
    rows = _Rows(organization, report)
    for number, cells in table.rows:
        report.rows += 1
        rows.check(number, row_values(cells, mapping))
    if report.rows == 0:
        report.error(2, "account_name", _("the file has no accounts below the header"))
    existing = {a.account_name.casefold(): a for a in system.accounts.all()}
    listed = {d["account_name"].casefold() for d in rows.clean}
    gone = [a for k, a in existing.items() if k not in listed and a.status != AccountStatus.REMOVED]
    report.details = {
        "new": sum(1 for k in listed if k not in existing),
        "updated": sum(1 for k in listed if k in existing),
        "gone": len(gone),
    }
    if dry_run or not report.ok:
        return report
    for data in rows.clean:
        _write_account(actor, system, existing.get(data["account_name"].casefold()), data)
        report.written += 1
    for account in gone:
        update_audited(
            actor=actor.user,
            organization=organization,
            instance=account,
            changes={"status": AccountStatus.REMOVED},
        )
    report.applied = True
    open_review = AccessReview.objects.filter(system=system, status=ReviewStatus.OPEN).exists()
    if start_review and not open_review:
        report.details["review_id"] = review_start(actor=actor, system=system).pk
    return report


def _write_account(actor, system, account, data) -> None:
    organization = actor.organization
    if account is None:
        create_audited(
            actor=actor.user,
            organization=organization,
            instance=SystemAccount(organization=organization, system=system, **data),
        )
        return
    if account.status == AccountStatus.REVOKED and data["status"] == AccountStatus.ACTIVE:
        data = {**data, "status": AccountStatus.REVOKED}  # still to be removed there: keep it
    update_audited(
        actor=actor.user,
        organization=organization,
        instance=account,
        changes=changed(account, data),
    )
