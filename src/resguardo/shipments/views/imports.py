"""Import in two steps: check the file (dry run), then import exactly that file.

The checked file is kept in storage under an unguessable name recorded in the user's
session, with its SHA-256, so the import writes what the user saw in the report.
"""

import hashlib
import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from resguardo.core import selectors as core_selectors
from resguardo.core.forms import add_service_errors
from resguardo.core.permissions import Perm
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import services
from ..forms import ImportForm
from ..services.imports import IMPORT_MAX_BYTES

SESSION_KEY = "shipments_import_pending"


class ShipmentImportView(OrganizationRequiredMixin, View):
    template_name = "shipments/shipment_import.html"
    required_perm = Perm.RECORD

    def _form(self, data=None, files=None):
        sites = core_selectors.recordable_sites(membership=self.membership)
        return ImportForm(data, files, sites=sites)

    def get(self, request):
        return render(request, self.template_name, {"form": self._form()})

    def post(self, request):
        if "confirm" in request.POST:
            return self._confirm(request)
        form = self._form(request.POST, request.FILES)
        report = None
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > IMPORT_MAX_BYTES:
                form.add_error("file", _("The file is too large."))
            else:
                data = upload.read()
                try:
                    report = services.shipment_import(
                        actor=request.user,
                        membership=self.membership,
                        data=data,
                        file_name=upload.name,
                        default_site=form.cleaned_data["site"],
                        dry_run=True,
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                if report is not None and report.ok:
                    self._stage(request, data, upload.name, form.cleaned_data["site"])
        return render(request, self.template_name, {"form": form, "report": report})

    def _stage(self, request, data: bytes, file_name: str, site) -> None:
        self._discard(request)
        name = default_storage.save(
            f"shipment-imports/{self.membership.organization_id}/{uuid.uuid4().hex}",
            ContentFile(data),
        )
        request.session[SESSION_KEY] = {
            "organization": self.membership.organization_id,
            "name": name,
            "file_name": file_name,
            "sha256": hashlib.sha256(data).hexdigest(),
            "site": site.pk if site else None,
        }

    def _discard(self, request) -> None:
        pending = request.session.pop(SESSION_KEY, None)
        if pending and default_storage.exists(pending["name"]):
            default_storage.delete(pending["name"])

    def _confirm(self, request):
        pending = request.session.get(SESSION_KEY)
        if not pending or pending["organization"] != self.membership.organization_id:
            messages.error(request, _("Check the file again before importing it."))
            return redirect("shipments:shipment_import")
        with default_storage.open(pending["name"], "rb") as handle:
            data = handle.read()
        if hashlib.sha256(data).hexdigest() != pending["sha256"]:
            self._discard(request)
            messages.error(request, _("The checked file changed; check it again."))
            return redirect("shipments:shipment_import")
        site = None
        if pending["site"]:
            site = (
                core_selectors.recordable_sites(membership=self.membership)
                .filter(pk=pending["site"])
                .first()
            )
        report = services.shipment_import(
            actor=request.user,
            membership=self.membership,
            data=data,
            file_name=pending["file_name"],
            default_site=site,
            dry_run=False,
        )
        self._discard(request)
        if not report.ok:
            return render(request, self.template_name, {"form": self._form(), "report": report})
        messages.success(
            request,
            _("%(n)s shipments imported from %(file)s.")
            % {"n": report.imported, "file": report.file_name},
        )
        return redirect("shipments:shipment_list")
