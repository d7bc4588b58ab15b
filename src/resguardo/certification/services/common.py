"""Pieces every certification service uses: the acting organization, files, notices."""

from django.db.models import Q
from django.utils import timezone

from resguardo.core.choices import Role
from resguardo.core.files import DOCUMENT, inspect_upload, store_upload
from resguardo.core.models import Membership
from resguardo.core.notify import notify
from resguardo.core.permissions import Perm, require_perm
from resguardo.core.writes import create_audited

from ..models import CertificationDocument


def manager(actor):
    """The acting organization, once the actor may manage the certification."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    return actor.organization


def compliance_officers(organization) -> list:
    """The compliance officers (the administrators when there is none) to notify."""
    today = timezone.localdate()
    current = (
        Membership.objects.filter(organization=organization, is_active=True, user__is_active=True)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gte=today))
        .select_related("user")
    )
    people = [m.user for m in current if m.role == Role.COMPLIANCE]
    return people or [m.user for m in current if m.role == Role.ADMIN]


def notify_officers(organization, **kwargs) -> int:
    return notify(organization=organization, users=compliance_officers(organization), **kwargs)


def store_document(*, actor, organization, upload, kind, field="file", title="", **links):
    """Inspect and keep an uploaded file for one certification record (inside
    `atomic_with_files`)."""
    inspected = inspect_upload(upload, kind=DOCUMENT, field=field)
    document = CertificationDocument(
        organization=organization, kind=kind, title=title[:200], uploaded_by=actor.user, **links
    )
    store_upload(document, upload, inspected)
    return create_audited(actor=actor.user, organization=organization, instance=document)


def require_past_or_today(field: str, value, message) -> None:
    from django.core.exceptions import ValidationError

    if value is not None and value > timezone.localdate():
        raise ValidationError({field: [message]}, code="future")
