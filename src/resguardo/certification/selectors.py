"""Every read of the certification app, restricted to the acting membership's organization
(and, for site-scoped roles, to organization-wide rows and their own sites)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from resguardo.core.permissions import allowed_site_ids
from resguardo.core.selectors import patente_list

from . import conf
from .choices import (
    ACTIVE_STATUSES,
    AvisoStatus,
    PrerequisiteKind,
    PrerequisiteState,
    RequirementStatus,
)
from .models import (
    AnnualFee,
    AuthorityRequirement,
    Aviso,
    Certification,
    CertificationDocument,
    ListingCheck,
    Prerequisite,
    Renewal,
    Representative,
)

EXPIRING_DAYS = 30


def site_q(membership, field_name: str = "site") -> Q:
    ids = allowed_site_ids(membership)
    if ids is None:
        return Q()
    return Q(**{f"{field_name}__isnull": True}) | Q(**{f"{field_name}__in": ids})


# --- certification -------------------------------------------------------------------------


def certification_list(*, membership):
    return (
        Certification.objects.filter(organization=membership.organization)
        .filter(site_q(membership))
        .select_related("site")
        .order_by("site__name")
    )


def certification_get(*, membership, pk) -> Certification:
    return get_object_or_404(certification_list(membership=membership), pk=pk)


def main_certification(*, membership) -> Certification | None:
    """The organization-wide record, else the first facility's."""
    records = list(certification_list(membership=membership))
    return next((c for c in records if c.site_id is None), records[0] if records else None)


def days_left(certification, today=None) -> int | None:
    if certification is None or certification.expires_on is None:
        return None
    return (certification.expires_on - (today or timezone.localdate())).days


def renewal_window_open(certification, today=None) -> bool:
    if certification.expires_on is None or certification.status not in ACTIVE_STATUSES:
        return False
    today = today or timezone.localdate()
    return conf.renewal_window_opens(certification.expires_on) <= today <= certification.expires_on


def renewal_list(*, membership, certification):
    return Renewal.objects.filter(
        organization=membership.organization, certification=certification
    ).prefetch_related("documents")


def renewal_get(*, membership, pk) -> Renewal:
    certifications = certification_list(membership=membership)
    return get_object_or_404(
        Renewal.objects.filter(certification__in=certifications).select_related("certification"),
        pk=pk,
    )


def representative_list(*, membership, include_removed=False):
    people = Representative.objects.filter(organization=membership.organization)
    if not include_removed:
        people = people.filter(removed_on__isnull=True)
    return people


def representative_get(*, membership, pk) -> Representative:
    return get_object_or_404(representative_list(membership=membership), pk=pk)


def document_list(*, membership):
    """Documents of records the membership may see."""
    visible_requirements = requirement_list(membership=membership)
    visible_avisos = aviso_list(membership=membership)
    visible_certifications = certification_list(membership=membership)
    return CertificationDocument.objects.filter(organization=membership.organization).filter(
        (Q(requirement__isnull=True) | Q(requirement__in=visible_requirements))
        & (Q(aviso__isnull=True) | Q(aviso__in=visible_avisos))
        & (Q(certification__isnull=True) | Q(certification__in=visible_certifications))
    )


def document_get(*, membership, pk) -> CertificationDocument:
    return get_object_or_404(document_list(membership=membership), pk=pk)


# --- prerequisites -------------------------------------------------------------------------


@dataclass
class PrerequisiteRow:
    kind: str
    label: str
    state: str
    detail: str = ""
    issued_on: datetime.date | None = None
    valid_until: datetime.date | None = None
    record: Prerequisite | None = None
    blocking: bool = False
    hits: list = field(default_factory=list)

    @property
    def met(self) -> bool:
        return self.state in (PrerequisiteState.MET, PrerequisiteState.EXPIRING)

    @property
    def state_label(self) -> str:
        return PrerequisiteState(self.state).label


def _dated_state(record, today) -> str:
    if record is None or record.valid_until is None:
        return PrerequisiteState.UNKNOWN
    if record.valid_until < today or record.is_positive is False:
        return PrerequisiteState.UNMET
    if record.valid_until <= today + datetime.timedelta(days=EXPIRING_DAYS):
        return PrerequisiteState.EXPIRING
    return PrerequisiteState.MET


def _flag_state(record) -> str:
    if record is None or record.is_positive is None:
        return PrerequisiteState.UNKNOWN
    return PrerequisiteState.MET if record.is_positive else PrerequisiteState.UNMET


def latest_listing_check(*, organization) -> ListingCheck | None:
    return ListingCheck.objects.filter(organization=organization).first()


def listing_row(*, organization) -> PrerequisiteRow:
    from django.utils.translation import gettext as _

    check = latest_listing_check(organization=organization)
    label = _("Not listed under CFF 69, 69-B or 69-B Bis")
    if check is None:
        return PrerequisiteRow("listing", label, PrerequisiteState.UNKNOWN, _("Not checked yet."))
    if check.hits:
        return PrerequisiteRow(
            "listing",
            label,
            PrerequisiteState.UNMET,
            _("Listed: blocks the certification."),
            issued_on=timezone.localdate(check.checked_at),
            blocking=True,
            hits=check.hits,
        )
    return PrerequisiteRow(
        "listing",
        label,
        PrerequisiteState.MET,
        _("%(n)s RFCs checked against the current SAT lists.") % {"n": len(check.rfcs)},
        issued_on=timezone.localdate(check.checked_at),
    )


def prerequisite_panel(*, membership, today=None) -> list[PrerequisiteRow]:
    from django.utils.translation import gettext as _

    today = today or timezone.localdate()
    records = {r.kind: r for r in Prerequisite.objects.filter(organization=membership.organization)}
    rows = []
    for kind in PrerequisiteKind:
        record = records.get(kind.value)
        if kind == PrerequisiteKind.PATENTE:
            numbers = [p.number for p in patente_list(membership=membership)]
            if not numbers:
                state, detail = PrerequisiteState.UNMET, _("No patente recorded.")
            elif record is not None and record.is_positive is False:
                state, detail = PrerequisiteState.UNMET, _("Marked suspended or cancelled.")
            else:
                state, detail = PrerequisiteState.MET, ", ".join(numbers)
        elif kind in (
            PrerequisiteKind.OPINION_32D,
            PrerequisiteKind.EFIRMA,
            PrerequisiteKind.SELLOS,
        ):
            state = _dated_state(record, today)
            if kind == PrerequisiteKind.OPINION_32D and record and record.is_positive is False:
                state = PrerequisiteState.UNMET
            detail = record.reference if record else ""
        else:
            state, detail = _flag_state(record), (record.reference if record else "")
        rows.append(
            PrerequisiteRow(
                kind.value,
                kind.label,
                state,
                detail,
                issued_on=record.issued_on if record else None,
                valid_until=record.valid_until if record else None,
                record=record,
            )
        )
    rows.append(listing_row(organization=membership.organization))
    return rows


def unmet_prerequisites(*, membership) -> list[PrerequisiteRow]:
    return [row for row in prerequisite_panel(membership=membership) if not row.met]


# --- fees, avisos, requirements --------------------------------------------------------------


def fee_list(*, membership):
    return AnnualFee.objects.filter(
        organization=membership.organization,
        certification__in=certification_list(membership=membership),
    ).select_related("certification__site")


def fee_get(*, membership, pk) -> AnnualFee:
    return get_object_or_404(fee_list(membership=membership), pk=pk)


def fee_is_overdue(fee, today=None) -> bool:
    return fee.paid_on is None and fee.due_on < (today or timezone.localdate())


def fees_overdue(*, membership, today=None):
    today = today or timezone.localdate()
    return fee_list(membership=membership).filter(paid_on__isnull=True, due_on__lt=today)


def aviso_list(*, membership):
    return (
        Aviso.objects.filter(organization=membership.organization)
        .filter(site_q(membership))
        .select_related("site", "owner")
    )


def aviso_get(*, membership, pk) -> Aviso:
    return get_object_or_404(aviso_list(membership=membership), pk=pk)


def avisos_overdue(*, membership, today=None):
    today = today or timezone.localdate()
    return aviso_list(membership=membership).filter(status=AvisoStatus.DRAFT, due_on__lt=today)


def requirement_list(*, membership):
    return (
        AuthorityRequirement.objects.filter(organization=membership.organization)
        .filter(site_q(membership))
        .select_related("site", "owner")
    )


def requirement_get(*, membership, pk) -> AuthorityRequirement:
    return get_object_or_404(requirement_list(membership=membership), pk=pk)


def requirements_open(*, membership):
    return requirement_list(membership=membership).filter(status=RequirementStatus.OPEN)
