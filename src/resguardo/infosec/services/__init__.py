"""Every write of the infosec module. Services take `*, actor: core.actors.Actor`."""

from .credentials import credential_log, credential_register, credential_update
from .documents import disposal_record, document_type_create, document_type_update
from .imports import accounts_import
from .reviews import review_decide, review_sign, review_start
from .security import cyber_event_report, cyber_event_update
from .systems import (
    account_create,
    account_update,
    builtin_system_ensure,
    restore_test_record,
    system_create,
    system_update,
)

__all__ = [
    "account_create",
    "account_update",
    "accounts_import",
    "builtin_system_ensure",
    "credential_log",
    "credential_register",
    "credential_update",
    "cyber_event_report",
    "cyber_event_update",
    "disposal_record",
    "document_type_create",
    "document_type_update",
    "restore_test_record",
    "review_decide",
    "review_sign",
    "review_start",
    "system_create",
    "system_update",
]
