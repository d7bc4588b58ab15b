"""Who may see and change information-security records.

Everything in this module is confidential (standard 9.1: a restricted archive): the systems
the agency runs, who holds which account, the e.firma's custodian and the cyber events. It is
read by administrators, compliance officers and auditors, and kept from site managers and
staff (their pages and API answer 403, their menu has no entry).

Core's role table gives exactly those three roles `Perm.READ_CONFIDENTIAL`, the permission
for confidential records (the evidence vault uses it too); the menu filter, the page mixin
and the API permission take a `Perm`, so this module gates its reads on it (`READ_PERM`).

Administrators and compliance officers change the records (`MANAGE_PERM`); applying a revoked
Resguardo membership additionally needs core's `Perm.MANAGE_ORGANIZATION` (administrators),
because core's membership service decides that.
"""

from resguardo.core.permissions import Perm, has_perm, require_perm

READ_PERM = Perm.READ_CONFIDENTIAL
MANAGE_PERM = Perm.MANAGE_COMPLIANCE


def can_read(membership) -> bool:
    return has_perm(membership, READ_PERM)


def can_manage(membership) -> bool:
    return has_perm(membership, MANAGE_PERM) and can_read(membership)


def require_read(membership) -> None:
    require_perm(membership, READ_PERM)


def require_manage(membership) -> None:
    require_perm(membership, READ_PERM)
    require_perm(membership, MANAGE_PERM)
