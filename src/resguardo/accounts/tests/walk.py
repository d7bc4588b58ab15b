"""Accounts' objects for the cross-app walks (tests/integration): alice's API token, and the
routes reached signed out (sign-in, password reset, invitation links)."""

from django.contrib.auth import get_user_model
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from resguardo.accounts.models import ApiToken
from resguardo.accounts.services import api_token_create
from resguardo.testing.walk import WalkFixtures


def build(w) -> None:
    w.token, _key = api_token_create(user=w.alice, name="Integracion ERP Norte")


def _norte_user_ids(w) -> list[int]:
    return [u.pk for u in (w.alice, w.carla, w.sam, w.sofia, w.audrey)]


def snapshot(w) -> dict:
    user_ids = _norte_user_ids(w)
    return {
        "users": list(
            get_user_model()
            .objects.filter(pk__in=user_ids)
            .order_by("pk")
            .values("pk", "email", "password", "is_active", "language", "totp_enabled")
        ),
        "tokens": list(ApiToken.objects.filter(user_id__in=user_ids).order_by("pk").values()),
    }


WALK = WalkFixtures(
    build=build,
    url_kwargs={
        "accounts:api_token_revoke": lambda w: {"pk": w.token.pk},
        "accounts:invitation": lambda w: {"token": "not-a-real-invitation-token"},
        "accounts:password_reset_confirm": lambda w: {
            "uidb64": urlsafe_base64_encode(force_bytes(w.alice.pk)),
            "token": "not-a-real-reset-token",
        },
        "api:apitoken-detail": lambda w: {"pk": w.token.pk},
    },
    markers=lambda w: ["Integracion ERP Norte"],
    public_routes={
        "accounts:login": "the sign-in page",
        "accounts:login_otp": "second sign-in step; with no pending sign-in it returns to login",
        "accounts:logout": "signing out needs no session",
        "accounts:password_reset": "asking for a reset link is done signed out",
        "accounts:password_reset_done": "the 'check your e-mail' page",
        "accounts:password_reset_confirm": "the e-mailed link: its token is the credential",
        "accounts:password_reset_complete": "the 'password was reset' page",
        "accounts:invitation": "the e-mailed invitation link: its token is the credential",
    },
    snapshot=snapshot,
    list_ids=lambda w: {"api:apitoken-list": ("id", {w.token.pk})},
)
