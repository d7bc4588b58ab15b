"""Security events facilities publishes for the incidents module (one incident per record)."""

from dataclasses import dataclass

from resguardo.core.security_events import SecurityEventReported


@dataclass(frozen=True)
class CheckSecurityEvent(SecurityEventReported, name="facilities.check_security_event"):
    """A scheduled check or round found a security event (a cut fence, a forced door...)."""
