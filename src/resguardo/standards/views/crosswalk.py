"""The crosswalk matrix (heat grid) and the comparison of two versions."""

from collections import defaultdict

from django.views.generic import TemplateView

from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors
from ..crosswalk import crosswalk_matrix, heat_legend
from ..forms import DiffForm
from ..models import Mapping, RequirementNode

_NODE_FIELDS = (
    "pk",
    "library_id",
    "parent_id",
    "urn",
    "ref_id",
    "order",
    "depth",
    "title_es",
    "title_en",
    "assessable",
    "verified",
)


class CrosswalkView(OrganizationRequiredMixin, TemplateView):
    """One heat grid per mapping set between active versions (or the set picked with `set`).

    A cell's details (`row`, `col`) come as an htmx partial. Constant number of queries."""

    template_name = "standards/crosswalk.html"
    cell_template_name = "standards/partials/_crosswalk_cell.html"

    def get_template_names(self):
        if getattr(self.request, "htmx", False) and self.request.GET.get("row"):
            return [self.cell_template_name]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        all_sets = list(selectors.mapping_set_list())
        chosen = self.request.GET.get("set")
        if chosen:
            sets = [s for s in all_sets if s.urn == chosen]
        else:
            sets = [
                s for s in all_sets if s.source_library.is_active and s.target_library.is_active
            ]
        library_ids = {s.source_library_id for s in sets} | {s.target_library_id for s in sets}
        nodes = defaultdict(list)
        for node in (
            RequirementNode.objects.filter(library_id__in=library_ids)
            .only(*_NODE_FIELDS)
            .order_by("library_id", "order")
        ):
            nodes[node.library_id].append(node)
        mappings = defaultdict(list)
        for mapping in (
            Mapping.objects.filter(mapping_set__in=sets)
            .select_related("source", "target")
            .order_by("-strength", "order")
        ):
            mappings[mapping.mapping_set_id].append(mapping)
        matrices = [
            crosswalk_matrix(
                s, nodes[s.source_library_id], nodes[s.target_library_id], mappings[s.pk]
            )
            for s in sets
        ]
        context = super().get_context_data(
            all_sets=all_sets,
            chosen=chosen,
            matrices=matrices,
            legend=heat_legend(),
            **kwargs,
        )
        row, column = self.request.GET.get("row"), self.request.GET.get("col")
        if row and column and matrices:
            context["cell"] = matrices[0].cell(row, column) if chosen else None
            context["cell_set"] = matrices[0].mapping_set if chosen else None
        return context


class DiffView(OrganizationRequiredMixin, TemplateView):
    template_name = "standards/diff.html"

    def get_context_data(self, **kwargs):
        form = DiffForm(self.request.GET or None)
        result = None
        if form.is_bound and form.is_valid():
            result = selectors.library_diff(form.cleaned_data["old"], form.cleaned_data["new"])
        return super().get_context_data(form=form, diff=result, **kwargs)
