"""The certification's section of the home page."""

from resguardo.core.permissions import Perm, has_perm

from . import selectors


def dashboard_panel(membership) -> dict:
    certification = selectors.main_certification(membership=membership)
    if certification is None and not has_perm(membership, Perm.MANAGE_COMPLIANCE):
        return {"certification_panel": None}
    unmet = selectors.unmet_prerequisites(membership=membership)
    return {
        "certification_panel": {
            "certification": certification,
            "days_left": selectors.days_left(certification),
            "window_open": bool(certification and selectors.renewal_window_open(certification)),
            "unmet": len(unmet),
            "blocking": [row for row in unmet if row.blocking and row.hits],
            "fees_overdue": selectors.fees_overdue(membership=membership).count(),
            "avisos_overdue": selectors.avisos_overdue(membership=membership).count(),
            "requirements_open": selectors.requirements_open(membership=membership).count(),
        }
    }
