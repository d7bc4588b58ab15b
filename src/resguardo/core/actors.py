"""Who is acting: the one object every service receives as `actor`.

A service used to take `actor` (the user) and `membership` as two arguments repeated at every
call; the pair travels together, with the request id that ties the audit entry and the log
lines of one request together.

    actor = Actor.from_request(request)          # a page or an API view
    actor = Actor.system(organization)           # an event handler, a scheduled job
    seal_apply(actor=actor, seal=seal, ...)

`actor.user` is None for system actors; `actor.organization` is always set for members and
system actors of an organization. Someone without an account who acts through a private link
(a partner answering a questionnaire) is `Actor.external(organization, label=...)`: no user,
and the label is what the audit log shows instead of "system".
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Actor:
    user: Any = None  # accounts.User, or None for the system
    membership: Any = None  # core.Membership, or None (system, or a user outside any org)
    request_id: str = ""
    system_organization: Any = None  # set only for system and external actors
    label: str = ""  # what the audit log calls an actor without a user ("system" when empty)

    @property
    def organization(self):
        if self.membership is not None:
            return self.membership.organization
        return self.system_organization

    @property
    def is_system(self) -> bool:
        return self.user is None and not self.label

    @classmethod
    def from_request(cls, request) -> Actor:
        user = request.user if request.user.is_authenticated else None
        return cls(
            user=user,
            membership=getattr(request, "membership", None),
            request_id=getattr(request, "request_id", ""),
        )

    @classmethod
    def for_member(cls, membership, *, request_id: str = "") -> Actor:
        """A member acting outside a request (a command, a test, the demo seeder)."""
        return cls(user=membership.user, membership=membership, request_id=request_id)

    @classmethod
    def system(cls, organization, *, request_id: str = "") -> Actor:
        """Resguardo itself acting for an organization (event handlers, scheduled jobs)."""
        return cls(system_organization=organization, request_id=request_id or new_request_id())

    @classmethod
    def external(cls, organization, *, label: str, request_id: str = "") -> Actor:
        """Someone without an account acting through a private link, named by `label`."""
        return cls(
            system_organization=organization,
            label=label,
            request_id=request_id or new_request_id(),
        )

    @classmethod
    def of(cls, value) -> Actor:
        """An Actor from what older callers pass: an Actor, a bare user, or None (system)."""
        if isinstance(value, Actor):
            return value
        return cls(user=value)

    def audit_label(self) -> str:
        if self.user is not None:
            return str(self.user)
        return str(self.label) if self.label else "system"


def new_request_id() -> str:
    return uuid.uuid4().hex
