"""Security events facilities publishes for the incidents module (one incident per record)."""

from dataclasses import dataclass

from resguardo.core.security_events import SecurityEventReported


@dataclass(frozen=True)
class CheckSecurityEvent(SecurityEventReported, name="facilities.check_security_event"):
    """A scheduled check or round found a security event (a cut fence, a forced door...)."""


@dataclass(frozen=True)
class PersonChallenged(SecurityEventReported, name="facilities.person_challenged"):
    """An unauthorized person or vehicle was challenged and removed (3.3)."""


@dataclass(frozen=True)
class SuspiciousPackageReceived(SecurityEventReported, name="facilities.suspicious_package"):
    """A received package showed signs of being suspicious (3.4)."""
