from .badges import Badge
from .checks import Checkpoint, CheckRun, CheckType, RoundScan
from .gate import DeniedPerson, GatePolicy, Visit
from .gate_events import Challenge, Guard, GuardShift, Package
from .keys import Key, KeyAudit
from .sites import Camera, SiteProfile

__all__ = [
    "Badge",
    "Camera",
    "Challenge",
    "CheckRun",
    "CheckType",
    "Checkpoint",
    "DeniedPerson",
    "GatePolicy",
    "Guard",
    "GuardShift",
    "Key",
    "KeyAudit",
    "Package",
    "RoundScan",
    "SiteProfile",
    "Visit",
]
