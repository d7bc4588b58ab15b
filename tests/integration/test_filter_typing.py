"""The filter bar above every list refreshes the rows while one types in any text-like field
(partner name, number, RFC...), not only in search boxes, and not only on Enter or leaving
the field."""

import re
from html.parser import HTMLParser

from django.test import Client

from .walking import route_url, walkable_routes

TEXT_LIKE = {"text", "search", "number", "email", "tel", "url", "date"}
TYPING_EVENTS = {"input", "keyup"}


class FilterForm(HTMLParser):
    """The hx-trigger of the filter bar and the type of each of its inputs."""

    def __init__(self):
        super().__init__()
        self.trigger = None
        self.inputs = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        is_filter_bar = "filters" in (attrs.get("class") or "").split() and "hx-get" in attrs
        if tag == "form" and is_filter_bar:
            self.inside = True
            self.trigger = attrs.get("hx-trigger", "")
        elif self.inside and tag == "input" and attrs.get("type") != "hidden":
            self.inputs.append((attrs.get("name"), attrs.get("type") or "text"))

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def selector_matches(selector: str, input_type: str) -> bool:
    """Does a simple selector (input, input[type=x], input:not([type=x])...) match an
    <input type=input_type>?"""
    if not selector.startswith("input"):
        return False
    rest = selector[len("input") :]
    for negated, wanted in re.findall(r"(:not\()?\[type=([\w-]+)\]\)?", rest):
        if bool(negated) == (wanted == input_type):
            return False
    return True


def refreshes_while_typing(trigger: str, input_type: str) -> bool:
    for spec in (part.strip() for part in trigger.split(",")):
        words = spec.split()
        if not words or words[0] not in TYPING_EVENTS:
            continue
        if not any(w.startswith("delay:") for w in words):
            continue
        selectors = [w.split(":", 1)[1] for w in words if w.startswith(("from:", "target:"))]
        if all(selector_matches(s, input_type) for s in selectors):
            return True
    return False


def test_the_trigger_reading_tells_search_only_from_every_text_field():
    old = "change, keyup changed delay:400ms from:input[type=search]"
    assert refreshes_while_typing(old, "search")
    assert not refreshes_while_typing(old, "text")
    new = "change, input changed delay:400ms target:input:not([type=checkbox]):not([type=radio])"
    assert refreshes_while_typing(new, "text")
    assert not refreshes_while_typing(new, "checkbox")


def test_every_filter_bar_refreshes_while_typing_in_text_fields(walk):
    client = Client()
    client.force_login(walk.alice)
    bars = 0
    text_fields = set()
    problems = []
    for route in walkable_routes():
        if route.is_api:
            continue
        response = client.get(route_url(route, walk))
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        form = FilterForm()
        form.feed(response.content.decode())
        if form.trigger is None:
            continue
        bars += 1
        for name, input_type in form.inputs:
            if input_type not in TEXT_LIKE:
                continue
            text_fields.add((route.name, name))
            if not refreshes_while_typing(form.trigger, input_type):
                problems.append(f"{route.name}: typing in “{name}” ({input_type}) waits for Enter")
    assert bars >= 15  # sites, members, audit log, partners, shipments, seals...
    assert ("partners:partner_list", "q") in text_fields
    assert not problems, "\n".join(problems)
