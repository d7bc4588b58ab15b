"""Downloads and the inspection checklists page."""

from django.http import JsonResponse
from django.utils.translation import get_language
from django.views import View
from django.views.generic import TemplateView

from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors
from ..oscal import library_to_oscal


class OscalExportView(OrganizationRequiredMixin, View):
    """A library as an OSCAL 1.0.6 catalog; `?lang=es|en` (default: the page language)."""

    def get(self, request, urn):
        library = selectors.library_get(urn)
        language = request.GET.get("lang") or get_language() or "en"
        language = "es" if language.startswith("es") else "en"
        document = library_to_oscal(library, language=language)
        response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})
        filename = f"{library.framework.key}-{library.version}-oscal-{language}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ChecklistListView(OrganizationRequiredMixin, TemplateView):
    template_name = "standards/checklists.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(checklists=list(selectors.checklist_list()), **kwargs)
