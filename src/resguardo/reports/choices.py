from contextlib import contextmanager

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class ReportLanguage(models.TextChoices):
    """The language a report is written in (the catalog texts carry both)."""

    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")


# Django language code to activate for each report language.
LANGUAGE_CODES = {ReportLanguage.SPANISH: "es-mx", ReportLanguage.ENGLISH: "en"}


def report_language(value: str | None) -> str:
    """ "es" or "en" from a query value or a Django language code; the active language when
    the value is empty or unknown."""
    value = (value or translation.get_language() or "es").lower()
    return ReportLanguage.ENGLISH if value.startswith("en") else ReportLanguage.SPANISH


@contextmanager
def written_in(language: str):
    with translation.override(LANGUAGE_CODES[report_language(language)]):
        yield
