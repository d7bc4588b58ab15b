"""Events the people module publishes."""

from dataclasses import dataclass

from resguardo.core.security_events import SecurityEventReported


@dataclass(frozen=True)
class DepartureItemMissing(SecurityEventReported, name="people.departure_item_missing"):
    """A departing person did not give back a badge, key, gafete or seal: an incident file."""
