"""Domain events this module publishes."""

from dataclasses import dataclass

from resguardo.core.security_events import SecurityEventReported


@dataclass(frozen=True)
class CyberEventReported(SecurityEventReported, name="infosec.cyber_event_reported"):
    """A phishing, malware, intrusion or leak recorded in the register: the incidents module
    opens one incident per `source_key` ("infosec.cyber_event:<pk>")."""

    cyber_kind: str = ""  # infosec.choices.CyberEventKind
    system_name: str = ""
