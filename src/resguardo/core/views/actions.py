"""One view for the buttons that call a single service (POST only)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views import View

from .mixins import OrganizationRequiredMixin


class ServiceActionView(OrganizationRequiredMixin, View):
    """A POST-only button that calls one service and goes back to a page with a message.

    GET answers 405. A ValidationError from the service becomes an error message on the page
    it goes back to; so does a PermissionDenied when `refusal_as_message` is set (otherwise it
    answers 403). An htmx request gets `partial_template_name` (when set) rendered with
    `partial_context()`, the messages included, instead of the redirect.

    Subclasses implement `act(request)` and `redirect_to()`, and set `success_message`
    (or override `get_success_message()`).
    """

    http_method_names = ["post"]
    success_message = ""
    refusal_as_message = False
    partial_template_name: str | None = None

    def act(self, request):  # pragma: no cover - subclasses implement
        raise NotImplementedError

    def redirect_to(self):  # pragma: no cover - subclasses implement
        raise NotImplementedError

    def get_success_message(self) -> str:
        return str(self.success_message)

    def partial_context(self) -> dict:
        return {}

    def post(self, request, *args, **kwargs):
        try:
            self.act(request)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        except PermissionDenied as error:
            if not self.refusal_as_message:
                raise
            messages.error(request, str(error))
        else:
            text = self.get_success_message()
            if text:
                messages.success(request, text)
        if self.partial_template_name and getattr(request, "htmx", False):
            return render(request, self.partial_template_name, self.partial_context())
        return redirect(self.redirect_to())
