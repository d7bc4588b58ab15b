"""The demo's people: accounts creates the users, the kernel builds the organizations."""

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


def seed_demo() -> core_demo.DemoContext:
    """Demo users, organizations and every registered seeder's records.

    Each service call is its own (durable) transaction, as in real use, so seeding is not
    one transaction: the demo command reports a failure and asks for a fresh data folder."""
    return core_demo.seed_demo(users=demo_users_create())
