"""Other apps add sections to the shipment page without shipments importing them.

    # conveyance/apps.py ready()
    register_shipment_panel("conveyance/partials/_shipment_panel.html", seals_for_shipment)

The context function receives (membership, shipment) and returns a dict for the template.
"""

_PANELS: list[tuple[str, object]] = []


def register_shipment_panel(template_name: str, context_function) -> None:
    if (template_name, context_function) not in _PANELS:
        _PANELS.append((template_name, context_function))


def shipment_panels(membership, shipment) -> list[dict]:
    return [
        {"template": template, **function(membership, shipment)} for template, function in _PANELS
    ]
