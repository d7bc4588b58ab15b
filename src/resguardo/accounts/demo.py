"""The demo's people: accounts creates the users, the kernel builds the organizations."""

from django.db import transaction

from resguardo.core import demo as core_demo

from .services import user_create


def demo_users_create() -> dict:
    return {
        key: user_create(
            actor=None,
            email=core_demo.demo_email(key),
            password=core_demo.DEMO_PASSWORD,
            first_name=first,
            last_name=last,
        )
        for key, first, last, _role, _sites in core_demo.DEMO_USERS
    }


@transaction.atomic
def seed_demo() -> core_demo.DemoContext:
    """Demo users, organizations and every registered seeder's records, in one transaction."""
    return core_demo.seed_demo(users=demo_users_create())
