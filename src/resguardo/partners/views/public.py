"""The questionnaire a partner answers through its private link, without an account.

An unknown, used, revoked or expired link gets one and the same page, which says what may
have happened and reveals nothing about the agency, the partner or the questions."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View

from .. import services
from ..choices import AnswerValue
from ..forms import ACCEPT_DOCUMENTS

# "same-origin" keeps the token in the address away from other sites. Not "no-referrer":
# with it, browsers send "Origin: null" on the form's own POST and the CSRF check refuses
# every draft and every submission.
PRIVATE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
    "X-Robots-Tag": "noindex, nofollow",
}


def _private(response):
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def invalid_link(request):
    return _private(render(request, "partners/public/invalid_link.html", status=404))


def _language(request, questionnaire) -> str:
    """The questionnaire's language, unless the visitor picked one with the switch in the
    top bar (its cookie) or with an explicit ?lang=."""
    chosen = request.GET.get("lang") or request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    chosen = chosen[:2]
    return chosen if chosen in ("es", "en") else questionnaire.language


def _interface_language(language: str) -> str:
    return "es-mx" if language == "es" else "en"


def _thanks(request, questionnaire):
    context = {"questionnaire": questionnaire}
    return _private(render(request, "partners/public/thanks.html", context))


def _incomplete(error: ValidationError) -> bool:
    inner = error.error_dict.get("answers", []) if hasattr(error, "error_dict") else [error]
    return any(getattr(e, "code", None) == "incomplete" for e in inner)


class PublicQuestionnaireView(View):
    template_name = "partners/public/questionnaire.html"

    def dispatch(self, request, token, *args, **kwargs):
        self.token = token
        self.questionnaire = services.questionnaire_for_token(token)
        if self.questionnaire is None:
            if request.method == "POST":
                sent = services.questionnaire_just_submitted(token)
                if sent is not None:  # a second tap on "Send answers"
                    with translation.override(_interface_language(_language(request, sent))):
                        return _thanks(request, sent)
            return invalid_link(request)
        self.language = _language(request, self.questionnaire)
        with translation.override(_interface_language(self.language)):
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
            if _incomplete(error):
                # Keep what was answered: a phone may lose the page before the gaps are filled.
                services.questionnaire_answer(questionnaire=self.questionnaire, answers=answers)
                errors.append(_("Your answers so far were saved as a draft."))
        if errors:
            missing = (
                set(services.unanswered_questions(self.questionnaire, answers)) if submit else set()
            )
            return self.render(answers, errors=errors, missing=missing, status=400)
        if submit:
            return _thanks(request, self.questionnaire)
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

    def render(self, answers, errors=(), missing=frozenset(), status=200):
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
                    "missing": question["code"] in missing,
                }
            )
            section = question["section"]
        context = {
            "questionnaire": q,
            "rows": rows,
            "choices": AnswerValue.choices,
            "errors": errors,
            "missing": [row["question"]["code"] for row in rows if row["missing"]],
            "token": self.token,
            "accept": ACCEPT_DOCUMENTS,
            "spanish": spanish,
        }
        return _private(render(self.request, self.template_name, context, status=status))
