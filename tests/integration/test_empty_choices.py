"""No page reached from the menu shows Django's "---------" for an empty choice: a filter left
empty says what it means (a reviewer found it on most list pages)."""

import pytest
from django.test import Client

from resguardo.core.navigation import main_navigation, standards_navigation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["alice", "sofia"])
def test_menu_pages_show_words_for_empty_choices(walk, persona):
    user = getattr(walk, persona)
    membership = walk.membership(user)
    urls = [link["url"] for link in main_navigation(membership)]
    for standard in standards_navigation(membership):
        urls += [link["url"] for link in standard["links"]]
    client = Client()
    client.force_login(user)
    dashes = []
    for url in sorted(set(urls)):
        response = client.get(url)
        assert response.status_code == 200, url
        if "---------" in response.content.decode():
            dashes.append(url)
    assert not dashes
    assert len(urls) > 10
