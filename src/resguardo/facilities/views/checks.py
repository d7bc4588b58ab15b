"""Scheduled checks, guard rounds on a phone (QR checkpoints) and their printable codes."""

import segno
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, TemplateView

from resguardo.core.actors import Actor
from resguardo.core.pagination import CappedPaginator
from resguardo.core.permissions import Perm
from resguardo.core.views.actions import ServiceActionView
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors
from ..choices import CheckKind, RunStatus
from ..filtersets import CheckRunFilterSet, CheckTypeFilterSet
from ..forms import CheckRecordForm, CheckTypeForm, RoundFinishForm
from ..models import Checkpoint  # noqa: F401 - for the type of checkpoint_qr_svg
from ..services.checks import check_record, check_type_create, round_finish, round_scan
from .badges import FormPage


class CheckListView(FilteredListView):
    template_name = "facilities/check_list.html"
    filterset_class = CheckTypeFilterSet

    def get_base_queryset(self):
        return selectors.check_type_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        from django.utils import timezone

        return super().get_context_data(
            today=timezone.localdate(),
            open_rounds=selectors.open_rounds(membership=self.membership, user=self.request.user),
            **kwargs,
        )


class CheckCreateView(FormPage):
    form_class = CheckTypeForm
    required_perm = Perm.MANAGE_COMPLIANCE
    with_membership = True
    title = gettext_lazy("Schedule a check")

    def perform(self, form):
        return check_type_create(actor=Actor.from_request(self.request), **form.cleaned_data)

    def success(self, form):
        messages.success(self.request, _("Check scheduled."))
        return redirect("facilities:check_detail", pk=self.object.pk)


class CheckDetailView(OrganizationRequiredMixin, DetailView):
    template_name = "facilities/check_detail.html"
    context_object_name = "check"

    def get_object(self, queryset=None):
        return selectors.check_type_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            checkpoints=self.object.checkpoints.all(),
            runs=selectors.run_list(membership=self.membership).filter(check_type=self.object)[:20],
            can_record=self.can(Perm.RECORD),
            is_round=self.object.kind == CheckKind.GUARD_ROUND,
            **kwargs,
        )


def checkpoint_qr_svg(request, checkpoint: Checkpoint) -> str:
    url = request.build_absolute_uri(reverse("facilities:scan", args=[checkpoint.code]))
    return mark_safe(segno.make(url, error="m").svg_inline(scale=4))  # noqa: S308 - segno's own SVG


class CheckpointSheetView(OrganizationRequiredMixin, DetailView):
    """One printable QR code per checkpoint, to stick at each place of the round."""

    template_name = "facilities/checkpoint_sheet.html"
    context_object_name = "check"

    def get_object(self, queryset=None):
        return selectors.check_type_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        codes = [(c, checkpoint_qr_svg(self.request, c)) for c in self.object.checkpoints.all()]
        return super().get_context_data(codes=codes, **kwargs)


class CheckRecordView(FormPage):
    form_class = CheckRecordForm
    title = gettext_lazy("Record a check")

    def get_check(self):
        return selectors.check_type_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "check_type": self.get_check()}

    def get_context_data(self, **kwargs):
        check = self.get_check()
        return super().get_context_data(
            intro=f"{check.name} · {check.site.name}",
            cancel_url=reverse("facilities:check_detail", args=[check.pk]),
            **kwargs,
        )

    def perform(self, form):
        return check_record(
            actor=Actor.from_request(self.request), check_type=self.get_check(), **form.cleaned_data
        )

    def success(self, form):
        messages.success(self.request, _("Check recorded."))
        return redirect("facilities:run_detail", pk=self.object.pk)


class ScanView(OrganizationRequiredMixin, TemplateView):
    """The page a checkpoint's QR code opens: one tap records the scan for the person signed
    in (GET never writes)."""

    template_name = "facilities/scan.html"
    required_perm = Perm.RECORD

    def get_context_data(self, **kwargs):
        checkpoint = selectors.checkpoint_by_code(
            membership=self.membership, code=self.kwargs["code"]
        )
        if checkpoint is None:  # unknown, or another organization's: nothing to say about it
            raise Http404(_("This checkpoint code is not one of your organization's."))
        return super().get_context_data(checkpoint=checkpoint, **kwargs)

    def post(self, request, code):
        from django.core.exceptions import PermissionDenied, ValidationError

        if selectors.checkpoint_by_code(membership=self.membership, code=code) is None:
            raise Http404(_("This checkpoint code is not one of your organization's."))
        try:
            scan, created = round_scan(actor=Actor.from_request(request), code=code)
        except (ValidationError, PermissionDenied) as error:
            text = " ".join(getattr(error, "messages", [str(error)]))
            messages.error(request, text)
            return redirect("facilities:check_list")
        if created:
            messages.success(request, _("%(name)s scanned.") % {"name": scan.checkpoint.name})
        else:
            messages.info(
                request,
                _("%(name)s was already scanned on this round; recorded once.")
                % {"name": scan.checkpoint.name},
            )
        return redirect("facilities:run_detail", pk=scan.run_id)


class RunListView(FilteredListView):
    template_name = "facilities/run_list.html"
    filterset_class = CheckRunFilterSet
    paginator_class = CappedPaginator

    def get_base_queryset(self):
        return selectors.run_list(membership=self.membership)


class RunDetailView(OrganizationRequiredMixin, DetailView):
    template_name = "facilities/run_detail.html"
    context_object_name = "run"

    def get_object(self, queryset=None):
        return selectors.run_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        run = self.object
        scanned = {s.checkpoint_id: s for s in run.scans.select_related("scanned_by")}
        points = [(c, scanned.get(c.pk)) for c in run.check_type.checkpoints.all()]
        return super().get_context_data(
            points=points,
            can_finish=self.can(Perm.RECORD) and run.status == RunStatus.OPEN,
            finish_form=RoundFinishForm(),
            cameras=run.cameras.all(),
            **kwargs,
        )


class RoundFinishView(ServiceActionView):
    required_perm = Perm.RECORD
    refusal_as_message = True

    def act(self, request):
        run = selectors.run_get(membership=self.membership, pk=self.kwargs["pk"])
        form = RoundFinishForm(request.POST)
        form.is_valid()
        self.run = round_finish(actor=Actor.from_request(request), run=run, **form.cleaned_data)

    def get_success_message(self):
        if self.run.status == RunStatus.INCOMPLETE:
            return _("Round recorded as incomplete: some checkpoints were not scanned.")
        return _("Round finished.")

    def redirect_to(self):
        return reverse("facilities:run_detail", args=[self.kwargs["pk"]])
