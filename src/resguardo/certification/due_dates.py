"""The certification's dates for the obligations calendar (core.modules `due_dates`): the
renewal, the annual fee, avisos (the yearly profile update included) and requirements.
Each provider reads with one or two queries."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from resguardo.core.modules import DueDate
from resguardo.core.permissions import Perm

from . import conf
from .choices import ACTIVE_STATUSES, AvisoKind, AvisoStatus, CertificationStatus, RequirementStatus
from .models import AnnualFee, AuthorityRequirement, Aviso, Certification
from .services.fees import anniversary

STANDARD = 1  # supply-chain security planning holds the certification itself


def _in_range(day, start, end) -> bool:
    return day is not None and (start is None or day >= start) and day <= end


def _scope(certification) -> str:
    return certification.site.name if certification.site_id else _("organization")


def certification_dates(*, organization, start, end):
    """The renewal filing (by the expiry; the window opens before it) and unpaid fees."""
    certifications = list(
        Certification.objects.filter(
            organization=organization, status__in=list(ACTIVE_STATUSES)
        ).select_related("site")
    )
    fees = {
        (f.certification_id, f.year): f
        for f in AnnualFee.objects.filter(organization=organization).only(
            "id", "certification_id", "year", "due_on", "paid_on"
        )
    }
    items = []
    for certification in certifications:
        url = certification.get_absolute_url()
        expires_on = certification.expires_on
        if certification.status != CertificationStatus.RENEWAL_FILED and _in_range(
            expires_on, start, end
        ):
            items.append(
                DueDate(
                    key=f"certification.renewal:{certification.pk}",
                    title=_("File the certification renewal (%(scope)s); window opens %(day)s")
                    % {
                        "scope": _scope(certification),
                        "day": conf.renewal_window_opens(expires_on),
                    },
                    due_on=expires_on,
                    url=url,
                    standard=STANDARD,
                    site_id=certification.site_id,
                    perm=Perm.MANAGE_COMPLIANCE,
                )
            )
        if certification.granted_on is None:
            continue
        last_year = end.year if expires_on is None else min(end.year, expires_on.year)
        for year in range(certification.granted_on.year + 1, last_year + 1):
            fee = fees.get((certification.pk, year))
            due_on = fee.due_on if fee else anniversary(certification.granted_on, year)
            if (fee and fee.paid_on) or (expires_on and due_on > expires_on):
                continue
            if not _in_range(due_on, start, end):
                continue
            items.append(
                DueDate(
                    key=f"certification.fee:{certification.pk}:{year}",
                    title=_("Pay the %(year)s annual certification fee (LFD 40 m)")
                    % {"year": year},
                    due_on=due_on,
                    url=fee.get_absolute_url() if fee else reverse("certification:fee_list"),
                    standard=STANDARD,
                    site_id=certification.site_id,
                    perm=Perm.MANAGE_COMPLIANCE,
                )
            )
    return items


def aviso_dates(*, organization, start, end):
    """Avisos in draft with a date, and the yearly profile update when none is in draft."""
    avisos = list(
        Aviso.objects.filter(organization=organization).filter(
            status=AvisoStatus.DRAFT
        ).only("id", "kind", "description", "due_on", "site_id", "owner_id")
    ) + list(
        Aviso.objects.filter(
            organization=organization, kind=AvisoKind.PROFILE_UPDATE, status__in=[
                AvisoStatus.FILED, AvisoStatus.ACKNOWLEDGED]
        ).order_by("-filed_on").only("id", "kind", "filed_on", "site_id", "status")[:1]
    )  # fmt: skip
    items = []
    for aviso in avisos:
        if aviso.status == AvisoStatus.DRAFT and _in_range(aviso.due_on, start, end):
            items.append(
                DueDate(
                    key=f"certification.aviso:{aviso.pk}",
                    title=_("File the aviso: %(kind)s") % {"kind": aviso.get_kind_display()},
                    due_on=aviso.due_on,
                    url=aviso.get_absolute_url(),
                    standard=STANDARD,
                    site_id=aviso.site_id,
                    owner_id=aviso.owner_id,
                    perm=Perm.MANAGE_COMPLIANCE,
                )
            )
    profile_drafts = [
        a for a in avisos if a.kind == AvisoKind.PROFILE_UPDATE and a.status == AvisoStatus.DRAFT
    ]
    if profile_drafts:
        return items
    last_filed = next((a for a in avisos if a.status != AvisoStatus.DRAFT), None)
    due_on = _profile_update_due(organization, last_filed)
    if _in_range(due_on, start, end):
        items.append(
            DueDate(
                key=f"certification.profile_update:{organization.pk}",
                title=_("File the yearly profile update aviso (rule 7.2.1)"),
                due_on=due_on,
                url=reverse("certification:aviso_list"),
                standard=STANDARD,
                perm=Perm.MANAGE_COMPLIANCE,
            )
        )
    return items


def _profile_update_due(organization, last_filed) -> datetime.date | None:
    if last_filed is not None:
        return anniversary(last_filed.filed_on, last_filed.filed_on.year + 1)
    granted = (
        Certification.objects.filter(organization=organization, status__in=list(ACTIVE_STATUSES))
        .exclude(granted_on=None)
        .order_by("granted_on")
        .values_list("granted_on", flat=True)
        .first()
    )
    return anniversary(granted, granted.year + 1) if granted else None


def requirement_dates(*, organization, start, end):
    requirements = AuthorityRequirement.objects.filter(
        organization=organization, status=RequirementStatus.OPEN, deadline__isnull=False
    ).only("id", "reference", "kind", "deadline", "site_id", "owner_id")
    if start is not None:
        requirements = requirements.filter(deadline__gte=start)
    return [
        DueDate(
            key=f"certification.requirement:{r.pk}",
            title=_("Answer the authority's %(kind)s %(reference)s")
            % {"kind": r.get_kind_display().lower(), "reference": r.reference},
            due_on=r.deadline,
            url=r.get_absolute_url(),
            standard=STANDARD,
            site_id=r.site_id,
            owner_id=r.owner_id,
            perm=Perm.VIEW,
        )
        for r in requirements.filter(deadline__lte=end)
    ]
