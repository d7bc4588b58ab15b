"""Security questionnaires: sending the private link, the partner's answers (no account),
scoring, the agency's review, and reminders.

Only the SHA-256 of a link's token is stored. A reminder or a request for corrections sends
a fresh link and the previous one stops working.
"""

import datetime
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.files import atomic_with_files
from resguardo.core.permissions import Perm, require_perm, require_same_organization
from resguardo.core.writes import create_audited, update_audited

from ..catalog import questionnaire_catalog
from ..choices import AnswerValue, DocumentKind, QuestionnaireLanguage, QuestionnaireStatus
from ..models import OPEN_STATUSES, Questionnaire
from .common import policy_for
from .partners import _store_document
from .standing import partner_refresh_standing

ANSWER_POINTS = {AnswerValue.YES: 1.0, AnswerValue.PARTIAL: 0.5, AnswerValue.NO: 0.0}
MAX_TEXT = 2000
MAX_DOCUMENTS = 40


def link_actor(questionnaire: Questionnaire) -> Actor:
    """Who acts through a questionnaire link: the recipient, who has no user account."""
    label = _("Partner via questionnaire link (%(email)s)") % {
        "email": questionnaire.recipient_email
    }
    return Actor.external(questionnaire.organization, label=label)


def token_hash(token: str) -> str:
    return hashlib.sha256((token or "").encode()).hexdigest()


def public_link(questionnaire: Questionnaire, token: str) -> str:
    path = reverse("partners_public:questionnaire", args=[token])
    return questionnaire.public_base_url.rstrip("/") + path


def questions_for(kind: str) -> list[dict]:
    catalog = questionnaire_catalog()
    sections = {s.key: s.title for s in catalog.sections}
    return [
        {
            "code": q.code,
            "section": q.section,
            "section_title": sections[q.section].model_dump(),
            "text": q.text.model_dump(),
            "kind": q.kind,
            "weight": q.weight,
            "critical": q.critical,
            "evidence": q.evidence,
            "ref": q.ref,
        }
        for q in catalog.for_kind(kind)
    ]


def score_answers(questions: list[dict], answers: dict) -> tuple[int | None, list[str]]:
    """Percentage of the weighted points (yes 1, partly ½, no 0; n.a. left out) and the
    critical questions answered "no"."""
    earned = possible = 0.0
    gaps = []
    for question in questions:
        if question["kind"] != "choice":
            continue
        value = (answers.get(question["code"]) or {}).get("value")
        if value in ANSWER_POINTS and question["weight"]:
            earned += question["weight"] * ANSWER_POINTS[value]
            possible += question["weight"]
        if question["critical"] and value == AnswerValue.NO:
            gaps.append(question["code"])
    return (round(100 * earned / possible) if possible else None), gaps


def _fresh_link(valid_days: int | None = None) -> tuple[str, str, datetime.datetime | None]:
    """(token for the e-mail, its hash for the database, new expiry or None)."""
    token = secrets.token_urlsafe(32)
    until = timezone.now() + datetime.timedelta(days=valid_days) if valid_days else None
    return token, token_hash(token), until


def _send(questionnaire, token, *, reminder=False):
    from ..tasks import send_questionnaire_link

    link = public_link(questionnaire, token)
    transaction.on_commit(
        lambda: send_questionnaire_link.enqueue(
            questionnaire_id=questionnaire.pk, link=link, reminder=reminder
        )
    )


@transaction.atomic(durable=True)
def questionnaire_send(
    *,
    actor: Actor,
    partner,
    recipient_email,
    base_url,
    recipient_name="",
    language="es",
    notify=True,
) -> tuple[Questionnaire, str]:
    """Send the partner a private link. Returns the questionnaire and the link's token."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, partner)
    if language not in QuestionnaireLanguage.values:
        raise ValidationError({"language": _("Choose Spanish or English.")})
    if Questionnaire.objects.filter(partner=partner, status__in=OPEN_STATUSES).exists():
        raise ValidationError(
            _("This partner already has an open questionnaire. Revoke it before sending another."),
            code="open_exists",
        )
    policy = policy_for(actor.organization)
    questionnaire = Questionnaire(
        organization=actor.organization,
        partner=partner,
        recipient_email=(recipient_email or "").strip().lower(),
        recipient_name=(recipient_name or "").strip(),
        language=language,
        questions=questions_for(partner.kind),
        sent_by=actor.user,
        public_base_url=base_url,
    )
    token, questionnaire.token_hash, questionnaire.valid_until = _fresh_link(
        policy.questionnaire_valid_days
    )
    questionnaire = create_audited(
        actor=actor, organization=actor.organization, instance=questionnaire
    )
    if notify:
        _send(questionnaire, token)
    return questionnaire, token


def questionnaire_for_token(token: str) -> Questionnaire | None:
    """The questionnaire a link opens, or None when it is unknown, used, revoked or expired:
    the caller shows one and the same page for all of these, revealing nothing."""
    if not token or len(token) > 100:
        return None
    questionnaire = (
        Questionnaire.objects.select_related("partner", "organization")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if questionnaire is None or not questionnaire.accepts_answers:
        return None
    return questionnaire


RESUBMIT_GRACE = datetime.timedelta(minutes=15)


def questionnaire_just_submitted(token: str) -> Questionnaire | None:
    """The questionnaire this link sent in the last minutes, if any: a second tap on "Send"
    (or a reload of the POST) then gets the thank-you page again instead of "not valid"."""
    if not token or len(token) > 100:
        return None
    return (
        Questionnaire.objects.select_related("organization")
        .filter(
            token_hash=token_hash(token),
            status=QuestionnaireStatus.SUBMITTED,
            submitted_at__gte=timezone.now() - RESUBMIT_GRACE,
        )
        .first()
    )


def unanswered_questions(questionnaire: Questionnaire, answers: dict) -> list[str]:
    """Codes of the choice questions `answers` leaves without a value (sending needs them all)."""
    return [
        question["code"]
        for question in questionnaire.questions
        if question["kind"] == "choice"
        and not ((answers.get(question["code"]) or {}).get("value") or "").strip()
    ]


def _clean_answers(questionnaire: Questionnaire, answers: dict, *, complete: bool) -> dict:
    cleaned = {}
    for question in questionnaire.questions:
        given = answers.get(question["code"]) or {}
        comment = (given.get("comment") or "").strip()[:MAX_TEXT]
        value = (given.get("value") or "").strip()
        if question["kind"] == "choice":
            if value and value not in AnswerValue.values:
                raise ValidationError(_("An answer has a value that is not offered."))
        else:
            value = value[:MAX_TEXT]
        if value or comment:
            cleaned[question["code"]] = {"value": value, "comment": comment}
    missing = unanswered_questions(questionnaire, answers) if complete else []
    if missing:
        message = _("Answer every question before sending (missing: %(codes)s).") % {
            "codes": ", ".join(missing)
        }
        raise ValidationError({"answers": ValidationError(message, code="incomplete")})
    return cleaned


@transaction.atomic(durable=True)
def questionnaire_answer(*, questionnaire, answers: dict, submit: bool = False) -> Questionnaire:
    """The partner saves a draft, or submits. Only through an open, unexpired link."""
    questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    if not questionnaire.accepts_answers:
        raise ValidationError(_("This link is not valid any more."), code="closed")
    cleaned = _clean_answers(questionnaire, answers, complete=submit)
    changes = {"answers": cleaned}
    if submit:
        score, gaps = score_answers(questionnaire.questions, cleaned)
        changes.update(
            status=QuestionnaireStatus.SUBMITTED,
            submitted_at=timezone.now(),
            score=score,
            critical_gaps=gaps,
        )
    elif questionnaire.status == QuestionnaireStatus.SENT:
        changes["status"] = QuestionnaireStatus.IN_PROGRESS
    return update_audited(
        actor=link_actor(questionnaire),
        organization=questionnaire.organization,
        instance=questionnaire,
        changes=changes,
    )


@atomic_with_files
def questionnaire_attach(*, questionnaire, question_code: str, upload):
    """The partner uploads evidence for one question."""
    if not questionnaire.accepts_answers:
        raise ValidationError(_("This link is not valid any more."), code="closed")
    codes = {q["code"]: q for q in questionnaire.questions}
    if question_code not in codes:
        raise ValidationError({"question": _("Unknown question.")})
    if questionnaire.documents.count() >= MAX_DOCUMENTS:
        raise ValidationError(
            {"file": _("At most %(n)s files per questionnaire.") % {"n": MAX_DOCUMENTS}}
        )
    return _store_document(
        actor=link_actor(questionnaire),
        organization=questionnaire.organization,
        partner=questionnaire.partner,
        upload=upload,
        kind=DocumentKind.QUESTIONNAIRE_EVIDENCE,
        title=f"{question_code} · {getattr(upload, 'name', '')}",
        questionnaire=questionnaire,
        question_code=question_code,
    )


def _reviewable(questionnaire, membership):
    require_same_organization(membership, questionnaire)
    if questionnaire.status != QuestionnaireStatus.SUBMITTED:
        raise ValidationError(
            _("Only a submitted questionnaire can be accepted or sent back."), code="status"
        )


@transaction.atomic(durable=True)
def questionnaire_accept(*, actor: Actor, questionnaire, comment="") -> Questionnaire:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    _reviewable(questionnaire, actor.membership)
    questionnaire = update_audited(
        actor=actor,
        organization=actor.organization,
        instance=questionnaire,
        changes={
            "status": QuestionnaireStatus.ACCEPTED,
            "reviewed_by": actor.user,
            "reviewed_at": timezone.now(),
            "review_comment": (comment or "").strip(),
        },
    )
    partner_refresh_standing(actor=actor, partner=questionnaire.partner)
    return questionnaire


@transaction.atomic(durable=True)
def questionnaire_request_corrections(
    *, actor: Actor, questionnaire, comment
) -> tuple[Questionnaire, str]:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    _reviewable(questionnaire, actor.membership)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Tell the partner what to correct.")})
    token, hashed, until = _fresh_link(policy_for(actor.organization).questionnaire_valid_days)
    questionnaire = update_audited(
        actor=actor,
        organization=actor.organization,
        instance=questionnaire,
        changes={
            "status": QuestionnaireStatus.CORRECTIONS,
            "token_hash": hashed,
            "valid_until": until,
            "reviewed_by": actor.user,
            "reviewed_at": timezone.now(),
            "review_comment": comment,
            "reminder_count": 0,
            "last_reminder_at": None,
        },
    )
    _send(questionnaire, token)
    return questionnaire, token


@transaction.atomic(durable=True)
def questionnaire_revoke(*, actor: Actor, questionnaire) -> Questionnaire:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, questionnaire)
    if not questionnaire.is_open:
        raise ValidationError(_("Only an open questionnaire can be revoked."), code="status")
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=questionnaire,
        changes={"status": QuestionnaireStatus.REVOKED},
    )


def questionnaires_due_reminder(now=None):
    now = now or timezone.now()
    due = []
    for questionnaire in Questionnaire.objects.filter(
        status__in=OPEN_STATUSES, valid_until__gt=now
    ).select_related("organization"):
        policy = policy_for(questionnaire.organization)
        if questionnaire.reminder_count >= policy.max_reminders:
            continue
        last = questionnaire.last_reminder_at or questionnaire.reviewed_at or questionnaire.sent_at
        if last <= now - datetime.timedelta(days=policy.reminder_interval_days):
            due.append(questionnaire)
    return due


@transaction.atomic
def questionnaire_remind(*, questionnaire) -> None:
    """A fresh link for an unanswered questionnaire (system action, from the task)."""
    questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    token, hashed, _until = _fresh_link()
    update_audited(
        actor=Actor.system(questionnaire.organization),
        organization=questionnaire.organization,
        instance=questionnaire,
        changes={
            "token_hash": hashed,
            "reminder_count": questionnaire.reminder_count + 1,
            "last_reminder_at": timezone.now(),
        },
    )
    _send(questionnaire, token, reminder=True)
