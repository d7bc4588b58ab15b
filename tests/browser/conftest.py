"""Fixtures of the browser tests: Debian's Chromium driven by Playwright, and the demo agency
seeded the way `resguardo demo` seeds it.

Browser tests need a live server, so each runs in a real transaction and the database is
flushed after it. A flush also empties the reference rows the migrations wrote (the customs
offices), so `demo` puts them back before seeding: the tests can run in any order,
alone or together.
"""

import os

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls of the tests themselves
# (seeding the demo, reading the outbox) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def restore_migration_rows() -> None:
    from django.contrib.contenttypes.models import ContentType

    from resguardo.core.aduanas import sync_aduanas
    from resguardo.core.models import Aduana

    ContentType.objects.clear_cache()
    sync_aduanas(Aduana)


@pytest.fixture
def demo(transactional_db):
    """The demo agency, with every shipped library and crosswalk loaded first (as the demo
    command does, so the demo assessment and the inspection checklists exist)."""
    from resguardo.accounts.demo import seed_demo
    from resguardo.standards.services import libraries_load

    restore_migration_rows()
    libraries_load()
    return seed_demo()


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
