"""Admins invite people by e-mail; the link creates the account and the membership."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from resguardo.accounts.models import User
from resguardo.core import services
from resguardo.core.choices import Role
from resguardo.core.models import Invitation, Membership

NEW_PASSWORD = "una-clave-bastante-larga-7"


def invite(client, email, role="staff", sites=(), expires_at="", all_sites=False):
    data = {"email": email, "role": role, "sites": [s.pk for s in sites], "expires_at": expires_at}
    if all_sites:
        data["all_sites"] = "on"
    return client.post(reverse("core:invitation_create"), data, follow=True)


def link_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/invitation/\S+/)", message.body).group(1)


def test_invitation_creates_the_account_and_membership(world, client_for, client):
    admin = client_for(world.alice)
    response = invite(admin, "Nueva.Persona@norte.example.mx", "site_manager", [world.yard])
    page = response.content.decode()
    assert "Invitation sent to nueva.persona@norte.example.mx." in page
    assert "Pending invitations" in page

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nueva.persona@norte.example.mx"]
    assert message.subject == "Invitation to join Norte in Resguardo"
    path = link_path(message)

    admin.post(reverse("accounts:logout"))
    visitor = client
    landing = visitor.get(path).content.decode()
    assert "Join Norte" in landing
    assert "nueva.persona@norte.example.mx" in landing
    accepted = visitor.post(
        path,
        {
            "first_name": "Nueva",
            "last_name": "Persona",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
        follow=True,
    )
    assert accepted.status_code == 200
    assert "Agencia Aduanal Norte, S.C." in accepted.content.decode()  # signed in, on Norte

    user = User.objects.get(email="nueva.persona@norte.example.mx")
    assert user.check_password(NEW_PASSWORD)
    membership = Membership.objects.get(user=user, organization=world.org)
    assert membership.role == Role.SITE_MANAGER
    assert list(membership.sites.all()) == [world.yard]
    assert Invitation.objects.get(email=user.email).accepted_at is not None

    # The link works once.
    visitor.post(reverse("accounts:logout"))
    visitor.cookies.pop(settings.LANGUAGE_COOKIE_NAME)  # the new account's language (es-MX)
    second = visitor.get(path)
    assert second.status_code == 404
    assert "This invitation is not valid" in second.content.decode()
    assert visitor.post(path, {"first_name": "X"}).status_code == 404
    assert Membership.objects.filter(user=user).count() == 1


def test_existing_user_signs_in_and_accepts(world, client_for, client):
    invite(
        client_for(world.alice),
        world.oscar.email,
        "auditor",
        expires_at=(timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
    )
    path = link_path(mail.outbox[0])
    client.post(reverse("accounts:logout"))
    landing = client.get(path).content.decode()
    assert "You already have an account: sign in to accept." in landing
    assert client.post(path)["Location"].startswith(reverse("accounts:login"))

    client.force_login(world.oscar)
    response = client.post(path, follow=True)
    assert "Welcome to Norte." in response.content.decode()
    membership = Membership.objects.get(user=world.oscar, organization=world.org)
    assert membership.role == Role.AUDITOR and membership.expires_at is not None


def test_invitation_for_someone_else_is_refused(world, client_for, client):
    invite(client_for(world.alice), "otra@norte.example.mx", all_sites=True)
    path = link_path(mail.outbox[0])
    client.force_login(world.oscar)
    response = client.post(path, follow=True)
    assert "This invitation was sent to another e-mail address." in response.content.decode()
    assert not Membership.objects.filter(user=world.oscar, organization=world.org).exists()


def test_inviting_an_existing_member_is_a_form_error(world, client_for):
    response = invite(client_for(world.alice), world.sofia.email.upper(), all_sites=True)
    assert response.status_code == 200
    assert "This person is already a member of the organization." in response.content.decode()
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_invitation_form_chooses_no_role_in_advance(world, client_for):
    """The first role is Administrator: an invitation sent in a hurry must not grant it."""
    admin = client_for(world.alice)
    admin.cookies["resguardo_language"] = "en"
    page = admin.get(reverse("core:invitation_create")).content.decode()
    assert '<option value="" selected>Choose a role</option>' in page
    assert '<option value="admin" selected>' not in page
    response = invite(admin, "deprisa@norte.example.mx", role="")
    assert "This field is required." in response.content.decode()
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_auditor_invitation_needs_an_expiry(world, client_for):
    response = invite(client_for(world.alice), "auditora@externa.mx", "auditor")
    assert "An auditor&#x27;s access needs an expiry date." in response.content.decode()
    assert not Invitation.objects.exists()


def test_revoked_invitation_link_is_invalid(world, client_for, client):
    admin = client_for(world.alice)
    invite(admin, "revocada@norte.example.mx", all_sites=True)
    invitation = Invitation.objects.get()
    admin.post(reverse("core:invitation_revoke", args=[invitation.pk]))
    path = link_path(mail.outbox[0])
    client.post(reverse("accounts:logout"))
    assert "This invitation is not valid" in client.get(path).content.decode()


def test_only_admins_invite(world, client_for):
    response = client_for(world.carla).post(
        reverse("core:invitation_create"), {"email": "x@norte.example.mx", "role": "staff"}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_duplicate_membership_is_refused_by_the_service(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="already a member"):
        services.membership_add(
            actor=world.actor(world.alice),
            user=world.sofia,
            role=Role.ADMIN,
        )
    assert Membership.objects.filter(user=world.sofia, organization=world.org).count() == 1


def test_role_change_through_the_api_keeps_one_membership(world, api_for):
    api = api_for(world.alice)
    target = world.membership(world.sofia)
    response = api.post(
        f"/api/v1/members/{target.pk}/role/",
        {"role": "site_manager", "sites": [world.office.pk]},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["role"] == "site_manager"
    assert response.json()["sites"] == [world.office.pk]
    assert Membership.objects.filter(user=world.sofia).count() == 1

    foreign = api.post(
        f"/api/v1/members/{target.pk}/role/",
        {"role": "staff", "sites": [world.other_site.pk]},
        format="json",
    )
    assert foreign.status_code == 400 and "sites" in foreign.json()

    auditor = api.post(f"/api/v1/members/{target.pk}/role/", {"role": "auditor"}, format="json")
    assert auditor.status_code == 400
    assert "expires_at" in auditor.json()


def test_the_last_admin_cannot_be_demoted(world, api_for, client_for):
    target = world.membership(world.alice)
    api = api_for(world.alice)
    response = api.post(f"/api/v1/members/{target.pk}/role/", {"role": "staff"}, format="json")
    assert response.status_code == 400
    assert "at least one active administrator" in str(response.json())
    page = client_for(world.alice).post(
        reverse("core:membership_edit", args=[target.pk]),
        {"role": "staff", "is_active": "on", "version": target.version},
    )
    assert "at least one active administrator" in page.content.decode()
    assert Membership.objects.get(pk=target.pk).role == Role.ADMIN


def test_membership_edit_in_the_ui(world, client_for):
    target = world.membership(world.sofia)
    response = client_for(world.alice).post(
        reverse("core:membership_edit", args=[target.pk]),
        {"role": "compliance", "is_active": "on", "version": target.version},
        follow=True,
    )
    assert "Membership saved." in response.content.decode()
    assert Membership.objects.get(pk=target.pk).role == Role.COMPLIANCE
