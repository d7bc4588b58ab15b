"""View mixins: every page is restricted to the organization and role of the request."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _

from ..actors import Actor
from ..exceptions import ConcurrentEditError
from ..forms import add_service_errors
from ..permissions import Perm, has_perm
from .conflicts import conflict_messages, edit_conflict


class OrganizationRequiredMixin(LoginRequiredMixin):
    """A signed-in user acting for an organization with at least `required_perm`.

    `self.actor` is who acts (the one `Actor` every service call of the view receives)."""

    required_perm: Perm = Perm.VIEW

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.membership = request.membership
        self.actor = Actor.from_request(request)
        if self.membership is None:
            return render(request, "core/no_organization.html", status=403)
        if not has_perm(self.membership, self.required_perm):
            raise PermissionDenied(_("Your role does not allow this page."))
        return super().dispatch(request, *args, **kwargs)

    def can(self, perm: Perm) -> bool:
        return has_perm(self.membership, perm)


class ServiceFormMixin:
    """Forms only parse; the service decides. A ValidationError from the service is shown on
    the form, field by field where it names fields.

    When someone else saved the record after the person opened the form
    (`ConcurrentEditError`), nothing typed is lost: the form comes back with the person's
    values, the hidden `version` now holds the stored version (so saving again deliberately
    replaces the other save), and the page says who saved when and which stored values differ.
    Templates that show `conflict` themselves set `conflict_panel = True`; otherwise the
    explanation goes on the form as errors, which every form template shows.
    """

    conflict_panel = False
    conflict_status = 200

    def form_valid(self, form):
        try:
            self.object = self.perform(form)
        except ConcurrentEditError as error:
            return self.edit_conflict(form, error)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return self.success(form)

    def perform(self, form):  # pragma: no cover - subclasses implement
        raise NotImplementedError

    def conflict_object(self, error):
        """The row whose save was refused. Services that write through `update_audited`
        name it on the error; a view may override this for other services."""
        return getattr(error, "instance", None)

    def edit_conflict(self, form, error):
        instance = self.conflict_object(error)
        if instance is None or instance.pk is None:
            form.add_error(None, error)
            return self.form_invalid(form)
        conflict = edit_conflict(form, instance, membership=self.membership)
        if "version" in form.fields:
            form.data = form.data.copy()
            form.data[form.add_prefix("version")] = str(conflict.instance.version)
        if not self.conflict_panel:
            for message in conflict_messages(conflict):
                form.add_error(None, message)
        response = self.render_to_response(self.get_context_data(form=form, conflict=conflict))
        response.status_code = self.conflict_status
        return response
