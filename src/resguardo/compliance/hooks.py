"""The compliance section of the home dashboard (declared in apps.py as a Panel)."""


def dashboard_panel(membership) -> dict:
    from .selectors import panel_data

    return panel_data(membership=membership)
