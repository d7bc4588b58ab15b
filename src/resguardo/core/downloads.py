"""Sending stored files (documents, photos, evidence) back to the people allowed to read them."""

from django.http import FileResponse, Http404


def stored_file_response(field_file, *, content_type: str, filename: str, attachment=True):
    """Send a stored file with the content type checked at upload (never a guessed one)."""
    if not field_file:
        raise Http404
    response = FileResponse(
        field_file.open("rb"),
        as_attachment=attachment,
        filename=filename,
        content_type=content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, no-store"  # evidence must not linger in caches
    return response
