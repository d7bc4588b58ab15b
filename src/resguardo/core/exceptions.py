from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class ConcurrentEditError(ValidationError):
    """Someone else saved the record after the user opened it."""

    def __init__(self, message=None, *, instance=None):
        super().__init__(
            message
            or _(
                "Someone else changed this record after you opened it. Your changes were not "
                "saved: reload to see their version, then apply yours again."
            ),
            code="conflict",
        )
        # The row whose save was refused, so a form can show what is stored now.
        self.instance = instance


class FrozenRecordError(ValidationError):
    def __init__(self, message=None):
        super().__init__(message or _("This record is frozen and cannot change."), code="frozen")


class OtherOrganizationError(ValidationError):
    """A record of another organization reached a service (a forged or stale id).

    Selectors already answer 404 for another organization's ids; a service that is handed
    such a record anyway refuses it as invalid input, under `field` when one is named.
    """

    def __init__(self, message=None, *, field=None):
        error = ValidationError(
            message or _("This record belongs to another organization."),
            code="other_organization",
        )
        super().__init__({field: [error]} if field else error)
