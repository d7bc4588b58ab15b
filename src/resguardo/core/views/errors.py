"""Error pages: under the API, an address that matches no endpoint and an unexpected failure
answer JSON, like the API; a client reading JSON never receives an HTML page."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found, server_error

API_PREFIX = "/api/"


def not_found(request, exception=None):
    if request.path.startswith(API_PREFIX):
        # Translators: the same words as the REST framework's own "Not found."
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return page_not_found(request, exception)


def failed(request):
    if request.path.startswith(API_PREFIX):
        # Translators: the body of an API answer when the server failed unexpectedly.
        return JsonResponse({"detail": _("Something went wrong on our side.")}, status=500)
    return server_error(request)
