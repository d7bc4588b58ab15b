"""No menu entry, link or button leads a persona to a page it is refused.

Each of Norte's personas starts at the home page and follows every link (and GET form) it is
shown, page after page, within the site; every POST button it is shown is pressed too, inside
a transaction that is rolled back. None may answer 403. Each URL pattern is visited a few
times at most (with different objects), so the walk stays short as data grows.
"""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import Resolver404, resolve

from resguardo.testing.transactions import atomic_as_testcase

PERSONAS = ["alice", "carla", "sam", "sofia", "audrey"]
VISITS_PER_PATTERN = 2
SKIPPED_PREFIXES = ("/static/", "/media/", "/accounts/logout", "/i18n/", "/organizations/switch")


class Controls(HTMLParser):
    """The links, GET forms and POST forms of one page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.posts: list[tuple[str, dict]] = []
        self._form = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            method = (attrs.get("method") or "get").lower()
            action = attrs.get("action") or ""
            if method == "get":
                self.links.append(action)
            else:
                self._form = (action, {})
                self.posts.append(self._form)
        elif (
            tag == "input"
            and self._form is not None
            and attrs.get("type") == "hidden"
            and attrs.get("name") not in (None, "csrfmiddlewaretoken")
        ):
            self._form[1][attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


class Rollback(Exception):
    pass


def pattern_of(path: str):
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def walk_as(client, start="/"):
    """Visit everything reachable from `start`; return [(url, status, found on)] refused."""
    refused, seen, per_pattern = [], set(), {}
    queue = [(start, "start")]
    pressed = set()
    while queue:
        url, source = queue.pop(0)
        path = urlsplit(url).path
        if url in seen or not path.startswith("/") or path.startswith(SKIPPED_PREFIXES):
            continue
        seen.add(url)
        name = pattern_of(path)
        if name is None or name.startswith("api:") and not name.endswith(("docs", "schema")):
            continue
        visited = per_pattern.setdefault(name, set())
        if len(visited) >= VISITS_PER_PATTERN:
            continue
        visited.add(url)
        response = client.get(url)
        if response.status_code == 403:
            refused.append((url, 403, source))
            continue
        if "text/html" not in response.get("Content-Type", "") or response.streaming:
            continue
        page = Controls()
        page.feed(response.content.decode())
        for href in page.links:
            target = urljoin(url, href).split("#")[0]
            if urlsplit(target).netloc in ("", "testserver"):
                queue.append((urlsplit(target)._replace(scheme="", netloc="").geturl(), url))
        for action, data in page.posts:
            target = urlsplit(urljoin(url, action or url)).path
            if target in pressed or target.startswith(SKIPPED_PREFIXES):
                continue
            pressed.add(target)
            try:
                with atomic_as_testcase():
                    status = client.post(target, data).status_code
                    raise Rollback
            except Rollback:
                pass
            if status == 403:
                refused.append((target, "POST 403", url))
    return refused, seen


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_link_or_button_leads_to_a_refused_page(walk, client_for, persona):  # noqa: F811
    client = client_for(getattr(walk, persona))
    # This walk is about refusals; a server error on a button is another test's business.
    client.raise_request_exception = False
    refused, seen = walk_as(client)
    assert len(seen) > 40  # the walk really went through the product
    assert refused == [], refused
