from .tenancy import resolve_membership

ORGANIZATION_HEADER = "HTTP_X_ORGANIZATION"


def attach_membership(request, user) -> None:
    membership = resolve_membership(user, request.META.get(ORGANIZATION_HEADER))
    request.membership = membership
    request.organization = membership.organization if membership else None


class TenancyMiddleware:
    """Attach `request.membership` and `request.organization` for a logged-in user.

    API clients using a token authenticate after middleware runs; the API's permission
    class calls `attach_membership` again for them (core.api.permissions).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = None
        request.organization = None
        if request.user.is_authenticated:
            attach_membership(request, request.user)
        return self.get_response(request)
