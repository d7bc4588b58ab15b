"""The one view for a button that calls a service: POST only, errors shown as messages,
a redirect for a page and the partial for htmx."""

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from django.utils import translation

from resguardo.core.views.actions import ServiceActionView


class Button(ServiceActionView):
    success_message = "Done."
    outcome = None

    def act(self, request):
        if self.outcome is not None:
            raise self.outcome

    def redirect_to(self):
        return "/back/"


def _post(world, view, *, htmx=False, method="post"):
    request = getattr(RequestFactory(), method)(
        "/button/", **({"HTTP_HX_REQUEST": "true"} if htmx else {})
    )
    request.user = world.alice
    request.membership = world.membership(world.alice)
    request.session = {}
    request._messages = FallbackStorage(request)
    request.htmx = htmx
    with translation.override("en"):
        response = view(request)
    return request, response


def _texts(request):
    return [str(m) for m in get_messages(request)]


def test_success_goes_back_with_the_message(world):
    request, response = _post(world, Button.as_view())
    assert response.status_code == 302 and response["Location"] == "/back/"
    assert _texts(request) == ["Done."]


def test_a_service_refusal_comes_back_as_an_error_message(world):
    view = Button.as_view(outcome=ValidationError({"site": "Not your site."}))
    request, response = _post(world, view)
    assert response.status_code == 302
    assert _texts(request) == ["Not your site."]


def test_permission_denied_is_a_403_unless_shown_as_a_message(world):
    with pytest.raises(PermissionDenied):
        _post(world, Button.as_view(outcome=PermissionDenied("No.")))
    view = Button.as_view(outcome=PermissionDenied("No."), refusal_as_message=True)
    request, response = _post(world, view)
    assert response.status_code == 302 and _texts(request) == ["No."]


def test_htmx_gets_the_partial_with_the_messages(world):
    view = Button.as_view(
        outcome=ValidationError("Not now."), partial_template_name="core/partials/_messages.html"
    )
    _request, response = _post(world, view, htmx=True)
    assert response.status_code == 200
    assert "Not now." in response.content.decode()


def test_get_is_not_allowed(world):
    _request, response = _post(world, Button.as_view(), method="get")
    assert response.status_code == 405
