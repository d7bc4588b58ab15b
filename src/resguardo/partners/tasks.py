"""Background work: e-mails, re-screening after a list update, reminders, daily refresh.

With TASKS_BACKEND=immediate these run inline; with the database backend the worker runs
them. `resguardo partners daily` (from cron or a timer) enqueues the daily work."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from resguardo.core.actors import Actor
from resguardo.core.choices import Role
from resguardo.core.models import Membership, Organization

logger = logging.getLogger(__name__)


def _render(template: str, context: dict, language: str) -> tuple[str, str]:
    with translation.override(language):
        subject = render_to_string(f"partners/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"partners/email/{template}_body.txt", context)
    return " ".join(subject.split()), body


def compliance_recipients(organization_id: int) -> list[tuple[str, str]]:
    """(e-mail, language) of the compliance officers; the administrators when there are none."""
    today = timezone.localdate()
    current = Membership.objects.filter(
        organization_id=organization_id, is_active=True, user__is_active=True
    ).filter(Q(expires_at__isnull=True) | Q(expires_at__gte=today))
    people = current.filter(role=Role.COMPLIANCE) or current.filter(role=Role.ADMIN)
    return [
        (m.user.email, m.user.language or settings.LANGUAGE_CODE)
        for m in people.select_related("user")
    ]


@task()
def send_questionnaire_link(*, questionnaire_id: int, link: str, reminder: bool = False) -> None:
    from .models import Questionnaire

    questionnaire = Questionnaire.objects.select_related("partner", "organization").get(
        pk=questionnaire_id
    )
    language = "es-mx" if questionnaire.language == "es" else "en"
    subject, body = _render(
        "questionnaire",
        {"questionnaire": questionnaire, "link": link, "reminder": reminder},
        language,
    )
    send_mail(subject, body, None, [questionnaire.recipient_email])


@task()
def alert_partner_blocked(
    *,
    organization_id: int,
    partner_id: int,
    partner_name: str,
    rfc: str,
    source: str,
    matched_name: str,
) -> None:
    from .choices import WatchlistSource

    organization = Organization.objects.get(pk=organization_id)
    for email, language in compliance_recipients(organization_id):
        with translation.override(language):
            source_label = str(WatchlistSource(source).label)
        subject, body = _render(
            "partner_blocked",
            {
                "organization": organization,
                "partner_id": partner_id,
                "partner_name": partner_name,
                "rfc": rfc,
                "source": source_label,
                "matched_name": matched_name,
            },
            language,
        )
        send_mail(subject, body, None, [email])


@task()
def rescreen_after_list_update(*, version_id: int) -> int:
    from .choices import ScreeningTrigger
    from .services import rescreen_all_organizations

    runs = rescreen_all_organizations(trigger=ScreeningTrigger.LIST_UPDATE)
    logger.info("list version %s: re-screened %s organizations", version_id, len(runs))
    return len(runs)


@task()
def send_questionnaire_reminders() -> int:
    from .services import questionnaire_remind, questionnaires_due_reminder

    due = questionnaires_due_reminder()
    for questionnaire in due:
        questionnaire_remind(questionnaire=questionnaire)
    return len(due)


@task()
def refresh_partner_standing(*, organization_id: int | None = None) -> int:
    """Time alone changes standings (a review falls due, a certification expires)."""
    from .models import Partner
    from .services import partner_refresh_standing

    partners = Partner.objects.select_related("organization")
    if organization_id is not None:
        partners = partners.filter(organization_id=organization_id)
    count = 0
    for partner in partners.iterator(chunk_size=500):
        with transaction.atomic():
            partner_refresh_standing(actor=Actor.system(partner.organization), partner=partner)
        count += 1
    return count


WARNING_DAYS_EXTRA = (30, 7, 0)


@task()
def send_certification_expiry_warnings() -> int:
    """E-mail the compliance officers about certifications reaching the policy's warning
    window, 30 days, 7 days and the expiry day (no state kept: each date is hit once)."""
    import datetime

    from .models import Certification
    from .services.common import policy_for

    today = timezone.localdate()
    sent = 0
    organization_ids = Certification.objects.values_list("organization_id", flat=True).distinct()
    for organization in Organization.objects.filter(pk__in=organization_ids):
        policy = policy_for(organization)
        days = {policy.certification_warning_days, *WARNING_DAYS_EXTRA}
        dates = [today + datetime.timedelta(days=d) for d in days]
        due = list(
            Certification.objects.filter(organization=organization, valid_until__in=dates)
            .exclude(partner__status="inactive")
            .select_related("partner")
            .order_by("valid_until")
        )
        if not due:
            continue
        for email, language in compliance_recipients(organization.pk):
            subject, body = _render(
                "certifications_expiring",
                {"organization": organization, "certifications": due, "today": today},
                language,
            )
            send_mail(subject, body, None, [email])
            sent += 1
    return sent
