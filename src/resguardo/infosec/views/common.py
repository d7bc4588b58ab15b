"""The page pieces every infosec view shares."""

from django.utils.functional import cached_property
from django.views.generic import FormView

from resguardo.core.actors import Actor
from resguardo.core.selectors import member_user_list
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from ..access import MANAGE_PERM, READ_PERM, can_manage


class ReadMixin(OrganizationRequiredMixin):
    """Confidential pages: administrators, compliance officers and auditors."""

    required_perm = READ_PERM

    @cached_property
    def actor(self) -> Actor:
        return Actor.from_request(self.request)

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_manage=can_manage(self.membership), **kwargs)


class ListPage(ReadMixin, FilteredListView):
    pass


class FormPage(ReadMixin, ServiceFormMixin, FormView):
    """A form calling one service. Subclasses set `title` and implement perform/success."""

    required_perm = MANAGE_PERM
    template_name = "infosec/form.html"
    title = ""
    cancel_url = ""
    submit_label = ""

    def people(self):
        return member_user_list(membership=self.membership).order_by("last_name", "first_name")

    def get_title(self):
        return self.title

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=self.get_title(),
            cancel_url=self.get_cancel_url(),
            submit_label=self.submit_label,
            **kwargs,
        )

    def get_cancel_url(self):
        return self.cancel_url
