"""Standard 4 indicators, computed from the partner records."""

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from resguardo.core.indicators import Direction, Indicator, Reading, Unit

from .choices import PartnerStatus
from .models import Certification, ListVersion, Partner, PartnerReview, ScreeningHit
from .selectors import open_hit_q, valid_certification_q
from .services.common import policy_for


def _partners(organization):
    return Partner.objects.filter(organization=organization).exclude(status=PartnerStatus.INACTIVE)


def _share(numerator: int, denominator: int, noun_detail: str) -> Reading:
    if not denominator:
        return Reading(None, _("No partners registered yet."))
    return Reading(
        round(100 * numerator / denominator, 1),
        noun_detail % {"n": numerator, "total": denominator},
        numerator,
        denominator,
    )


def reviews_current(organization, site=None) -> Reading:
    today = timezone.localdate()
    partners = _partners(organization)
    reviewed = Exists(PartnerReview.objects.filter(partner=OuterRef("pk")))
    current = partners.filter(reviewed, next_review_due__gte=today).count()
    return _share(current, partners.count(), _("%(n)s of %(total)s partners with a current review"))


def screened_latest(organization, site=None) -> Reading:
    latest = ListVersion.objects.filter(is_current=True).order_by("-imported_at").first()
    if latest is None:
        return Reading(None, _("No watchlist imported yet."))
    partners = _partners(organization)
    screened = partners.filter(last_screened_at__gte=latest.imported_at).count()
    return _share(
        screened,
        partners.count(),
        _("%(n)s of %(total)s partners screened against the latest lists"),
    )


def certifications_valid(organization, site=None) -> Reading:
    kinds = policy_for(organization).certification_required_kinds or []
    partners = _partners(organization).filter(kind__in=kinds)
    valid = Exists(
        Certification.objects.filter(
            valid_certification_q(timezone.localdate()), partner=OuterRef("pk")
        )
    )
    total = partners.count()
    if not total:
        return Reading(None, _("No partner of a type that requires a certification."))
    return _share(
        partners.filter(valid).count(),
        total,
        _("%(n)s of %(total)s partners that require one hold a valid certification"),
    )


def open_hits(organization, site=None) -> Reading:
    if not ListVersion.objects.exists():
        return Reading(None, _("No watchlist imported yet."))
    count = ScreeningHit.objects.filter(open_hit_q(), organization=organization).count()
    return Reading(
        count,
        ngettext("%(n)s hit to review", "%(n)s hits to review", count) % {"n": count},
        count,
    )


INDICATORS = [
    Indicator(
        key="partners.reviews_current",
        label=gettext_lazy("Partners with a current periodic review"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=reviews_current,
        description=gettext_lazy("Reviewed at least once and not past their next due date."),
        standards=(4,),
    ),
    Indicator(
        key="partners.screened_latest",
        label=gettext_lazy("Partners screened against the latest list versions"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=screened_latest,
        description=gettext_lazy("SAT 69-B, SAT Art. 69 and OFAC lists."),
        standards=(4,),
    ),
    Indicator(
        key="partners.certifications_valid",
        label=gettext_lazy("Partners with a valid certification where required"),
        unit=Unit.PERCENT,
        target=100,
        direction=Direction.HIGHER_IS_BETTER,
        compute=certifications_valid,
        description=gettext_lazy(
            "OEA, C-TPAT, AEO or ISO 28000, for the partner types the policy names."
        ),
        standards=(4,),
    ),
    Indicator(
        key="partners.open_hits",
        label=gettext_lazy("Watchlist hits not yet reviewed"),
        unit=Unit.COUNT,
        target=0,
        direction=Direction.LOWER_IS_BETTER,
        compute=open_hits,
        standards=(4,),
    ),
]
