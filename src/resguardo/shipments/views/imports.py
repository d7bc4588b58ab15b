"""Import in two steps: check the file (dry run), then import exactly that file, kept in
storage as a core staged import."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from resguardo.core import selectors as core_selectors
from resguardo.core.permissions import Perm
from resguardo.core.tabular.views import StagedImportView

from .. import services
from ..forms import ImportForm
from ..importing import site_from_options


class ShipmentImportView(StagedImportView):
    template_name = "shipments/shipment_import.html"
    required_perm = Perm.RECORD
    form_class = ImportForm
    import_kind = "shipments"

    def blank_form_kwargs(self):
        return {"sites": core_selectors.recordable_sites(membership=self.membership)}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), **self.blank_form_kwargs()}

    def upload_options(self, form):
        site = form.cleaned_data["site"]
        return {"site": site.pk if site else None}

    def run_import(self, *, data, file_name, options, dry_run):
        return services.shipment_import(
            actor=self.actor,
            data=data,
            file_name=file_name,
            default_site=site_from_options(self.membership, options),
            dry_run=dry_run,
        )

    def done(self, report):
        messages.success(
            self.request,
            _("%(n)s shipments imported from %(file)s.")
            % {"n": report.written, "file": report.file_name},
        )
        return redirect("shipments:shipment_list")
