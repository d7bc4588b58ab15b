from django.core.management.base import BaseCommand

from resguardo.incidents.services import notices_escalate


class Command(BaseCommand):
    help = "Incident work on a schedule: `resguardo incidents escalate` (overdue notices)."

    def add_arguments(self, parser):
        parser.add_argument("task", choices=["escalate"])

    def handle(self, *args, task, **options):
        count = notices_escalate()
        self.stdout.write(f"{count} overdue notices escalated to the compliance officers.")
