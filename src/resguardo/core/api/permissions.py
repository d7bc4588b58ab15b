from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from ..middleware import attach_membership
from ..permissions import Perm, has_perm


class IsOrganizationMember(permissions.BasePermission):
    """Authenticated, with a current membership in the organization the request acts for.

    Reads need VIEW; writes need the view's `write_perm` (default MANAGE_COMPLIANCE).
    """

    message = _("You are not a current member of this organization.")

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        django_request = request._request
        if getattr(django_request, "membership", None) is None or (
            django_request.membership.user_id != request.user.pk
        ):
            attach_membership(django_request, request.user)
        request.membership = django_request.membership
        membership = request.membership
        if membership is None:
            return False
        if membership.organization.require_mfa and not request.user.totp_enabled:
            # As the UI's MfaEnforcementMiddleware: no way around it with a token.
            self.message = _(
                "Your organization requires two-factor authentication: turn it on under "
                "“Your account” before using the API."
            )
            return False
        if request.method in permissions.SAFE_METHODS:
            needed = getattr(view, "read_perm", Perm.VIEW)
        else:
            needed = getattr(view, "write_perm", Perm.MANAGE_COMPLIANCE)
        if has_perm(membership, needed):
            return True
        self.message = _("Your role does not allow this action.")  # a member, but not this role
        return False


class IsAuthenticatedUser(permissions.IsAuthenticated):
    """For endpoints about the user themself (profile, tokens), outside any organization."""
