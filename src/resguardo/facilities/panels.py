"""The facilities section of the home page: who is inside, badges out without a visitor."""

from resguardo.core.permissions import Perm, has_perm

from . import selectors


def dashboard_panel(membership) -> dict:
    if not has_perm(membership, Perm.VIEW):
        return {"facilities": None}
    return {"facilities": selectors.badge_figures(membership=membership)}
