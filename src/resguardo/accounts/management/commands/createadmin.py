import getpass

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from resguardo.accounts.services import user_create
from resguardo.core.choices import OrganizationKind
from resguardo.core.services import organization_create


class Command(BaseCommand):
    help = "Create an organization and its first administrator."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--organization", required=True, help="legal name")
        parser.add_argument("--rfc", required=True, help="the organization's RFC")
        parser.add_argument("--patente", action="append", default=[], help="repeatable")
        parser.add_argument(
            "--kind", choices=OrganizationKind.values, default=OrganizationKind.CUSTOMS_AGENCY
        )
        parser.add_argument("--password", help="prompted for when omitted")

    def handle(self, *args, email, organization, rfc, patente, kind, password, **options):
        if not password:
            password = getpass.getpass("Password: ")
        try:
            with transaction.atomic():
                user = user_create(actor=None, email=email, password=password)
                org = organization_create(
                    actor=user, legal_name=organization, rfc=rfc, kind=kind, patentes=patente
                )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"Created {org} with administrator {user.email}"))
