"""Live measures of the certification's standing."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resguardo.core.indicators import Direction, Indicator, Reading, Unit

from .choices import ACTIVE_STATUSES, AvisoStatus, RequirementStatus
from .models import AnnualFee, AuthorityRequirement, Aviso, Certification


def renewal_days_left(organization, site=None) -> Reading:
    certification = (
        Certification.objects.filter(organization=organization, status__in=list(ACTIVE_STATUSES))
        .exclude(expires_on=None)
        .order_by("expires_on")
        .first()
    )
    if certification is None:
        return Reading(None, _("No granted certification recorded."))
    days = (certification.expires_on - timezone.localdate()).days
    return Reading(
        days, _("The certification expires on %(day)s.") % {"day": certification.expires_on}
    )


def overdue_obligations(organization, site=None) -> Reading:
    today = timezone.localdate()
    fees = AnnualFee.objects.filter(
        organization=organization, paid_on__isnull=True, due_on__lt=today
    ).count()
    avisos = Aviso.objects.filter(
        organization=organization, status=AvisoStatus.DRAFT, due_on__lt=today
    ).count()
    requirements = AuthorityRequirement.objects.filter(
        organization=organization, status=RequirementStatus.OPEN, deadline__lt=today
    ).count()
    total = fees + avisos + requirements
    return Reading(
        total,
        _("%(fees)s fees, %(avisos)s avisos and %(requirements)s requirements past their date.")
        % {"fees": fees, "avisos": avisos, "requirements": requirements},
    )


INDICATORS = [
    Indicator(
        key="certification.renewal_days_left",
        label=gettext_lazy("Days left before the certification expires"),
        unit=Unit.DAYS,
        target=30,
        direction=Direction.HIGHER_IS_BETTER,
        compute=renewal_days_left,
        description=gettext_lazy(
            "The renewal is filed within the 30 days before expiry; below the target the "
            "window is open."
        ),
        standards=(1,),
    ),
    Indicator(
        key="certification.overdue_obligations",
        label=gettext_lazy("Certification obligations overdue"),
        unit=Unit.COUNT,
        target=0,
        direction=Direction.LOWER_IS_BETTER,
        compute=overdue_obligations,
        description=gettext_lazy(
            "Unpaid annual fees, unfiled avisos and unanswered requirements past their date."
        ),
        standards=(1,),
    ),
]
