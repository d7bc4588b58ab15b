"""Writes for security policies: a policy with its approved versions, reviews and the staff's
acknowledgement of the version in force. A new version asks everyone again."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resguardo.core.notify import notify
from resguardo.core.permissions import Perm, require_perm
from resguardo.core.writes import create_audited, update_audited

from ..models import Policy, PolicyAcknowledgement, PolicyVersion
from ..selectors import acknowledging_users, must_acknowledge
from .common import add_months, check_member, check_own, require_text

POLICY_FIELDS = ("title", "purpose", "owner", "review_months", "document", "is_active")


def _check_policy(actor, values):
    require_text(values, "title")
    check_member(actor.organization, "owner", values.get("owner"))
    check_own(actor, "document", values.get("document"))
    months = values.get("review_months")
    if months is not None and not 1 <= months <= 36:
        raise ValidationError({"review_months": _("Review it at least every 36 months.")})


def _publish(actor, policy, *, body, change_summary) -> PolicyVersion:
    require_text({"body": body}, "body")
    last = policy.versions.aggregate(n=Max("number"))["n"] or 0
    version = create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=PolicyVersion(
            organization=actor.organization,
            policy=policy,
            number=last + 1,
            body=body,
            change_summary=change_summary,
            approved_by=actor.user,
            approved_at=timezone.now(),
        ),
        verb="risks.policy.version_published",
        data={"number": last + 1},
    )
    update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=policy,
        changes={
            "current_version": version,
            "next_review_on": add_months(timezone.localdate(), policy.review_months),
        },
    )
    notify(
        organization=actor.organization,
        users=acknowledging_users(actor.organization),
        key=f"risks.policy_version:{version.pk}",
        title=gettext_lazy("Read and acknowledge: %(policy)s, version %(number)s"),
        params={"policy": policy.title, "number": version.number},
        url=policy.get_absolute_url(),
    )
    return version


@transaction.atomic
def policy_create(*, actor, title, body, purpose="", owner=None, review_months=12,
                  document=None) -> Policy:  # fmt: skip
    """A policy and its first approved version (the approver is the actor)."""
    require_perm(actor.membership, Perm.APPROVE)
    values = {"title": title, "owner": owner, "document": document, "review_months": review_months}
    _check_policy(actor, values)
    require_text({"body": body}, "body")
    policy = create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=Policy(
            organization=actor.organization,
            title=title.strip(),
            purpose=purpose,
            owner=owner,
            review_months=review_months,
            document=document,
        ),
        verb="risks.policy.created",
    )
    _publish(actor, policy, body=body, change_summary="")
    return policy


@transaction.atomic
def policy_update(*, actor, policy, expected_version=None, **changes) -> Policy:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    check_own(actor, "policy", policy)
    unknown = set(changes) - set(POLICY_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    _check_policy(actor, changes)
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=policy,
        changes=changes,
        expected_version=expected_version,
    )


@transaction.atomic
def policy_version_publish(*, actor, policy, body, change_summary) -> PolicyVersion:
    """Approve a new version: it is in force at once and every member must acknowledge it."""
    require_perm(actor.membership, Perm.APPROVE)
    check_own(actor, "policy", policy)
    require_text({"change_summary": change_summary}, "change_summary")
    policy = Policy.objects.select_for_update().get(pk=policy.pk)
    return _publish(actor, policy, body=body, change_summary=change_summary)


@transaction.atomic
def policy_mark_reviewed(*, actor, policy, expected_version=None) -> Policy:
    """Reviewed, still right as it is: the next review moves on, nobody is asked again."""
    require_perm(actor.membership, Perm.APPROVE)
    check_own(actor, "policy", policy)
    if policy.current_version_id is None:
        raise ValidationError(_("Approve a first version before reviewing the policy."))
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=policy,
        changes={"next_review_on": add_months(timezone.localdate(), policy.review_months)},
        expected_version=expected_version,
        verb="risks.policy.reviewed",
    )


@transaction.atomic
def policy_acknowledge(*, actor, policy) -> PolicyAcknowledgement:
    """The acting member has read the version in force (once per version)."""
    require_perm(actor.membership, Perm.VIEW)
    check_own(actor, "policy", policy)
    if not must_acknowledge(actor.membership):
        raise PermissionDenied(_("Your role reads policies without acknowledging them."))
    if policy.current_version_id is None or not policy.is_active:
        raise ValidationError(_("This policy has no version in force to acknowledge."))
    existing = PolicyAcknowledgement.objects.filter(
        version_id=policy.current_version_id, user=actor.user
    ).first()
    if existing is not None:
        return existing
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=PolicyAcknowledgement(
            organization=actor.organization,
            version_id=policy.current_version_id,
            user=actor.user,
            acknowledged_at=timezone.now(),
        ),
        verb="risks.policy.acknowledged",
    )
