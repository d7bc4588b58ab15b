from django.core.exceptions import ValidationError
from django.http import Http404

EXPORT_FORMATS = ("csv", "xlsx")


def form_errors_from(error: ValidationError, form) -> None:
    """Put a service's ValidationError on a form (fields where it names them)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for e in errors:
                form.add_error(target, e)
    else:
        form.add_error(None, error)


def export_format(request) -> str:
    value = request.GET.get("format", "csv")
    if value not in EXPORT_FORMATS:
        raise Http404
    return value
