from .badges import Badge
from .checks import Checkpoint, CheckRun, CheckType, RoundScan
from .gate import DeniedPerson, GatePolicy, Visit
from .sites import Camera, SiteProfile

__all__ = [
    "Badge",
    "Camera",
    "CheckRun",
    "CheckType",
    "Checkpoint",
    "DeniedPerson",
    "GatePolicy",
    "RoundScan",
    "SiteProfile",
    "Visit",
]
