"""The register's heat map: risks counted by likelihood and impact on the organization's scale."""

from django.utils.translation import gettext as _

from resguardo.core.charts import BAD, OK, WARN, heat_map

from .choices import RiskLevel
from .scale import level_of

LEVEL_COLORS = {RiskLevel.LOW: OK, RiskLevel.MEDIUM: WARN, RiskLevel.HIGH: BAD}


def register_heat_map(counts, scale, *, title: str) -> str:
    return heat_map(
        counts,
        rows=scale.likelihood_levels,
        cols=scale.impact_levels,
        title=title,
        color_of=lambda row, col: LEVEL_COLORS[level_of(row * col, scale)],
        row_label=_("Likelihood"),
        col_label=_("Impact"),
    )


def scale_of_snapshot(snapshot: dict):
    """The scale a frozen version was rated on, as an unsaved RiskScale."""
    from .models import RiskScale

    values = snapshot.get("scale") or {}
    return RiskScale(**values) if values else RiskScale()
