from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from resguardo.core.permissions import Perm
from resguardo.core.selectors import member_user_list
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from .. import selectors, services
from ..filtersets import BadgeFilterSet
from ..forms import BadgeForm


class BadgeListView(FilteredListView):
    template_name = "shipments/badge_list.html"
    partial_template_name = "shipments/partials/_badge_rows.html"
    filterset_class = BadgeFilterSet

    def get_base_queryset(self):
        return selectors.badge_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            expiring=selectors.badges_expiring(membership=self.membership).count(),
            can_manage=self.can(Perm.MANAGE_COMPLIANCE),
            **kwargs,
        )


class BadgeCreateView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "shipments/badge_form.html"
    form_class = BadgeForm
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["users"] = member_user_list(membership=self.membership, active_only=False)
        return kwargs

    def perform(self, form):
        data = dict(form.cleaned_data)
        data.pop("version", None)
        return services.badge_create(actor=self.actor, **data)

    def success(self, form):
        messages.success(self.request, _("Badge saved."))
        return redirect("shipments:badge_list")


class BadgeUpdateView(BadgeCreateView):
    def get_badge(self):
        if not hasattr(self, "_badge"):
            self._badge = selectors.badge_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._badge

    def get_initial(self):
        badge = self.get_badge()
        fields = (
            "holder_name",
            "holder_kind",
            "user",
            "aduana",
            "badge_number",
            "issued_on",
            "expires_on",
            "status",
            "notes",
            "version",
        )
        return {name: getattr(badge, name) for name in fields}

    def get_context_data(self, **kwargs):
        return super().get_context_data(badge=self.get_badge(), **kwargs)

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        return services.badge_update(
            actor=self.actor,
            badge=self.get_badge(),
            expected_version=version,
            **data,
        )
