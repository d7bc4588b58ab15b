"""View mixins: every page is restricted to the organization and role of the request."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _

from ..permissions import Perm, has_perm


class OrganizationRequiredMixin(LoginRequiredMixin):
    """A signed-in user acting for an organization with at least `required_perm`."""

    required_perm: Perm = Perm.VIEW

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.membership = request.membership
        if self.membership is None:
            return render(request, "core/no_organization.html", status=403)
        if not has_perm(self.membership, self.required_perm):
            raise PermissionDenied(_("Your role does not allow this page."))
        return super().dispatch(request, *args, **kwargs)

    def can(self, perm: Perm) -> bool:
        return has_perm(self.membership, perm)


class ServiceFormMixin:
    """Forms only parse; the service decides. A ValidationError from the service is shown on
    the form, field by field where it names fields."""

    def form_valid(self, form):
        try:
            self.object = self.perform(form)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    target = field if field in form.fields else None
                    for e in errors:
                        form.add_error(target, e)
            else:
                form.add_error(None, error)
            return self.form_invalid(form)
        return self.success(form)

    def perform(self, form):  # pragma: no cover - subclasses implement
        raise NotImplementedError
