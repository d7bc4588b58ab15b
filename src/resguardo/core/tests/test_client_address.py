"""Behind nginx, the client's address comes from X-Forwarded-For, but only from the proxy."""

from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from resguardo.core.middleware import ClientAddressMiddleware


def _seen(remote_addr, forwarded=None, trusted=("127.0.0.1", "10.0.0.0/8")):
    with override_settings(TRUSTED_PROXIES=list(trusted)):
        seen = {}

        def view(request):
            seen["addr"] = request.META["REMOTE_ADDR"]
            return HttpResponse()

        headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
        request = RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers)
        ClientAddressMiddleware(view)(request)
        return seen["addr"]


def test_the_client_behind_a_trusted_proxy():
    assert _seen("127.0.0.1", "203.0.113.9") == "203.0.113.9"
    # a chain of proxies: the rightmost address that is not a trusted proxy
    assert _seen("127.0.0.1", "198.51.100.7, 203.0.113.9, 10.1.2.3") == "203.0.113.9"


def test_a_forged_header_proves_nothing():
    # sent straight to the app server, not through the proxy: ignored
    assert _seen("198.51.100.20", "203.0.113.9") == "198.51.100.20"
    # a client writing its own X-Forwarded-For through the proxy: nginx appends the real one
    assert _seen("127.0.0.1", "1.2.3.4, 203.0.113.9") == "203.0.113.9"
    # garbage: the proxy's address stays, never a made-up one
    assert _seen("127.0.0.1", "not-an-address") == "127.0.0.1"


def test_without_trusted_proxies_the_header_is_ignored():
    assert _seen("127.0.0.1", "203.0.113.9", trusted=()) == "127.0.0.1"
