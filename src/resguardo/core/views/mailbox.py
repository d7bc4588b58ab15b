from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.views.generic import TemplateView

from ..mailbox import mailbox_enabled, mailbox_message, mailbox_messages


class MailboxView(LoginRequiredMixin, TemplateView):
    """The demo's e-mail, as the signed-in person received it. Absent unless the mailbox is on."""

    template_name = "core/mailbox.html"
    http_method_names = ["get", "head", "options"]

    def get(self, request, *args, **kwargs):
        # LoginRequiredMixin has already sent an anonymous visitor to sign in.
        if not mailbox_enabled():
            raise Http404
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mail"] = mailbox_messages(user=self.request.user)
        key = self.request.GET.get("m")
        context["opened"] = mailbox_message(user=self.request.user, key=key) if key else None
        return context
