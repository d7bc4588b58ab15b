from django.views.generic import ListView

from .mixins import OrganizationRequiredMixin


class FilteredListView(OrganizationRequiredMixin, ListView):
    """A list page driven by the same FilterSet as the API. htmx requests get only the rows.

    `get_base_queryset` must come from a selector (tenant restriction).
    """

    filterset_class = None
    partial_template_name: str | None = None
    paginate_by = 50

    def get_base_queryset(self):  # pragma: no cover - subclasses implement
        raise NotImplementedError

    def get_queryset(self):
        self.filterset = self.filterset_class(
            self.request.GET or None, queryset=self.get_base_queryset(), request=self.request
        )
        return self.filterset.qs if self.filterset.is_bound else self.filterset.queryset

    def get_template_names(self):
        if getattr(self.request, "htmx", False) and self.partial_template_name:
            return [self.partial_template_name]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filterset"] = self.filterset
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_string"] = query.urlencode()
        return context
