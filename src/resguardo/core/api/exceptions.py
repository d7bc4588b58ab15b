from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from ..exceptions import ConcurrentEditError


def _messages(error: DjangoValidationError):
    if hasattr(error, "error_dict"):
        return {
            field: [str(m) for e in errs for m in e.messages]
            for field, errs in error.error_dict.items()
        }
    return {"detail": [str(m) for m in error.messages]}


def exception_handler(exc, context):
    """Domain errors from services become clear API answers: 400, 403 or 409."""
    if isinstance(exc, ConcurrentEditError):
        return Response(_messages(exc), status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DjangoValidationError):
        return Response(_messages(exc), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, OverflowError):
        # A number beyond what a database column holds (SQLite refuses it outright; the
        # serializers and filters take any whole number).
        detail = _("A number in the request is too large.")
        return Response({"detail": [detail]}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, PermissionDenied):
        return Response({"detail": str(exc) or _("Forbidden")}, status=status.HTTP_403_FORBIDDEN)
    return drf_exception_handler(exc, context)
