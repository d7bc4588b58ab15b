from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .models import Invitation


@task()
def send_invitation_email(*, invitation_id: int, link: str) -> None:
    invitation = Invitation.objects.select_related("organization", "invited_by").get(
        pk=invitation_id
    )
    language = getattr(invitation.invited_by, "language", None) or "es-mx"
    with translation.override(language):
        context = {"invitation": invitation, "link": link}
        subject = render_to_string("core/email/invitation_subject.txt", context).strip()
        body = render_to_string("core/email/invitation_body.txt", context)
    send_mail(subject, body, None, [invitation.email])
