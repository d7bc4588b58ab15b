from .badges import Badge
from .gate import DeniedPerson, GatePolicy, Visit

__all__ = ["Badge", "DeniedPerson", "GatePolicy", "Visit"]
