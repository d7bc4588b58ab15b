from .committee import CommitteeDecision, CommitteeMeeting, CommitteeMember
from .plans import ContingencyPlan, Drill, PlanContact
from .policies import Policy, PolicyAcknowledgement, PolicyVersion
from .register import RegisterReview, Risk, RiskScale, ThreatCategory

__all__ = [
    "CommitteeDecision",
    "CommitteeMeeting",
    "CommitteeMember",
    "ContingencyPlan",
    "Drill",
    "PlanContact",
    "Policy",
    "PolicyAcknowledgement",
    "PolicyVersion",
    "RegisterReview",
    "Risk",
    "RiskScale",
    "ThreatCategory",
]
