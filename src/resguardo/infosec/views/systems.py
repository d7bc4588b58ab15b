from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView

from resguardo.core.downloads import stored_file_response
from resguardo.core.permissions import Perm
from resguardo.core.tabular.views import StagedImportView

from .. import selectors, services
from ..access import MANAGE_PERM, can_manage
from ..choices import AccountStatus, ReviewStatus
from ..filtersets import SystemFilterSet
from ..forms import AccountForm, AccountImportForm, RestoreTestForm, SystemForm
from .common import FormPage, ListPage, ReadMixin


class SystemListView(ListPage):
    template_name = "infosec/system_list.html"
    partial_template_name = "infosec/partials/_system_rows.html"
    filterset_class = SystemFilterSet

    def get(self, request, *args, **kwargs):
        if can_manage(self.membership):
            services.builtin_system_ensure(actor=self.actor)  # Resguardo's own row, once
        return super().get(request, *args, **kwargs)

    def get_base_queryset(self):
        return selectors.system_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for system in context["object_list"]:
            system.review_due_on = selectors.review_due_on(system, system.last_review_at)
        context["today"] = timezone.localdate()
        return context


class _SystemForm(FormPage):
    form_class = SystemForm
    title = gettext_lazy("New system")
    cancel_url = reverse_lazy("infosec:system_list")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"people": self.people()}

    def success(self, form):
        messages.success(self.request, _("System saved."))
        return redirect("infosec:system_detail", pk=self.object.pk)


class SystemCreateView(_SystemForm):
    def perform(self, form):
        data = dict(form.cleaned_data)
        data.pop("version", None)
        data.pop("is_active", None)
        return services.system_create(actor=self.actor, **data)


class SystemEditView(_SystemForm):
    def get_system(self):
        if not hasattr(self, "_system"):
            self._system = selectors.system_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._system

    def get_title(self):
        return _("Edit %(name)s") % {"name": self.get_system().name}

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"builtin": self.get_system().is_builtin}

    def get_initial(self):
        s = self.get_system()
        fields = (
            "name",
            "kind",
            "vendor",
            "mfa_enforced",
            "backup_frequency",
            "backup_arrangement",
            "review_interval_months",
            "is_active",
            "notes",
            "version",
        )
        return {f: getattr(s, f) for f in fields} | {"owner": s.owner_id}

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        return services.system_update(
            actor=self.actor, system=self.get_system(), expected_version=version, **data
        )


class SystemDetailView(ReadMixin, DetailView):
    template_name = "infosec/system_detail.html"
    context_object_name = "system"

    def get_object(self, queryset=None):
        return selectors.system_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        system = self.object
        reviews = selectors.review_list(membership=self.membership).filter(system=system)
        return super().get_context_data(
            accounts=selectors.account_list(membership=self.membership)
            .filter(system=system)
            .exclude(status=AccountStatus.REMOVED)
            .select_related("user"),
            reviews=reviews[:10],
            open_review=reviews.filter(status=ReviewStatus.OPEN).first(),
            restore_tests=selectors.restore_test_list(membership=self.membership).filter(
                system=system
            )[:10],
            review_due_on=selectors.review_due_on(system, system.last_review_at),
            today=timezone.localdate(),
            can_manage_members=self.can(Perm.MANAGE_ORGANIZATION),
            **kwargs,
        )


class _SystemChild(FormPage):
    def get_system(self):
        if not hasattr(self, "_system"):
            self._system = selectors.system_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._system

    def get_cancel_url(self):
        return reverse("infosec:system_detail", args=[self.get_system().pk])

    def success(self, form):
        messages.success(self.request, _("Saved."))
        return redirect("infosec:system_detail", pk=self.get_system().pk)


class AccountCreateView(_SystemChild):
    form_class = AccountForm

    def get_title(self):
        return _("New account on %(system)s") % {"system": self.get_system().name}

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"people": self.people()}

    def perform(self, form):
        data = dict(form.cleaned_data)
        data.pop("version", None)
        return services.account_create(actor=self.actor, system=self.get_system(), **data)


class AccountEditView(_SystemChild):
    form_class = AccountForm

    def get_account(self):
        if not hasattr(self, "_account"):
            self._account = selectors.account_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._account

    def get_system(self):
        return self.get_account().system

    def get_title(self):
        return _("Edit account %(account)s") % {"account": self.get_account()}

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"people": self.people()}

    def get_initial(self):
        a = self.get_account()
        fields = ("account_name", "person_name", "employee_number", "privileges", "mfa_enabled",
                  "status", "version")  # fmt: skip
        return {f: getattr(a, f) for f in fields} | {"user": a.user_id}

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        return services.account_update(
            actor=self.actor, account=self.get_account(), expected_version=version, **data
        )


class RestoreTestCreateView(_SystemChild):
    form_class = RestoreTestForm

    def get_title(self):
        return _("Restore test of %(system)s") % {"system": self.get_system().name}

    def get_initial(self):
        return {"tested_on": timezone.localdate()}

    def perform(self, form):
        return services.restore_test_record(
            actor=self.actor, system=self.get_system(), **form.cleaned_data
        )


class RestoreEvidenceView(ReadMixin, View):
    def get(self, request, pk):
        test = selectors.restore_test_get(membership=self.membership, pk=pk)
        return stored_file_response(
            test.file, content_type=test.content_type, filename=test.original_name
        )


class AccountImportView(ReadMixin, StagedImportView):
    """Upload → dry-run report → confirm: the file replaces the system's account list."""

    form_class = AccountImportForm
    template_name = "infosec/account_import.html"
    required_perm = MANAGE_PERM
    import_kind = "infosec.accounts"

    def get_system(self):
        if not hasattr(self, "_system"):
            self._system = selectors.system_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._system

    def scope(self) -> str:
        return str(self.get_system().pk)

    def upload_options(self, form) -> dict:
        return {"start_review": bool(form.cleaned_data.get("start_review"))}

    def run_import(self, *, data, file_name, options, dry_run):
        return services.accounts_import(
            actor=self.actor,
            system=self.get_system(),
            file_name=file_name,
            content=data,
            dry_run=dry_run,
            start_review=options.get("start_review", True),
        )

    def done(self, report):
        messages.success(
            self.request,
            _("%(n)s accounts imported; %(gone)s no longer in the system.")
            % {"n": report.written, "gone": report.details.get("gone", 0)},
        )
        review_id = report.details.get("review_id")
        if review_id:
            return redirect("infosec:review_detail", pk=review_id)
        return redirect("infosec:system_detail", pk=self.get_system().pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(system=self.get_system(), **kwargs)
