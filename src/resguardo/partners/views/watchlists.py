"""The official lists: current versions, history, refused files, entries, upload."""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors
from ..choices import WatchlistSource
from ..filtersets import ListEntryFilterSet
from ..forms import ListUploadForm
from ..watchlists import sources
from ..watchlists.importer import list_version_import
from .base import ManageFormView

STALE_DAYS = 45


def uploads_allowed(user, membership) -> bool:
    """Lists are shared by every organization. Platform staff may always upload; members
    with MANAGE_COMPLIANCE only where WATCHLIST_UPLOADS_BY_MEMBERS is on (the default for a
    single-agency install)."""
    from resguardo.core.permissions import has_perm

    if user.is_staff or user.is_superuser:
        return True
    return settings.WATCHLIST_UPLOADS_BY_MEMBERS and has_perm(membership, Perm.MANAGE_COMPLIANCE)


class WatchlistListView(OrganizationRequiredMixin, TemplateView):
    template_name = "partners/watchlist_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versions = list(
            selectors.list_version_list(membership=self.membership).order_by(
                "source", "-imported_at"
            )
        )
        attempts = list(selectors.import_attempt_list(membership=self.membership)[:20])
        today = timezone.localdate()
        rows = []
        for source in WatchlistSource:
            current = next((v for v in versions if v.source == source and v.is_current), None)
            day = (current.published_on or current.imported_at.date()) if current else None
            last_attempt = next((a for a in attempts if a.source == source), None)
            rows.append(
                {
                    "source": source,
                    "current": current,
                    "stale": bool(day and (today - day).days > STALE_DAYS),
                    "history": [v for v in versions if v.source == source and not v.is_current][:5],
                    "last_attempt": last_attempt,
                    "url": sources.get_source(source).url,
                    "url_variable": sources.get_source(source).url_variable,
                }
            )
        context.update(
            rows=rows,
            attempts=attempts,
            can_upload=uploads_allowed(self.request.user, self.membership),
            stale_days=STALE_DAYS,
        )
        return context


class ListVersionDetailView(FilteredListView):
    template_name = "partners/list_version_detail.html"
    partial_template_name = "partners/partials/_entry_rows.html"
    filterset_class = ListEntryFilterSet

    def get_version(self):
        if not hasattr(self, "_version"):
            self._version = selectors.list_version_get(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._version

    def get_base_queryset(self):
        return selectors.list_entry_list(membership=self.membership, version=self.get_version())

    def get_context_data(self, **kwargs):
        return super().get_context_data(version=self.get_version(), **kwargs)


class ListVersionDownloadView(OrganizationRequiredMixin, TemplateView):
    def get(self, request, pk):
        version = selectors.list_version_get(membership=self.membership, pk=pk)
        return FileResponse(
            version.file.open("rb"),
            as_attachment=True,
            filename=version.file_name,
            content_type="text/csv",
        )


class ListUploadView(ManageFormView):
    form_class = ListUploadForm
    title = gettext_lazy("Import a list file")
    intro = gettext_lazy(
        "Upload the file exactly as the SAT or OFAC publish it. A file with other columns or "
        "in another encoding is refused and the current version stays in use. Every "
        "organization's partners are screened again once the new version is in."
    )
    multipart = True
    submit_label = gettext_lazy("Import")

    def get(self, request, *args, **kwargs):
        self._check_allowed()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self._check_allowed()
        return super().post(request, *args, **kwargs)

    def _check_allowed(self):
        if not uploads_allowed(self.request.user, self.membership):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied(
                _("Only the platform operators may import lists on this installation.")
            )

    def get_cancel_url(self):
        from django.urls import reverse

        return reverse("partners:watchlist_list")

    def perform(self, form):
        data = form.cleaned_data
        alias = data.get("alias_file")
        self.result = list_version_import(
            source=data["source"],
            content=data["file"].read(),
            file_name=data["file"].name,
            alias_content=alias.read() if alias else None,
            origin=_("uploaded by %(user)s") % {"user": self.request.user},
            actor=self.request.user,
        )
        return self.result.version

    def success(self, form):
        messages.success(self.request, self.result.message)
        return redirect("partners:watchlist_list")
