"""What every risks page shares: the acting member as an Actor, the generic form page."""

from django.views.generic import FormView

from resguardo.core.permissions import Perm
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin


class ActorMixin:
    """`self.actor` is set by core's OrganizationRequiredMixin."""


class RisksFormView(ActorMixin, OrganizationRequiredMixin, ServiceFormMixin, FormView):
    """A form page calling one service; `title`, `intro` and `cancel_url` fill the page."""

    template_name = "risks/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE
    scoped_form = True  # the form takes `membership=`
    title = ""
    intro = ""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.scoped_form:
            kwargs["membership"] = self.membership
        return kwargs

    def get_cancel_url(self):
        return ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=self.title, intro=self.intro, cancel_url=self.get_cancel_url(), **kwargs
        )
