"""The questionnaire a partner answers through its private link, without an account.

An unknown, used, revoked or expired link gets one and the same page, which says what may
have happened and reveals nothing about the agency, the partner or the questions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View

from .. import services
from ..choices import AnswerValue
from ..forms import ACCEPT_DOCUMENTS

PRIVATE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}


def _private(response):
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def invalid_link(request):
    return _private(render(request, "partners/public/invalid_link.html", status=404))


class PublicQuestionnaireView(View):
    template_name = "partners/public/questionnaire.html"

    def dispatch(self, request, token, *args, **kwargs):
        self.token = token
        self.questionnaire = services.questionnaire_for_token(token)
        if self.questionnaire is None:
            return invalid_link(request)
        chosen = request.GET.get("lang")
        self.language = chosen if chosen in ("es", "en") else self.questionnaire.language
        with translation.override("es-mx" if self.language == "es" else "en"):
            return super().dispatch(request, *args, **kwargs)

    def _answers_from(self, post) -> dict:
        answers = {}
        for question in self.questionnaire.questions:
            code = question["code"]
            answers[code] = {
                "value": post.get(f"q-{code}", ""),
                "comment": post.get(f"c-{code}", ""),
            }
        return answers

    def get(self, request, *args, **kwargs):
        return self.render(self.questionnaire.answers)

    def post(self, request, *args, **kwargs):
        answers = self._answers_from(request.POST)
        submit = "submit" in request.POST
        errors = self._attach_files(request)
        try:
            services.questionnaire_answer(
                questionnaire=self.questionnaire, answers=answers, submit=submit and not errors
            )
        except ValidationError as error:
            errors.extend(error.messages)
        if errors:
            return self.render(answers, errors=errors, status=400)
        if submit:
            return _private(
                render(
                    request, "partners/public/thanks.html", {"questionnaire": self.questionnaire}
                )
            )
        messages.success(
            request, _("Draft saved. You can come back with the same link until it expires.")
        )
        return redirect(request.get_full_path())

    def _attach_files(self, request) -> list[str]:
        errors = []
        for key in request.FILES:
            if not key.startswith("f-"):
                continue
            code = key[2:]
            for upload in request.FILES.getlist(key):
                try:
                    services.questionnaire_attach(
                        questionnaire=self.questionnaire, question_code=code, upload=upload
                    )
                except ValidationError as error:
                    errors.extend(f"{code} · {upload.name}: {m}" for m in error.messages)
        return errors

    def render(self, answers, errors=(), status=200):
        q = self.questionnaire
        documents = {}
        for document in q.documents.all():
            documents.setdefault(document.question_code, []).append(document)
        spanish = self.language.startswith("es")
        rows, section = [], None
        for question in q.questions:
            answer = answers.get(question["code"], {})
            rows.append(
                {
                    "new_section": question["section"] != section,
                    "section_title": question["section_title"]["es" if spanish else "en"],
                    "question": question,
                    "text": question["text"]["es" if spanish else "en"],
                    "value": answer.get("value", ""),
                    "comment": answer.get("comment", ""),
                    "documents": documents.get(question["code"], []),
                }
            )
            section = question["section"]
        context = {
            "questionnaire": q,
            "rows": rows,
            "choices": AnswerValue.choices,
            "errors": errors,
            "token": self.token,
            "accept": ACCEPT_DOCUMENTS,
            "spanish": spanish,
        }
        return _private(render(self.request, self.template_name, context, status=status))
