"""The agency's side of security questionnaires: send, follow, review."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView

from resguardo.core.permissions import Perm
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..choices import AnswerValue
from ..filtersets import QuestionnaireFilterSet
from ..forms import CommentForm, QuestionnaireSendForm
from .base import ServicePostView
from .records import PartnerFormView


class QuestionnaireListView(FilteredListView):
    template_name = "partners/questionnaire_list.html"
    partial_template_name = "partners/partials/_questionnaire_rows.html"
    filterset_class = QuestionnaireFilterSet

    def get_base_queryset(self):
        return selectors.questionnaire_list(membership=self.membership)


class QuestionnaireSendView(PartnerFormView):
    form_class = QuestionnaireSendForm
    title = gettext_lazy("Send a security questionnaire")
    intro = gettext_lazy(
        "The partner receives a private link by e-mail. It works only for this questionnaire "
        "and expires; no account is needed."
    )
    submit_label = gettext_lazy("Send")

    def get_initial(self):
        contact = self.partner.contacts.exclude(email="").first()
        return {"recipient_name": contact.name, "recipient_email": contact.email} if contact else {}

    def perform(self, form):
        questionnaire, _token = services.questionnaire_send(
            actor=self.actor,
            partner=self.partner,
            base_url=self.request.build_absolute_uri("/"),
            **form.cleaned_data,
        )
        return questionnaire

    def success(self, form):
        messages.success(
            self.request,
            _("Questionnaire sent to %(email)s.") % {"email": self.object.recipient_email},
        )
        return redirect("partners:questionnaire_detail", pk=self.object.pk)


class QuestionnaireDetailView(OrganizationRequiredMixin, DetailView):
    template_name = "partners/questionnaire_detail.html"
    context_object_name = "questionnaire"

    def get_object(self, queryset=None):
        return selectors.questionnaire_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        q = self.object
        documents = {}
        for document in q.documents.all():
            documents.setdefault(document.question_code, []).append(document)
        rows, section = [], None
        for question in q.questions:
            answer = q.answers.get(question["code"], {})
            value = answer.get("value", "")
            label = (
                AnswerValue(value).label
                if question["kind"] == "choice" and value in AnswerValue.values
                else value
            )
            rows.append(
                {
                    "new_section": question["section"] != section,
                    "section_title": _pick(question["section_title"]),
                    "question": question,
                    "text": _pick(question["text"]),
                    "value": value,
                    "label": label,
                    "comment": answer.get("comment", ""),
                    "documents": documents.get(question["code"], []),
                }
            )
            section = question["section"]
        context.update(
            rows=rows, can_manage=self.can(Perm.MANAGE_COMPLIANCE), comment_form=CommentForm()
        )
        return context


def _pick(text: dict) -> str:
    from django.utils.translation import get_language

    return text.get("es") if (get_language() or "es").startswith("es") else text.get("en")


class QuestionnaireActionView(ServicePostView):
    def post(self, request, *args, **kwargs):
        self.questionnaire = selectors.questionnaire_get(
            membership=self.membership, pk=self.kwargs["pk"]
        )
        return super().post(request, *args, **kwargs)

    def redirect_to(self):
        return reverse("partners:questionnaire_detail", args=[self.questionnaire.pk])


class QuestionnaireAcceptView(QuestionnaireActionView):
    success_message = gettext_lazy("Questionnaire accepted. The partner's risk rating was updated.")

    def act(self, request):
        services.questionnaire_accept(
            actor=self.actor,
            questionnaire=self.questionnaire,
            comment=request.POST.get("comment", ""),
        )


class QuestionnaireCorrectionsView(QuestionnaireActionView):
    success_message = gettext_lazy("Sent back for corrections with a new link.")

    def act(self, request):
        services.questionnaire_request_corrections(
            actor=self.actor,
            questionnaire=self.questionnaire,
            comment=request.POST.get("comment", ""),
        )


class QuestionnaireRevokeView(QuestionnaireActionView):
    success_message = gettext_lazy("Questionnaire revoked: its link no longer works.")

    def act(self, request):
        services.questionnaire_revoke(actor=self.actor, questionnaire=self.questionnaire)
