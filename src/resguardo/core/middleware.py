import ipaddress
import re
import time

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware

from .actors import new_request_id
from .observability import bind_request, observe_request, start_request
from .tenancy import choose_membership, usable_memberships

_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{8,64}")

ORGANIZATION_HEADER = "HTTP_X_ORGANIZATION"


def attach_membership(request, user) -> None:
    request.memberships = usable_memberships(user) if user.is_authenticated else []
    membership = choose_membership(user, request.memberships, request.META.get(ORGANIZATION_HEADER))
    request.membership = membership
    request.organization = membership.organization if membership else None


class RequestIdMiddleware:
    """Give every request an id (`request.request_id`, the X-Request-ID answer header).

    A well-formed id sent by the proxy (nginx's $request_id) is kept so its log and ours join;
    anything else is replaced, never echoed back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        sent = request.META.get("HTTP_X_REQUEST_ID", "")
        request.request_id = sent if _REQUEST_ID.fullmatch(sent) else new_request_id()
        start_request(request.request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        observe_request(request, response, started)
        return response


class ClientAddressMiddleware:
    """Behind trusted proxies, REMOTE_ADDR becomes the client's address from X-Forwarded-For.

    The header is read right to left, skipping trusted proxies; the first other address is
    the client (anything further left was written by the client and proves nothing). From an
    address that is not a trusted proxy the header is ignored. The proxy's own address stays
    in `request.META["RESGUARDO_PROXY_ADDR"]`.
    """

    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.trusted = [ipaddress.ip_network(p, strict=False) for p in settings.TRUSTED_PROXIES]

    def _is_trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address.strip())
        except ValueError:
            return False
        return any(ip in network for network in self.trusted)

    def __call__(self, request):
        peer = request.META.get("REMOTE_ADDR", "")
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if self.trusted and forwarded and self._is_trusted(peer):
            for hop in reversed([h.strip() for h in forwarded.split(",")[-20:]]):
                if self._is_trusted(hop):
                    continue
                try:
                    client = str(ipaddress.ip_address(hop))
                except ValueError:
                    break  # a garbled hop: keep the proxy's address, never a made-up one
                request.META["RESGUARDO_PROXY_ADDR"] = peer
                request.META["REMOTE_ADDR"] = client
                break
        return self.get_response(request)


class IdleSessionMiddleware(SessionMiddleware):
    """A session ends after SESSION_COOKIE_AGE seconds without a request (an idle timeout).

    Django's SESSION_SAVE_EVERY_REQUEST restarts that clock with a database write on every
    page view; this restarts it when the last restart is SESSION_TOUCH_SECONDS old or more,
    so a session in use is written about once a minute and still ends within a minute of
    the configured idle time.
    """

    TOUCHED = "_touched"

    def process_response(self, request, response):
        session = getattr(request, "session", None)
        in_use = session is not None and session.accessed and session.session_key is not None
        if in_use and not session.modified:
            now = int(time.time())
            if now - session.get(self.TOUCHED, 0) >= settings.SESSION_TOUCH_SECONDS:
                session[self.TOUCHED] = now
        return super().process_response(request, response)


class TenancyMiddleware:
    """Attach `request.membership` and `request.organization` for a logged-in user.

    API clients using a token authenticate after middleware runs; the API's permission
    class calls `attach_membership` again for them (core.api.permissions).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = None
        request.organization = None
        if request.user.is_authenticated:
            attach_membership(request, request.user)
            bind_request(
                user_id=request.user.pk,
                organization_id=request.organization.pk if request.organization else None,
            )
        return self.get_response(request)


class PrivateResponsesMiddleware:
    """What a signed-in user is shown (pages, API answers, files, exports) is theirs alone: no
    shared cache and no copy left in the browser's cache on a shared computer. Views that set
    their own Cache-Control keep it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-store"
        return response


CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# The API documentation page is drf-spectacular's bundled Swagger UI, which starts itself from
# an inline <script>: it gets the same policy with inline scripts allowed.
INLINE_SCRIPT_URL_NAMES = {"api:docs"}
CONTENT_SECURITY_POLICY_INLINE_SCRIPTS = CONTENT_SECURITY_POLICY.replace(
    "script-src 'self'", "script-src 'self' 'unsafe-inline'"
)


class ContentSecurityPolicyMiddleware:
    """Every answer says where its page may load scripts, styles and images from (this site
    only) and that no other site may frame it: an injected <script> or inline handler does
    not run. Views that set their own policy keep it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Content-Security-Policy"):
            return response
        match = getattr(request, "resolver_match", None)
        inline = match is not None and match.view_name in INLINE_SCRIPT_URL_NAMES
        response["Content-Security-Policy"] = (
            CONTENT_SECURITY_POLICY_INLINE_SCRIPTS if inline else CONTENT_SECURITY_POLICY
        )
        return response


class CleanTextInputMiddleware:
    """Form posts (pages and API alike) arrive without control characters: they mean nothing
    in the text people type and break the Excel exports that carry it (core.text). JSON
    bodies are cleaned by the API's parsers (core.api.parsers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            from .text import CONTROL_CHARACTERS, clean_input

            post = request.POST
            if any(CONTROL_CHARACTERS.search(v) for vs in post.lists() for v in vs[1]):
                request.POST = clean_input(post)
        return self.get_response(request)
