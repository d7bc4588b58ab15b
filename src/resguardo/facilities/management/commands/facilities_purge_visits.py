from django.core.management.base import BaseCommand

from resguardo.facilities.services.purge import visits_purge_all


class Command(BaseCommand):
    help = "Delete visitor records (and their photos) older than each organization's retention."

    def handle(self, *args, **options):
        for organization, count in visits_purge_all().items():
            self.stdout.write(f"{organization}: {count}")
