from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from resguardo.core.permissions import Perm
from resguardo.core.views.actions import ServiceActionView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..access import can_answer, can_approve, can_manage
from ..forms import ActionForm, AssignForm, EvidenceForm, LinkEvidenceForm, ResultForm
from ..models import RequirementResult
from ..requirement_indicators import indicator_lines
from .base import ComplianceFormMixin, changes_from, form_initial

ANSWER_FIELDS = ("result", "score", "answer", "justification", "comments")


class ResultMixin(OrganizationRequiredMixin):
    def get_result(self) -> RequirementResult:
        if not hasattr(self, "_result"):
            self._result = selectors.result_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._result


class ResultDetailView(ResultMixin, ComplianceFormMixin, FormView):
    """One requirement: the catalog text, live indicators, the answer, evidence, review.

    A save over someone else's newer save answers 409 and shows both texts: the person's own
    (still in the form) and the other version, so nothing typed is lost.
    """

    conflict_status = 409
    template_name = "compliance/result_detail.html"
    form_class = ResultForm

    def get_initial(self):
        return form_initial(self.get_result(), ANSWER_FIELDS)

    def may_answer(self) -> bool:
        result = self.get_result()
        return can_answer(self.membership, result) and not result.assessment.is_frozen

    def get_context_data(self, **kwargs):
        result = self.get_result()
        assessment = result.assessment
        manage = can_manage(self.membership) and not assessment.is_frozen
        context = super().get_context_data(
            result=result,
            node=result.node,
            assessment=assessment,
            readings=indicator_lines(
                result.node.indicators,
                organization=self.membership.organization,
                site=assessment.site,
            ),  # fmt: skip
            evidence=selectors.result_evidence(membership=self.membership, result=result),
            actions=selectors.actions_for_result(membership=self.membership, result=result),
            neighbours=selectors.result_neighbours(membership=self.membership, result=result),
            may_answer=self.may_answer(),
            can_manage=manage,
            can_review=can_approve(self.membership) and not assessment.is_frozen,
            own_answer=(
                self.membership.organization.review_by_second_person
                and result.answered_by_id == self.request.user.pk
            ),
            **kwargs,
        )
        if manage:
            context["assign_form"] = AssignForm(
                membership=self.membership,
                initial={"owner": result.owner, "due_date": result.due_date,
                         "version": result.version},
            )  # fmt: skip
        return context

    def post(self, request, *args, **kwargs):
        if not self.may_answer():
            raise PermissionDenied(_("You cannot answer this requirement."))
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        data, version = changes_from(form)
        return services.result_update(
            actor=self.actor,
            target=self.get_result(),
            expected_version=version,
            **data,
        )

    def conflict_object(self, error):
        # The page around the form (owner, review, evidence) shows the stored record too.
        del self._result
        return self.get_result()

    def success(self, form):
        messages.success(self.request, _("Answer saved."))
        for warning in selectors.answer_warnings(self.object):
            messages.warning(self.request, warning)
        if "save_next" in self.request.POST or "save_previous" in self.request.POST:
            neighbours = selectors.result_neighbours(membership=self.membership, result=self.object)
            target = neighbours.next if "save_next" in self.request.POST else neighbours.previous
            if target is not None:
                return redirect("compliance:result_detail", pk=target.pk)
        return redirect("compliance:result_detail", pk=self.get_result().pk)


class ResultAssignView(ResultMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE
    http_method_names = ["post"]

    def get_form(self, form_class=None):
        return AssignForm(data=self.request.POST, membership=self.membership)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Assign requirement"), **kwargs)

    def perform(self, form):
        data, version = changes_from(form)
        return services.result_assign(
            actor=self.actor,
            target=self.get_result(),
            expected_version=version,
            **data,
        )

    def success(self, form):
        messages.success(self.request, _("Assignment saved."))
        return redirect("compliance:result_detail", pk=self.object.pk)


class ResultReviewView(ResultMixin, ServiceActionView):
    required_perm = Perm.APPROVE

    def act(self, request):
        service = services.result_unreview if "undo" in request.POST else services.result_review
        version = request.POST.get("version")
        service(
            actor=self.actor,
            target=self.get_result(),
            expected_version=int(version) if version and version.isdigit() else None,
        )

    def get_success_message(self):
        return _("Review saved.")

    def redirect_to(self):
        return self.get_result().get_absolute_url()


class ResultEvidenceAddView(ResultMixin, ComplianceFormMixin, FormView):
    """Upload new evidence for the requirement, or link an existing item."""

    template_name = "compliance/result_evidence_form.html"
    required_perm = Perm.VIEW

    def get(self, request, *args, **kwargs):
        self.check_allowed()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.check_allowed()
        return super().post(request, *args, **kwargs)

    def check_allowed(self):
        result = self.get_result()
        if not can_answer(self.membership, result):
            raise PermissionDenied(_("You cannot add evidence to this requirement."))
        if result.assessment.is_frozen:
            raise PermissionDenied(
                _("This assessment is frozen: it was signed off and can no longer change.")
            )

    def linking(self) -> bool:
        return "evidence" in self.request.POST

    def get_form(self, form_class=None):
        data = self.request.POST if self.request.method == "POST" else None
        files = self.request.FILES if self.request.method == "POST" else None
        if data is not None and self.linking():
            return self.link_form(data)
        return EvidenceForm(data=data, files=files, membership=self.membership)

    def link_form(self, data=None):
        return LinkEvidenceForm(
            data=data,
            evidence_queryset=selectors.evidence_list(membership=self.membership).exclude(
                links__result=self.get_result()
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(result=self.get_result(), **kwargs)
        context.setdefault("link_form", self.link_form())
        if self.request.method == "POST" and self.linking():
            context["link_form"] = context["form"]
            context["form"] = EvidenceForm(membership=self.membership)
        return context

    def perform(self, form):
        result = self.get_result()
        if self.linking():
            return services.evidence_link(
                actor=self.actor,
                evidence=form.cleaned_data["evidence"],
                result=result,
            )
        return services.evidence_create(
            actor=self.actor, result=result,
            **form.cleaned_data,
        )  # fmt: skip

    def success(self, form):
        messages.success(self.request, _("Evidence added to the requirement."))
        return redirect("compliance:result_detail", pk=self.get_result().pk)


class ResultEvidenceUnlinkView(ResultMixin, ServiceActionView):
    def act(self, request):
        evidence = selectors.evidence_get(membership=self.membership, pk=self.kwargs["evidence"])
        services.evidence_unlink(
            actor=self.actor, evidence=evidence,
            result=self.get_result(),
        )  # fmt: skip

    def get_success_message(self):
        return _("Evidence removed from the requirement (the item stays in the vault).")

    def redirect_to(self):
        return self.get_result().get_absolute_url()


class ResultActionCreateView(ResultMixin, ComplianceFormMixin, FormView):
    template_name = "compliance/form.html"
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_form(self, form_class=None):
        result = self.get_result()
        return ActionForm(
            data=self.request.POST if self.request.method == "POST" else None,
            membership=self.membership,
            initial={"owner": result.owner, "site": result.assessment.site,
                     "title": _("Close the gap in %(ref)s") % {"ref": result.node.ref_id}},
        )  # fmt: skip

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("New action for %(ref)s") % {"ref": self.get_result().node.ref_id},
            cancel_object=self.get_result(),
            **kwargs,
        )

    def perform(self, form):
        return services.action_item_create(
            actor=self.actor, result=self.get_result(),
            **form.cleaned_data,
        )  # fmt: skip

    def success(self, form):
        messages.success(self.request, _("Action created."))
        return redirect("compliance:result_detail", pk=self.get_result().pk)


class MyResultsView(OrganizationRequiredMixin, ListView):
    template_name = "compliance/my_results.html"
    paginate_by = 100

    def get_queryset(self):
        return selectors.results_for_user(membership=self.membership)
