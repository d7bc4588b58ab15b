from .mailbox import mailbox_enabled
from .modules import TOPBAR, panels_for
from .navigation import main_navigation, standards_navigation
from .permissions import ROLE_PERMISSIONS
from .tenancy import current_memberships


def tenancy(request):
    membership = getattr(request, "membership", None)
    if membership is None:
        return {"membership": None, "perms_in_org": frozenset()}
    return {
        "membership": membership,
        "organization": membership.organization,
        "perms_in_org": {p.value for p in ROLE_PERMISSIONS.get(membership.role, ())},
        "switchable_memberships": current_memberships(request.user),
        "standards_nav": standards_navigation(membership),
        "main_nav_links": main_navigation(membership),
        "mailbox_enabled": mailbox_enabled(),
        # a callable: the template calls it only on full pages (base.html), never for partials
        "topbar_panels": lambda: panels_for(TOPBAR, membership),
    }
