"""`resguardo partners daily|remind|screen`: scheduled partner work (run it from cron)."""

from django.core.management.base import BaseCommand

from resguardo.partners.tasks import (
    refresh_partner_standing,
    rescreen_after_list_update,
    send_certification_expiry_warnings,
    send_questionnaire_reminders,
)


class Command(BaseCommand):
    help = (
        "Scheduled work for business partners. `daily`: questionnaire reminders, the "
        "refresh of risk ratings and review dates, certification expiry e-mails. "
        "`remind`: reminders only. `screen`: screen every organization's partners against "
        "the current lists."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["daily", "remind", "screen"])

    def handle(self, *args, action, **options):
        if action in ("daily", "remind"):
            result = send_questionnaire_reminders.enqueue()
            self.stdout.write(f"questionnaire reminders: {_value(result)}")
        if action == "daily":
            result = refresh_partner_standing.enqueue()
            self.stdout.write(f"partners refreshed: {_value(result)}")
            result = send_certification_expiry_warnings.enqueue()
            self.stdout.write(f"certification expiry e-mails: {_value(result)}")
        if action == "screen":
            result = rescreen_after_list_update.enqueue(version_id=0)
            self.stdout.write(f"organizations screened: {_value(result)}")


def _value(result):
    try:
        return result.return_value
    except Exception:  # queued for the worker: no value yet
        return "queued"
