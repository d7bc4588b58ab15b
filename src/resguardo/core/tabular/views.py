"""One staged import page for every module: upload → dry-run report → confirm.

An app declares its import in a few lines:

    class PartnerImportView(StagedImportView):
        import_kind = "partners"
        form_class = PartnerImportForm
        template_name = "partners/partner_import.html"
        required_perm = Perm.MANAGE_COMPLIANCE

        def run_import(self, *, data, file_name, options, dry_run):
            return services.partners_import(actor=self.request.user, ..., dry_run=dry_run)

        def done(self, report):
            messages.success(...); return redirect(...)

A clean dry run keeps the file in storage (a `StagedImport` row owned by the organization and
the user, expiring); the confirmation re-reads that file, checks it is the one reported on and
imports it all or nothing. The confirm form posts `staged` (the staged import's id) and may post
`sha256` (what the person saw); without `staged` the user's latest staged file of this kind is
taken.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from ..views.mixins import OrganizationRequiredMixin
from .staging import (
    StagedFileChanged,
    staged_import_create,
    staged_import_discard,
    staged_import_get,
    staged_import_read,
)


class StagedImportView(OrganizationRequiredMixin, FormView):
    import_kind = ""
    missing_message = _("Check the file again before importing it.")
    changed_message = _("The checked file changed; check it again.")
    file_field = "file"

    # --- what an app declares -----------------------------------------------------------------
    def run_import(self, *, data: bytes, file_name: str, options: dict, dry_run: bool):
        """Call the app's import service; returns its ImportReport."""
        raise NotImplementedError  # pragma: no cover - subclasses implement

    def done(self, report):
        """The answer once the import is written (a message and a redirect)."""
        raise NotImplementedError  # pragma: no cover - subclasses implement

    def upload_options(self, form) -> dict:
        """Choices made with the upload that the confirmation needs (JSON values)."""
        return {}

    def scope(self) -> str:
        return ""

    def wants_dry_run(self, form) -> bool:
        return True

    def stage_when(self, report) -> bool:
        return report.ok

    # --- the flow -----------------------------------------------------------------------------
    def _owner(self) -> dict:
        return {
            "membership": self.membership,
            "user": self.request.user,
            "kind": self.import_kind,
            "scope": self.scope(),
        }

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data[self.file_field]
        upload.seek(0)
        data = upload.read()
        options = self.upload_options(form)
        dry_run = self.wants_dry_run(form)
        staged_import_discard(**self._owner())
        self.staged = None
        try:
            report = self.run_import(
                data=data, file_name=upload.name, options=options, dry_run=dry_run
            )
            if dry_run and self.stage_when(report):
                self.staged = staged_import_create(
                    **self._owner(), data=data, file_name=upload.name, options=options
                )
        except ValidationError as error:
            self.add_errors(form, error)
            return self.form_invalid(form)
        if report.applied:
            return self.done(report)
        return self.render_to_response(self.get_context_data(form=form, report=report))

    def add_errors(self, form, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                target = name if name in form.fields else None
                for item in errors:
                    form.add_error(target, item)
        else:
            for message in error.messages:
                form.add_error(self.file_field, message)

    def confirm(self):
        owner = self._owner()
        staged = staged_import_get(**owner, pk=self.request.POST.get("staged"))
        expected = self.request.POST.get("sha256")
        if staged is None or (expected is not None and expected != staged.sha256):
            messages.error(self.request, self.missing_message)
            return redirect(self.request.path)
        try:
            data = staged_import_read(staged)
        except StagedFileChanged:
            staged_import_discard(**owner)
            messages.error(self.request, self.changed_message)
            return redirect(self.request.path)
        try:
            report = self.run_import(
                data=data, file_name=staged.file_name, options=staged.options, dry_run=False
            )
        except ValidationError as error:
            staged_import_discard(**owner)
            for message in error.messages:
                messages.error(self.request, message)
            return redirect(self.request.path)
        staged_import_discard(**owner)
        self.staged = None
        if report.applied:
            return self.done(report)
        # The data changed since the dry run (someone added a record): show what is wrong now.
        return self.render_to_response(
            self.get_context_data(form=self.get_form_class()(**self.blank_form_kwargs()),
                                  report=report)
        )  # fmt: skip

    def blank_form_kwargs(self) -> dict:
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        staged = getattr(self, "staged", None)
        context["staged"] = staged
        context["stored_sha256"] = staged.sha256 if staged else ""
        return context
