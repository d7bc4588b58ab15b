"""What the compliance app adds to the home page (declared in apps.py): its panel and the
readiness of each standard on the standard cards."""


def dashboard_panel(membership) -> dict:
    from .selectors import panel_data

    return panel_data(membership=membership)


def standard_readiness(membership) -> dict:
    from .selectors import standard_readiness as readiness

    return readiness(membership=membership)
