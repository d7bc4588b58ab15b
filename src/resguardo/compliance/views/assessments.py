import json

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import DetailView, FormView, TemplateView

from resguardo.core.exceptions import FrozenRecordError
from resguardo.core.permissions import Perm
from resguardo.core.views.actions import ServiceActionView
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..access import can_approve, can_manage, can_see_confidential
from ..choices import Result
from ..filtersets import AssessmentFilterSet, ResultFilterSet
from ..forms import AssessmentEditForm, AssessmentForm, BulkAssignForm, FreezeForm
from ..presenters import flag_labels, result_rows_html, tree_rows_html
from .base import ComplianceFormMixin, changes_from, form_initial


class AssessmentListView(FilteredListView):
    template_name = "compliance/assessment_list.html"
    partial_template_name = "compliance/partials/_assessment_rows.html"
    filterset_class = AssessmentFilterSet

    def get_base_queryset(self):
        return selectors.assessment_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = list(context["object_list"])
        readiness = selectors.assessment_readiness(page)
        for assessment in page:
            item = readiness.get(assessment.pk)
            assessment.readiness = item.overall.readiness if item else None
            assessment.progress = item.overall.progress if item else None
        context["object_list"] = page
        context["can_manage"] = can_manage(self.membership)
        return context


class AssessmentCreateView(OrganizationRequiredMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_form(self, form_class=None):
        return AssessmentForm(
            data=self.request.POST if self.request.method == "POST" else None,
            initial={"previous": self.request.GET.get("previous")},
            membership=self.membership,
            previous_queryset=selectors.assessment_list(membership=self.membership),
        )

    def get_context_data(self, **kwargs):
        current = selectors.current_assessments_of(membership=self.membership)
        if current:
            names = ", ".join(str(a) for a in current)
            intro = _(
                "The new assessment starts as a draft with its own progress. Readiness and its "
                "trend keep coming from the current assessment (%(names)s) until you sign off "
                "the new one or mark it current."
            ) % {"names": names}
        else:
            intro = _(
                "This is the first assessment of its framework: readiness and its trend will "
                "come from it."
            )
        return super().get_context_data(
            title=_("New self-assessment"),
            cancel_url="compliance:assessment_list",
            intro=intro,
            **kwargs,
        )

    def perform(self, form):
        return services.assessment_create(actor=self.actor, **form.cleaned_data)

    def success(self, form):
        if self.object.marked_current_at:
            message = _("Assessment started. Readiness is read from it.")
        else:
            message = _(
                "Assessment started as a draft. Readiness still comes from the current "
                "assessment until you sign off this one or mark it current."
            )
        messages.success(self.request, message)
        return redirect("compliance:assessment_detail", pk=self.object.pk)


class AssessmentMixin(OrganizationRequiredMixin):
    def get_assessment(self):
        if not hasattr(self, "_assessment"):
            self._assessment = selectors.assessment_get(
                membership=self.membership, pk=self.kwargs["pk"]
            )
        return self._assessment


class AssessmentDetailView(AssessmentMixin, TemplateView):
    """The tree of standards with progress and readiness, and what can be done next."""

    template_name = "compliance/assessment_detail.html"

    def get_context_data(self, **kwargs):
        assessment = self.get_assessment()
        tree = selectors.assessment_tree(membership=self.membership, assessment=assessment)
        readiness = selectors.assessment_readiness([assessment]).get(assessment.pk)
        current = selectors.current_assessment_of(membership=self.membership, assessment=assessment)
        return super().get_context_data(
            assessment=assessment,
            current=current,
            is_current=current is not None and current.pk == assessment.pk,
            can_mark_current=can_approve(self.membership),
            can_start_next=can_manage(self.membership),
            flags=flag_labels(assessment),
            owners=selectors.progress_by_owner(membership=self.membership, assessment=assessment),
            tree_html=tree_rows_html(tree),
            readiness=readiness,
            can_manage=can_manage(self.membership) and not assessment.is_frozen,
            can_approve=can_approve(self.membership) and not assessment.is_frozen,
            can_download_snapshot=can_see_confidential(self.membership),
            **kwargs,
        )


class AssessmentUpdateView(AssessmentMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    form_class = AssessmentEditForm
    required_perm = Perm.MANAGE_COMPLIANCE
    fields = ("name", "description", "due_date", "status")

    def get_initial(self):
        return form_initial(self.get_assessment(), self.fields)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Edit assessment"), cancel_object=self.get_assessment(), **kwargs
        )

    def perform(self, form):
        data, version = changes_from(form)
        return services.assessment_update(
            actor=self.actor,
            assessment=self.get_assessment(),
            expected_version=version,
            **data,
        )

    def success(self, form):
        messages.success(self.request, _("Assessment saved."))
        return redirect("compliance:assessment_detail", pk=self.object.pk)


class ResultListView(AssessmentMixin, FilteredListView):
    """Every requirement result of one assessment on one page (rows built in Python: fast)."""

    template_name = "compliance/result_list.html"
    partial_template_name = "compliance/partials/_result_rows.html"
    filterset_class = ResultFilterSet
    paginate_by = None

    def get_base_queryset(self):
        return selectors.result_list(membership=self.membership, assessment=self.get_assessment())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The page is one assessment's already: an "assessment id" box would only confuse.
        context["filterset"].form.fields["assessment"].widget = forms.HiddenInput()
        context["filterset"].form.fields["owner"].widget = forms.HiddenInput()
        assessment = self.get_assessment()
        rows = selectors.result_rows(context["object_list"])
        manage = can_manage(self.membership) and not assessment.is_frozen
        context.update(
            assessment=assessment,
            rows_html=result_rows_html(rows, selectable=manage),
            result_count=len(rows),
            can_manage=manage,
        )
        if manage:
            context["assign_form"] = BulkAssignForm(membership=self.membership, result_choices=[])
        return context


class BulkAssignView(AssessmentMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE
    http_method_names = ["post"]

    def get_form(self, form_class=None):
        choices = [(pk, pk) for pk in self.request.POST.getlist("results") if pk.isdigit()]
        return BulkAssignForm(
            data=self.request.POST, membership=self.membership, result_choices=choices
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Assign requirements"), cancel_object=self.get_assessment(), **kwargs
        )

    def perform(self, form):
        data = form.cleaned_data
        return services.results_assign(
            actor=self.actor,
            assessment=self.get_assessment(),
            result_ids=data["results"],
            owner=data["owner"],
            due_date=data["due_date"],
        )

    def success(self, form):
        messages.success(
            self.request,
            ngettext(
                "%(n)s requirement assigned to %(owner)s.",
                "%(n)s requirements assigned to %(owner)s.",
                self.object,
            )
            % {"n": self.object, "owner": form.cleaned_data["owner"]},
        )
        return redirect("compliance:result_list", pk=self.get_assessment().pk)


class FreezeView(AssessmentMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/assessment_freeze.html"
    form_class = FreezeForm
    required_perm = Perm.APPROVE

    def get_initial(self):
        return {"version": self.get_assessment().version}

    def get_context_data(self, **kwargs):
        assessment = self.get_assessment()
        readiness = selectors.assessment_readiness([assessment]).get(assessment.pk)
        return super().get_context_data(
            assessment=assessment,
            readiness=readiness,
            pending=readiness.overall.count(Result.NOT_ASSESSED) if readiness else 0,
            **kwargs,
        )

    def perform(self, form):
        data, version = changes_from(form, drop=("version", "confirm"))
        return services.assessment_freeze(
            actor=self.actor,
            assessment=self.get_assessment(),
            expected_version=version,
            statement=data["statement"],
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except FrozenRecordError as error:  # pragma: no cover - ComplianceFormMixin catches it
            form.add_error(None, error)
            return self.form_invalid(form)

    def success(self, form):
        messages.success(
            self.request,
            _("Assessment signed off and frozen. SHA-256: %(hash)s")
            % {"hash": self.object.snapshot_sha256},
        )
        return redirect("compliance:assessment_detail", pk=self.object.pk)


class MarkCurrentView(AssessmentMixin, ServiceActionView):
    """Make this assessment the one readiness and the trend are read from."""

    required_perm = Perm.APPROVE

    def act(self, request):
        services.assessment_mark_current(actor=self.actor, assessment=self.get_assessment())

    def get_success_message(self):
        return _("Readiness and its trend now come from this assessment.")

    def redirect_to(self):
        return self.get_assessment().get_absolute_url()


class SnapshotDownloadView(AssessmentMixin, DetailView):
    """The frozen snapshot as JSON, to verify the hash outside Resguardo."""

    def get(self, request, *args, **kwargs):
        assessment = self.get_assessment()
        if not can_see_confidential(self.membership):
            # The snapshot names every evidence item, confidential ones included.
            raise Http404
        snapshot = getattr(assessment, "snapshot", None) if assessment.is_frozen else None
        if snapshot is None:
            messages.error(request, _("This assessment is not frozen yet."))
            return redirect("compliance:assessment_detail", pk=assessment.pk)
        body = json.dumps(snapshot.content, sort_keys=True, ensure_ascii=False,
                          separators=(",", ":"))  # fmt: skip
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="assessment-{assessment.pk}-{snapshot.sha256[:12]}.json"'
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
