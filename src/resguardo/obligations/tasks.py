"""The periodic jobs the scheduler enqueues (see apps.py `schedules`)."""

from django_tasks import task

from .choices import EmailPreference
from .delivery import deliver_digests, deliver_immediate
from .reminders import run_reminders


@task()
def send_reminders() -> dict:
    summary = run_reminders()
    return {"organizations": summary.organizations, "written": summary.written}


@task()
def deliver_emails() -> dict:
    summary = deliver_immediate()
    return {"sent": summary.sent, "failed": summary.failed}


@task()
def daily_digests() -> dict:
    summary = deliver_digests(EmailPreference.DAILY)
    return {"sent": summary.sent, "failed": summary.failed}


@task()
def weekly_digests() -> dict:
    summary = deliver_digests(EmailPreference.WEEKLY)
    return {"sent": summary.sent, "failed": summary.failed}
