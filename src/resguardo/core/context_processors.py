from .modules import TOPBAR, panels_for
from .navigation import sidenav_html
from .permissions import perm_names
from .tenancy import current_memberships


def tenancy(request):
    membership = getattr(request, "membership", None)
    if membership is None:
        return {"membership": None, "perms_in_org": frozenset()}
    return {
        "membership": membership,
        "organization": membership.organization,
        "perms_in_org": perm_names(membership.role),
        "switchable_memberships": getattr(request, "memberships", None)
        or current_memberships(request.user),
        # callables: the template calls them only on full pages (base.html), never for partials
        "sidenav": lambda: sidenav_html(membership),
        "topbar_panels": lambda: panels_for(TOPBAR, membership),
    }
