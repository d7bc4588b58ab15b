from .checks import BackgroundCheck, CheckItem
from .departures import Departure, DepartureItem
from .register import (
    Acknowledgement,
    CheckItemType,
    PeoplePolicy,
    Person,
    PersonnelImport,
    PersonPhoto,
    Post,
)
from .training import Attendance, Course, PostCourse, TrainingSession

__all__ = [
    "Acknowledgement",
    "Attendance",
    "BackgroundCheck",
    "CheckItem",
    "CheckItemType",
    "Course",
    "Departure",
    "DepartureItem",
    "PeoplePolicy",
    "Person",
    "PersonPhoto",
    "PersonnelImport",
    "Post",
    "PostCourse",
    "TrainingSession",
]
