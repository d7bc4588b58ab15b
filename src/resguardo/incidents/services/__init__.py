"""Every write of the incidents module.

Services are plain `@transaction.atomic` (composable), not durable: the demo seeds every
module inside one transaction. Only the event handlers' path is durable."""

from .evidence import evidence_add, evidence_view_record
from .intake import (
    anonymous_report,
    anonymous_report_status,
    anonymous_request_allowed,
    incident_open_from_event,
    incident_report,
    reporting_link_for_token,
)
from .investigation import (
    access_grant,
    access_revoke,
    action_add,
    checklist_mark,
    incident_close,
    incident_reopen,
    incident_update,
    note_add,
    person_add,
)
from .notices import notice_add, notice_file, notice_waive, notices_escalate
from .settings import (
    categories_ensure,
    category_create,
    category_update,
    reporting_link_create,
    reporting_link_revoke,
)

__all__ = [
    "access_grant",
    "access_revoke",
    "action_add",
    "anonymous_report",
    "anonymous_report_status",
    "anonymous_request_allowed",
    "categories_ensure",
    "category_create",
    "category_update",
    "checklist_mark",
    "evidence_add",
    "evidence_view_record",
    "incident_close",
    "incident_open_from_event",
    "incident_reopen",
    "incident_report",
    "incident_update",
    "note_add",
    "notice_add",
    "notice_file",
    "notice_waive",
    "notices_escalate",
    "person_add",
    "reporting_link_create",
    "reporting_link_for_token",
    "reporting_link_revoke",
]
