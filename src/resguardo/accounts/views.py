import logging

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from resguardo.core import services as core_services

from . import services
from .forms import (
    ApiTokenForm,
    LoginForm,
    OtpForm,
    ProfileForm,
    SignupForm,
    TotpDisableForm,
    TotpSetupForm,
)
from .models import User

logger = logging.getLogger(__name__)

PENDING_USER = "resguardo_pending_user"
PENDING_SECRET = "resguardo_totp_secret"


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


def _complete_login(request, user):
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    response = redirect(_next_url(request))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, user.language, samesite="Lax", max_age=365 * 24 * 3600
    )
    return response


class LoginView(FormView):
    template_name = "accounts/login.html"
    form_class = LoginForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=self.request.GET.get("next", ""), **kwargs)

    def form_valid(self, form):
        try:
            user = services.login_check(
                request=self.request,
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        if user.totp_enabled:
            self.request.session[PENDING_USER] = user.pk
            otp_url = reverse("accounts:login_otp")
            nxt = self.request.POST.get("next")
            return redirect(f"{otp_url}?{urlencode({'next': nxt})}" if nxt else otp_url)
        return _complete_login(self.request, user)


class LoginOtpView(FormView):
    template_name = "accounts/login_otp.html"
    form_class = OtpForm

    def dispatch(self, request, *args, **kwargs):
        user_id = request.session.get(PENDING_USER)
        self.pending = User.objects.filter(pk=user_id, is_active=True).first()
        if self.pending is None:
            return redirect("accounts:login")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            services.login_code_check(
                user=self.pending, code=form.cleaned_data["code"], request=self.request
            )
        except (services.AccountLockedError, services.AddressLockedError) as error:
            self.request.session.pop(PENDING_USER, None)  # start again once the lock ends
            form.add_error(None, error)
            return self.form_invalid(form)
        except ValidationError as error:
            form.add_error("code", error.message_dict.get("code", error.messages)[0])
            return self.form_invalid(form)
        self.request.session.pop(PENDING_USER, None)
        return _complete_login(self.request, self.pending)


class PasswordResetView(auth_views.PasswordResetView):
    """Asking for a reset link, limited per e-mail address and per client address so nobody
    can flood an inbox. Over the limit no e-mail goes out, but the answer is the same "check
    your e-mail" page: it never tells whether an account exists or was throttled."""

    def form_valid(self, form):
        if services.password_reset_allowed(
            email=form.cleaned_data["email"], client_ip=self.request.META.get("REMOTE_ADDR")
        ):
            return super().form_valid(form)
        logger.warning("Password-reset request refused: too many for this address or client.")
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A new password set through the e-mailed link also lifts a sign-in lockout, as the
    lockout message promises."""

    def form_valid(self, form):
        response = super().form_valid(form)
        services.login_throttle_clear(form.user.email)
        return response


class LogoutView(View):
    def post(self, request):
        logout(request)
        messages.info(request, _("You have signed out."))
        return redirect(settings.LOGOUT_REDIRECT_URL)


class ProfileView(LoginRequiredMixin, FormView):
    template_name = "accounts/profile.html"
    form_class = ProfileForm

    def get_initial(self):
        user = self.request.user
        return {
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
        }

    def form_valid(self, form):
        services.user_update_profile(user=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("Profile saved."))
        response = redirect("accounts:profile")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            form.cleaned_data["language"],
            samesite="Lax",
            max_age=365 * 24 * 3600,
        )
        return response


class TotpSetupView(LoginRequiredMixin, FormView):
    template_name = "accounts/totp_setup.html"
    form_class = TotpSetupForm

    def get_initial(self):
        secret = self.request.session.get(PENDING_SECRET)
        if not secret:
            secret, _uri = services.totp_provisioning(user=self.request.user)
            self.request.session[PENDING_SECRET] = secret
        return {"secret": secret}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        secret = self.request.session.get(PENDING_SECRET) or self.get_initial()["secret"]
        import pyotp

        uri = pyotp.TOTP(secret).provisioning_uri(
            name=self.request.user.email, issuer_name="Resguardo"
        )
        context.update(
            secret=secret,
            qr_svg=segno.make(uri, error="m").svg_inline(scale=4),
            required=bool(self.request.GET.get("required")),
            disable_form=TotpDisableForm(),
        )
        return context

    def form_valid(self, form):
        try:
            services.totp_enable(
                user=self.request.user,
                secret=self.request.session.get(PENDING_SECRET, ""),
                code=form.cleaned_data["code"],
            )
        except ValidationError as error:
            form.add_error("code", error.message_dict.get("code", error.messages)[0])
            return self.form_invalid(form)
        self.request.session.pop(PENDING_SECRET, None)
        messages.success(self.request, _("Two-factor authentication is on."))
        return redirect("accounts:profile")


class TotpDisableView(LoginRequiredMixin, View):
    def post(self, request):
        form = TotpDisableForm(request.POST)
        if form.is_valid():
            try:
                services.totp_disable(user=request.user, password=form.cleaned_data["password"])
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect("accounts:profile")
            messages.success(request, _("Two-factor authentication is off."))
        return redirect("accounts:profile")


class ApiTokenListView(LoginRequiredMixin, FormView):
    template_name = "accounts/api_tokens.html"
    form_class = ApiTokenForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tokens"] = self.request.user.api_tokens.all()
        context["new_key"] = self.request.session.pop("resguardo_new_token", None)
        return context

    def form_valid(self, form):
        try:
            _token, key = services.api_token_create(user=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        self.request.session["resguardo_new_token"] = key
        return redirect("accounts:api_tokens")


class ApiTokenRevokeView(LoginRequiredMixin, View):
    def post(self, request, pk):
        token = get_object_or_404(request.user.api_tokens, pk=pk)
        services.api_token_revoke(user=request.user, token=token)
        messages.success(request, _("Token revoked."))
        return redirect("accounts:api_tokens")


class InvitationAcceptView(TemplateView):
    """Join an organization from an invitation link; create the account if needed."""

    template_name = "accounts/invitation.html"

    def dispatch(self, request, token):
        self.token = token
        self.invitation = core_services.invitation_find_open(token)
        if self.invitation is None:
            return render(request, "accounts/invitation_invalid.html", status=404)
        return super().dispatch(request, token)

    def get_context_data(self, **kwargs):
        existing = User.objects.filter(email__iexact=self.invitation.email).exists()
        return super().get_context_data(
            invitation=self.invitation,
            existing_user=existing,
            signup_form=kwargs.get("signup_form") or SignupForm(email=self.invitation.email),
            **kwargs,
        )

    def post(self, request, token):
        user = request.user if request.user.is_authenticated else None
        if user is not None and user.email.lower() != self.invitation.email:
            messages.error(request, _("This invitation was sent to another e-mail address."))
            return redirect("core:dashboard")
        if user is None:
            if User.objects.filter(email__iexact=self.invitation.email).exists():
                return redirect(f"{reverse('accounts:login')}?next={request.path}")
            form = SignupForm(request.POST, email=self.invitation.email)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(signup_form=form))
            user = services.user_create(
                actor=None,
                email=self.invitation.email,
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        try:
            core_services.invitation_accept(user=user, token=self.token)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("core:dashboard")
        if not request.user.is_authenticated:
            return _complete_login(request, user)
        messages.success(request, _("Welcome to %(org)s.") % {"org": self.invitation.organization})
        return redirect("core:dashboard")
