"""A job for the worker tests: its effect is idempotent, and it can be told to hang once."""

import time
from pathlib import Path

from django_tasks import task

from resguardo.core.models import Organization
from resguardo.core.notify import notify


@task()
def notify_once_then_maybe_hang(*, organization_id: int, key: str, hang_flag: str = "") -> None:
    organization = Organization.objects.get(pk=organization_id)
    users = [m.user for m in organization.memberships.select_related("user")]
    notify(organization=organization, users=users, key=key, title="Prueba de trabajos")
    flag = Path(hang_flag) if hang_flag else None
    if flag is not None and not flag.exists():
        flag.write_text("the first attempt hangs here until its worker is killed")
        time.sleep(600)
