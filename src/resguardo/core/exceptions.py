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
