"""The live indicators of a requirement, as the page, the PDF report and the API show them.

The catalog names indicator keys of every module of the design, some of which are not
installed yet (`people.*`, `incidents.*`...). Those come back `unavailable`, with a readable
label and the module their records will come from, instead of a raw key.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resguardo.core.indicators import Status, read_indicators

UNAVAILABLE = "unavailable"

# Modules of the design that are not installed yet, and what their indicators will measure.
PLANNED_MODULES = {
    "facilities": gettext_lazy("Physical security and access"),
    "incidents": gettext_lazy("Incidents"),
    "infosec": gettext_lazy("Information security"),
    "people": gettext_lazy("Personnel and training"),
    "risks": gettext_lazy("Risk analysis"),
}
PLANNED_LABELS = {
    "facilities.physical_checks_current": gettext_lazy(
        "Sites with a current physical security check"
    ),
    "facilities.visitor_log_complete": gettext_lazy("Visitor log entries complete"),
    "facilities.badges_current": gettext_lazy("Badges current and accounted for"),
    "incidents.notice_timeliness": gettext_lazy("Incidents notified to the authority on time"),
    "incidents.open_investigations": gettext_lazy("Open incident investigations"),
    "infosec.access_review_age": gettext_lazy("Days since the last access review"),
    "infosec.backup_restore_tested": gettext_lazy("Backup restore tested"),
    "infosec.mfa_coverage": gettext_lazy("Users with two-factor authentication"),
    "people.background_checks_current": gettext_lazy(
        "Staff with a background check under 12 months old"
    ),
    "people.offboarding_access_removed": gettext_lazy(
        "Departures whose access was removed on time"
    ),
    "people.training_coverage": gettext_lazy("Staff trained in security and awareness"),
    "risks.assessment_age": gettext_lazy("Days since the last risk analysis"),
    "risks.contingency_drill_age": gettext_lazy("Days since the last contingency drill"),
}


@dataclass(frozen=True)
class IndicatorLine:
    key: str
    label: str
    status: str  # met, not_met, no_data or unavailable
    status_label: str
    value: float | None = None
    unit: str = ""
    target: float | None = None
    direction: str = ""
    detail: str = ""
    note: str = ""  # why there is no reading


def _status_label(status: str) -> str:
    return {
        Status.MET: _("Target met"),
        Status.NOT_MET: _("Below target"),
        Status.NO_DATA: _("No data yet"),
        UNAVAILABLE: _("Not measured yet"),
    }[status]


def _unavailable(key: str) -> IndicatorLine:
    prefix = key.split(".", 1)[0]
    label = PLANNED_LABELS.get(key)
    if label is None:
        # A key no list here knows: its own words, readable enough to recognise.
        label = key.split(".", 1)[-1].replace("_", " ").capitalize()
    module = PLANNED_MODULES.get(prefix)
    if module is not None:
        note = _(
            "The records that measure it come from the module “%(module)s”, which is not "
            "installed yet."
        ) % {"module": module}
    else:
        note = _("The records that measure it come from a module that is not installed yet.")
    return IndicatorLine(
        key=key, label=str(label), status=UNAVAILABLE, status_label=_status_label(UNAVAILABLE),
        note=note,
    )  # fmt: skip


def indicator_lines(keys, *, organization, site=None, cache=None) -> list[IndicatorLine]:
    """One line per indicator key, in the catalog's order. `cache` (a dict) lets a report of
    many requirements compute each indicator once."""
    cache = {} if cache is None else cache
    missing = [key for key in dict.fromkeys(keys) if key not in cache]
    for result in read_indicators(missing, organization=organization, site=site):
        if result.indicator is None:
            cache[result.key] = _unavailable(result.key)
            continue
        indicator, reading = result.indicator, result.reading
        cache[result.key] = IndicatorLine(
            key=result.key,
            label=str(indicator.label),
            status=str(result.status),
            status_label=_status_label(result.status),
            value=reading.value,
            unit=str(indicator.unit),
            target=indicator.target,
            direction=str(indicator.direction),
            detail=str(reading.detail or ""),
        )
    return [cache[key] for key in dict.fromkeys(keys)]


def fill_report_indicators(data, *, organization, site=None) -> None:
    """Attach the indicator lines to every requirement of an assessment report."""
    cache: dict = {}
    for section in data.sections:
        for item in section.requirements:
            item.indicators = indicator_lines(
                item.result.node.indicators, organization=organization, site=site, cache=cache
            )
