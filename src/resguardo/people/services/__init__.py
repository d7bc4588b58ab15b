from .checks import check_clear, check_item_record, check_reject, check_start
from .departures import departure_item_resolve, departure_record
from .imports import people_import
from .register import (
    acknowledgement_record,
    catalog_seed,
    check_item_type_create,
    person_create,
    person_file_read,
    person_photo_add,
    person_update,
    personnel_exported,
    policy_update,
    post_create,
    post_update,
)
from .training import attendance_add, course_create, session_create

__all__ = [
    "acknowledgement_record",
    "attendance_add",
    "catalog_seed",
    "check_clear",
    "check_item_record",
    "check_item_type_create",
    "check_reject",
    "check_start",
    "course_create",
    "departure_item_resolve",
    "departure_record",
    "people_import",
    "person_create",
    "person_file_read",
    "person_photo_add",
    "person_update",
    "personnel_exported",
    "policy_update",
    "post_create",
    "post_update",
    "session_create",
]
