"""How a signed version's changes read on a page: field names and coded values in words."""

from .catalog import SHIPPED
from .choices import RiskStatus, Treatment
from .models import Risk

CODED = {"treatment": Treatment, "status": RiskStatus}
FIELD_NAMES = {"threat_id": "threat"}


def _shown(name, value, threats: dict):
    if value in (None, ""):
        return "—"
    if name == "threat_id":
        return threats.get(value, value)
    if name in CODED:
        try:
            return str(CODED[name](value).label)
        except ValueError:
            return value
    return value


def readable_changes(changes: dict, *, organization) -> list[dict]:
    """The changed risks of `changes`, each with (label, before, after) per field."""
    from .models import ThreatCategory

    wanted = {
        value
        for row in changes.get("changed", [])
        for value in row["fields"].get("threat_id", [])
        if value is not None
    }
    threats = {
        t.pk: t.label
        for t in ThreatCategory.objects.filter(organization=organization, pk__in=wanted)
    }
    shown = []
    for row in changes.get("changed", []):
        fields = []
        for name, (before, after) in row["fields"].items():
            label = Risk._meta.get_field(FIELD_NAMES.get(name, name)).verbose_name
            fields.append(
                (
                    str(label).capitalize(),
                    _shown(name, before, threats),
                    _shown(name, after, threats),
                )
            )
        shown.append({"code": row["code"], "title": row["title"], "fields": fields})
    return shown


def threat_label(row: dict) -> str:
    """A frozen row's threat in the reader's language when it kept its shipped name."""
    if row.get("threat_name"):
        return row["threat_name"]
    shipped = SHIPPED.get(row.get("threat_key", ""))
    return str(shipped.name) if shipped else row.get("threat", "")


def readable_rows(rows: list[dict]) -> list[dict]:
    return [{**row, "threat": threat_label(row)} for row in rows]
