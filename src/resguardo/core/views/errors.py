"""Error pages: an address under the API that matches no endpoint answers JSON, like the API."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found

API_PREFIX = "/api/"


def not_found(request, exception=None):
    if request.path.startswith(API_PREFIX):
        # Translators: the same words as the REST framework's own "Not found."
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return page_not_found(request, exception)
