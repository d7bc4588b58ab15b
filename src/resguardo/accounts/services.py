"""Writes for accounts: sign-in throttling, second factor, API tokens, users."""

import datetime
import hashlib
import secrets

import pyotp
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from resguardo.core import ratelimit
from resguardo.core.writes import create_audited, update_audited

from .models import ApiToken, LoginAddressThrottle, LoginThrottle, User

TOKEN_PREFIX = "rsg_"


def _minutes_left(until) -> int:
    return max(1, int((until - timezone.now()).total_seconds() // 60) + 1)


class AccountLockedError(ValidationError):
    def __init__(self, until):
        minutes = _minutes_left(until)
        super().__init__(
            ngettext(
                "Too many failed sign-ins. This account is locked for %(minutes)d more "
                "minute; try again later or reset your password.",
                "Too many failed sign-ins. This account is locked for %(minutes)d more "
                "minutes; try again later or reset your password.",
                minutes,
            )
            % {"minutes": minutes},
            code="locked",
        )


class AddressLockedError(ValidationError):
    def __init__(self, until):
        minutes = _minutes_left(until)
        super().__init__(
            ngettext(
                "Too many failed sign-ins from your network. Try again in %(minutes)d minute.",
                "Too many failed sign-ins from your network. Try again in %(minutes)d minutes.",
                minutes,
            )
            % {"minutes": minutes},
            code="address_locked",
        )


class InvalidCredentialsError(ValidationError):
    def __init__(self):
        super().__init__(_("The e-mail or the password is wrong."), code="invalid_login")


def client_address(request) -> str:
    return (request.META.get("REMOTE_ADDR") or "")[:64] if request is not None else ""


def _refuse_if_locked(email: str, address: str) -> None:
    if address:
        by_address = LoginAddressThrottle.objects.filter(address=address).first()
        if by_address and by_address.is_locked():
            raise AddressLockedError(by_address.locked_until)
    pair = LoginThrottle.objects.filter(email=email, address=address).first()
    if pair and pair.is_locked():
        raise AccountLockedError(pair.locked_until)


def _count_failure(email: str, address: str) -> None:
    """Count a failed sign-in or code for the account from this address and for the address,
    then refuse with the lock it caused, if any."""
    _login_failed(LoginThrottle.objects, {"email": email, "address": address})
    if address:
        _login_failed(
            LoginAddressThrottle.objects,
            {"address": address},
            limit=settings.LOGIN_FAILURE_LIMIT_PER_IP,
            forget_after=datetime.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES),
        )
    _refuse_if_locked(email, address)


def login_check(*, request, email: str, password: str) -> User:
    """Authenticate, counting failures per e-mail and client address, and per client address.

    Too many failures for one account from one address lock that account for that address
    only, so nobody can lock the owner out from elsewhere; each lock in a row lasts twice the
    one before (up to LOGIN_LOCKOUT_MAX_MINUTES). Too many failures from one address, whatever
    the accounts, lock the address. A lock refuses even the right password until it ends.
    """
    key = (email or "").strip().lower()
    address = client_address(request)
    _refuse_if_locked(key, address)
    user = authenticate(request, username=key, password=password)
    if user is None:
        _count_failure(key, address)
        raise InvalidCredentialsError()
    if not user.totp_enabled:  # with a second factor, counting ends once the code is right
        login_throttle_clear(key)
    return user


def login_code_check(*, user: User, code: str, request=None) -> None:
    """The second sign-in step. Wrong codes count toward the same lockout as wrong
    passwords, so knowing the password does not allow guessing codes without end."""
    key = user.email.strip().lower()
    address = client_address(request)
    _refuse_if_locked(key, address)
    try:
        totp_verify(user=user, code=code)
    except ValidationError:
        _count_failure(key, address)
        raise
    login_throttle_clear(key)


def login_throttle_clear(email: str) -> None:
    """Forget failed sign-ins of the account from every address (after a complete sign-in or
    a password reset). An address's own count is kept: signing in to one's own account must
    not clear the failures spent guessing others."""
    LoginThrottle.objects.filter(email=(email or "").strip().lower()).delete()


@transaction.atomic
def _login_failed(manager, lookup: dict, *, limit=None, forget_after=None) -> None:
    limit = limit or settings.LOGIN_FAILURE_LIMIT
    now = timezone.now()
    throttle, _created = manager.select_for_update().get_or_create(**lookup)
    lock_ended = throttle.locked_until and throttle.locked_until <= now
    stale = (
        forget_after and throttle.last_failure_at and throttle.last_failure_at < now - forget_after
    )
    if lock_ended or stale:
        throttle.failures = 1  # the previous lock has ended: this is the first new failure
        throttle.locked_until = None
        if stale:
            throttle.lockouts = 0
    else:
        throttle.failures = F("failures") + 1
    throttle.last_failure_at = now
    throttle.save()
    throttle.refresh_from_db()
    if throttle.failures >= limit:
        throttle.lockouts += 1
        minutes = min(
            settings.LOGIN_LOCKOUT_MINUTES * 2 ** (throttle.lockouts - 1),
            settings.LOGIN_LOCKOUT_MAX_MINUTES,
        )
        throttle.locked_until = now + datetime.timedelta(minutes=minutes)
        throttle.save(update_fields=["locked_until", "lockouts"])


@transaction.atomic(durable=True)
def password_reset_allowed(*, email: str, client_ip: str | None) -> bool:
    """Count a request for a password-reset e-mail; False once the e-mail address or the
    client address asked too often in the current window (mail flooding of a victim's inbox).

    Every request counts, whether or not an account has that address, so the answer tells
    nothing about which accounts exist.
    """
    window = datetime.timedelta(minutes=settings.PASSWORD_RESET_WINDOW_MINUTES)
    limits = [(f"email:{(email or '').strip().lower()}", settings.PASSWORD_RESET_LIMIT_PER_EMAIL)]
    if client_ip:
        limits.append((f"ip:{client_ip}", settings.PASSWORD_RESET_LIMIT_PER_IP))
    # every key is counted, even once one is over its limit
    verdicts = [
        ratelimit.allow("accounts.password_reset", key, limit=limit, window=window)
        for key, limit in limits
    ]
    return all(verdicts)


@transaction.atomic
def user_create(*, actor, email, password, first_name="", last_name="", language="es-mx"):
    email = (email or "").strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("A user with this e-mail already exists.")})
    user = User(email=email, first_name=first_name, last_name=last_name, language=language)
    if password:
        from django.contrib.auth.password_validation import validate_password

        validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    return create_audited(actor=actor, organization=None, instance=user)


@transaction.atomic(durable=True)
def user_update_profile(*, user, first_name, last_name, language):
    return update_audited(
        actor=user,
        organization=None,
        instance=user,
        changes={"first_name": first_name, "last_name": last_name, "language": language},
    )


# Second factor (TOTP) ---------------------------------------------------------------


def totp_provisioning(*, user) -> tuple[str, str]:
    """A fresh secret for setup and its otpauth:// URI (shown as a QR code)."""
    secret = pyotp.random_base32()
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name="Resguardo")
    return secret, uri


def _totp_counter_if_valid(secret: str, code: str, last_counter: int) -> int | None:
    code = (code or "").replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now = timezone.now()
    for drift in (-1, 0, 1):
        moment = now + datetime.timedelta(seconds=30 * drift)
        counter = totp.timecode(moment)
        if counter > last_counter and secrets.compare_digest(totp.at(moment), code):
            return counter
    return None


@transaction.atomic(durable=True)
def totp_enable(*, user, secret: str, code: str) -> None:
    counter = _totp_counter_if_valid(secret, code, 0)
    if counter is None:
        raise ValidationError({"code": _("That code is not right. Check the time on your phone.")})
    update_audited(
        actor=user,
        organization=None,
        instance=user,
        changes={"totp_secret": secret, "totp_enabled": True, "totp_last_counter": counter},
    )


@transaction.atomic(durable=True)
def totp_verify(*, user, code: str) -> None:
    """Check a sign-in code. Each code works once."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    counter = _totp_counter_if_valid(locked.totp_secret, code, locked.totp_last_counter)
    if counter is None:
        raise ValidationError({"code": _("That code is not right or was already used.")})
    User.objects.filter(pk=user.pk).update(totp_last_counter=counter)


@transaction.atomic(durable=True)
def totp_disable(*, user, password: str) -> None:
    if not user.check_password(password):
        raise ValidationError({"password": _("The password is wrong.")})
    if user.memberships.filter(organization__require_mfa=True, is_active=True).exists():
        raise ValidationError(
            _("An organization you belong to requires two-factor authentication.")
        )
    update_audited(
        actor=user,
        organization=None,
        instance=user,
        changes={"totp_secret": "", "totp_enabled": False, "totp_last_counter": 0},
    )


# API tokens ----------------------------------------------------------------------


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user, name: str, expires_at=None) -> tuple[ApiToken, str]:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name, so you can recognise it.")})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("The expiry date is in the past.")})
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = create_audited(
        actor=user,
        organization=None,
        instance=ApiToken(
            user=user,
            name=name,
            prefix=key[len(TOKEN_PREFIX) : len(TOKEN_PREFIX) + 8],
            key_hash=hash_token(key),
            expires_at=expires_at,
        ),
    )
    return token, key


@transaction.atomic  # composed: a departure revokes tokens inside its own transaction
def api_token_revoke(*, user, token: ApiToken) -> None:
    if token.user_id != user.pk:
        raise ValidationError(_("This token is not yours."))
    if token.revoked_at is None:
        update_audited(
            actor=user, organization=None, instance=token, changes={"revoked_at": timezone.now()}
        )


def api_token_authenticate(key: str) -> ApiToken | None:
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(key or "")).first()
    if token is None or not token.is_usable or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
