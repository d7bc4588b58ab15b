"""`resguardo report pdf|xlsx|oscal --assessment ID --user EMAIL [--lang es|en] > file`

Writes one report of an assessment to standard output (or --output). It acts as the member
named by --user: the same organization and role checks as the pages, so confidential evidence
appears only when that person may see it.
"""

import json
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from resguardo.compliance import selectors
from resguardo.core.permissions import Perm, has_perm
from resguardo.core.tenancy import resolve_membership

from ...choices import ReportLanguage


class Command(BaseCommand):
    help = "Write the PDF, Excel or OSCAL report of an assessment to standard output."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["pdf", "xlsx", "oscal"])
        parser.add_argument("--assessment", type=int, required=True, help="assessment id")
        parser.add_argument("--user", required=True, help="e-mail of the member acting")
        parser.add_argument("--organization", type=int, help="organization id, if several")
        parser.add_argument("--lang", choices=ReportLanguage.values, default="es")
        parser.add_argument("--output", help="file to write instead of standard output")

    def handle(self, *args, kind, assessment, user, organization, lang, output, **options):
        person = get_user_model().objects.filter(email__iexact=user).first()
        membership = resolve_membership(person, organization) if person else None
        if membership is None or not has_perm(membership, Perm.VIEW):
            raise CommandError(f"{user} is not a current member of that organization.")
        try:
            target = selectors.assessment_get(membership=membership, pk=assessment)
        except Http404:
            raise CommandError(f"No assessment {assessment} visible to {user}.") from None
        body = self._render(kind, membership, target, lang)
        if output:
            with open(output, "wb") as handle:
                handle.write(body)
            self.stderr.write(f"{output}: {len(body)} bytes")
        else:
            sys.stdout.buffer.write(body)
            sys.stdout.buffer.flush()

    def _render(self, kind, membership, assessment, language) -> bytes:
        if kind == "pdf":
            from ...pdf import render_assessment_pdf

            return render_assessment_pdf(
                membership=membership, assessment=assessment, language=language
            )
        if kind == "xlsx":
            from ...xlsx_export import assessment_workbook

            return assessment_workbook(
                membership=membership, assessment=assessment, language=language
            )
        from ...oscal import assessment_results

        document = assessment_results(
            membership=membership, assessment=assessment, language=language
        )
        return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
