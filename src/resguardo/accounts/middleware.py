from django.shortcuts import redirect
from django.urls import reverse

EXEMPT_PREFIXES = ("/accounts/", "/static/", "/healthz", "/i18n/", "/api/")


class MfaEnforcementMiddleware:
    """Send members of an organization that requires two-factor authentication to set it up
    before they use anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        membership = getattr(request, "membership", None)
        if (
            membership is not None
            and membership.organization.require_mfa
            and not request.user.totp_enabled
            and not request.path.startswith(EXEMPT_PREFIXES)
        ):
            return redirect(reverse("accounts:totp_setup") + "?required=1")
        return self.get_response(request)
