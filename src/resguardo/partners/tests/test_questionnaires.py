"""Security questionnaires: the private link, answering without an account, scoring,
review, reminders, and links that no longer work."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from resguardo.core.actors import Actor

from .. import services
from ..choices import QuestionnaireStatus
from ..models import PartnerDocument, Questionnaire
from .factories import create_partner

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def sent(world, carla_membership, django_capture_on_commit_callbacks):
    partner = create_partner(
        world, kind="carrier", legal_name="Transportes Confiables, S.A. de C.V."
    )
    with django_capture_on_commit_callbacks(execute=True):
        questionnaire, token = services.questionnaire_send(
            actor=Actor.for_member(carla_membership),
            partner=partner,
            recipient_email="Seguridad@Confiables.example.mx",
            recipient_name="Rosa",
            language="en",
            base_url="http://testserver/",
        )
    return questionnaire, token


def _link_path(message):
    return re.search(r"http://testserver(/q/[^/\s]+/)", message.body).group(1)


def _all_yes(questionnaire):
    data = {}
    for q in questionnaire.questions:
        data[f"q-{q['code']}"] = "yes" if q["kind"] == "choice" else "Rosa Pérez, security manager"
    return data


def test_the_partner_gets_a_private_link_by_email(sent):
    questionnaire, token = sent
    message = mail.outbox[-1]
    assert message.to == ["seguridad@confiables.example.mx"]
    assert "Security questionnaire from Agencia Aduanal Norte" in message.subject
    assert _link_path(message) == f"/q/{token}/"
    assert token not in questionnaire.token_hash and len(questionnaire.token_hash) == 64
    assert not Questionnaire.objects.filter(token_hash=token).exists()  # only its hash is stored


def test_questions_follow_the_partner_type(sent):
    questionnaire, _token = sent
    codes = {q["code"] for q in questionnaire.questions}
    assert {"CNV-1", "CNV-4", "CNV-5"} <= codes  # carrier questions
    assert questionnaire.questions[0]["text"]["es"] and questionnaire.questions[0]["text"]["en"]


def test_the_partner_answers_without_an_account(sent, client):
    questionnaire, token = sent
    url = reverse("partners_public:questionnaire", args=[token])
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Agencia Aduanal Norte" in body and "ISO 17712" in body
    # The token in the address never goes to another site ("same-origin"), yet the browser
    # still sends the page's origin with its own POST (see the CSRF test below).
    assert page["Cache-Control"] == "no-store" and page["Referrer-Policy"] == "same-origin"
    draft = {"q-PRG-1": "partial", "c-PRG-1": "Being written", "save": "1"}
    assert client.post(url, draft).status_code == 302
    questionnaire.refresh_from_db()
    assert questionnaire.status == QuestionnaireStatus.IN_PROGRESS
    assert questionnaire.answers["PRG-1"] == {"value": "partial", "comment": "Being written"}
    assert 'value="partial" checked' in client.get(url).content.decode()


def _browser_origin(page) -> str:
    """The Origin header a browser sends with a form's POST back to the same site (Fetch
    standard): "null" when the page's Referrer-Policy is "no-referrer"."""
    return "null" if page["Referrer-Policy"] == "no-referrer" else "http://testserver"


def test_a_browser_can_save_and_send_through_the_link(sent):
    """CSRF checks on, and the Origin header a real browser would send from the page."""
    questionnaire, token = sent
    browser = Client(enforce_csrf_checks=True)
    url = reverse("partners_public:questionnaire", args=[token])
    page = browser.get(url)
    csrf = {"csrfmiddlewaretoken": browser.cookies[settings.CSRF_COOKIE_NAME].value}
    origin = _browser_origin(page)
    draft = browser.post(url, {**csrf, "q-PRG-1": "yes", "save": "1"}, HTTP_ORIGIN=origin)
    assert draft.status_code == 302
    assert "Draft saved" in browser.get(url).content.decode()
    done = browser.post(url, {**csrf, **_all_yes(questionnaire), "submit": "1"}, HTTP_ORIGIN=origin)
    assert done.status_code == 200 and "the questionnaire was sent" in done.content.decode()
    questionnaire.refresh_from_db()
    assert questionnaire.status == QuestionnaireStatus.SUBMITTED


def test_the_language_switch_in_the_top_bar_applies_to_the_questionnaire(sent, client):
    _questionnaire, token = sent  # sent in English
    url = reverse("partners_public:questionnaire", args=[token])
    assert "Save draft" in client.get(url).content.decode()
    client.post(reverse("core:set_language"), {"language": "es-mx", "next": url})
    text = client.get(url).content.decode()
    assert '<html lang="es-mx">' in text and "Guardar borrador" in text
    assert "?lang=" not in text  # one language switch on the page, not two


def test_submitting_needs_every_answer(sent, client):
    _questionnaire, token = sent
    url = reverse("partners_public:questionnaire", args=[token])
    response = client.post(url, {"q-PRG-1": "yes", "submit": "1"})
    assert response.status_code == 400
    assert "Answer every question before sending" in response.content.decode()


def test_sending_too_early_marks_each_unanswered_question(sent, client):
    questionnaire, token = sent
    url = reverse("partners_public:questionnaire", args=[token])
    answers = _all_yes(questionnaire)
    del answers["q-CNV-2"], answers["q-CYB-1"]
    response = client.post(url, {**answers, "c-CNV-2": "We use ISO 17712 seals", "submit": "1"})
    assert response.status_code == 400
    text = response.content.decode()
    marked = re.findall(r'id="m-([A-Z]+-\d+)" data-testid="unanswered"', text)
    assert sorted(marked) == ["CNV-2", "CYB-1"]
    assert 'href="#q-CNV-2"' in text and 'href="#q-CYB-1"' in text
    assert "We use ISO 17712 seals" in text  # what was typed stays
    assert 'value="yes" checked' in text
    assert "Your answers so far were saved as a draft." in text
    questionnaire.refresh_from_db()
    assert questionnaire.status == QuestionnaireStatus.IN_PROGRESS  # kept as a draft
    assert questionnaire.answers["CNV-2"] == {"value": "", "comment": "We use ISO 17712 seals"}
    assert questionnaire.answers["PRG-1"]["value"] == "yes"


def test_submit_scores_and_the_used_link_reveals_nothing(sent, client):
    questionnaire, token = sent
    url = reverse("partners_public:questionnaire", args=[token])
    answers = _all_yes(questionnaire)
    answers.update({"q-CNV-2": "no", "q-CYB-2": "partial", "q-PTN-2": "na", "submit": "1"})
    response = client.post(url, answers)
    assert "the questionnaire was sent" in response.content.decode()
    questionnaire.refresh_from_db()
    assert questionnaire.status == QuestionnaireStatus.SUBMITTED
    assert questionnaire.critical_gaps == ["CNV-2"]
    assert 0 < questionnaire.score < 100
    again = client.get(url)
    assert again.status_code == 404
    text = again.content.decode()
    assert "This link is not valid" in text
    assert "Norte" not in text and "Confiables" not in text and "ISO 17712" not in text


def test_a_second_tap_on_send_gets_the_thanks_page_again(sent, client):
    questionnaire, token = sent
    url = reverse("partners_public:questionnaire", args=[token])
    answers = {**_all_yes(questionnaire), "submit": "1"}
    assert "the questionnaire was sent" in client.post(url, answers).content.decode()
    submitted_at = Questionnaire.objects.get(pk=questionnaire.pk).submitted_at
    again = client.post(url, {**answers, "q-PRG-1": "no"})
    assert again.status_code == 200 and "the questionnaire was sent" in again.content.decode()
    questionnaire.refresh_from_db()
    assert questionnaire.answers["PRG-1"]["value"] == "yes"  # nothing changed
    assert questionnaire.submitted_at == submitted_at
    # Later, the used link is just "not valid", for a POST too.
    Questionnaire.objects.filter(pk=questionnaire.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(hours=1)
    )
    late = client.post(url, answers)
    assert late.status_code == 404 and "Confiables" not in late.content.decode()


def test_expired_and_unknown_links_show_the_same_page(sent, client):
    questionnaire, token = sent
    Questionnaire.objects.filter(pk=questionnaire.pk).update(
        valid_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    expired = client.get(reverse("partners_public:questionnaire", args=[token]))
    unknown = client.get(reverse("partners_public:questionnaire", args=["x" * 43]))
    assert expired.status_code == unknown.status_code == 404

    def main(response):
        return re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)

    assert main(expired) == main(unknown)
    post = client.post(
        reverse("partners_public:questionnaire", args=[token]), {"q-PRG-1": "yes", "save": "1"}
    )
    assert post.status_code == 404
    questionnaire.refresh_from_db()
    assert questionnaire.answers == {}


def test_the_link_opens_only_its_own_questionnaire(sent, world, carla_membership, client):
    first, token = sent
    other_partner = create_partner(world, legal_name="Otro Socio, S.A. de C.V.")
    second, _other = services.questionnaire_send(
        actor=Actor.for_member(carla_membership),
        partner=other_partner,
        recipient_email="x@otro.example.mx",
        base_url="http://testserver/",
        notify=False,
    )
    body = client.get(reverse("partners_public:questionnaire", args=[token])).content.decode()
    assert "Transportes Confiables" in body and "Otro Socio" not in body


def test_evidence_upload_through_the_link(sent, client):
    questionnaire, token = sent
    url = reverse("partners_public:questionnaire", args=[token])
    good = SimpleUploadedFile("sellos.pdf", PDF, content_type="application/pdf")
    response = client.post(url, {"f-CNV-2": good, "q-CNV-2": "yes", "save": "1"})
    assert response.status_code == 302
    document = PartnerDocument.objects.get(questionnaire=questionnaire)
    assert document.question_code == "CNV-2" and document.uploaded_by_partner
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    refused = client.post(url, {"f-CNV-2": fake, "save": "1"})
    assert refused.status_code == 400 and "not a valid .pdf" in refused.content.decode()
    script = SimpleUploadedFile("x.html", b"<script>", content_type="text/html")
    assert "not accepted" in client.post(url, {"f-CNV-2": script, "save": "1"}).content.decode()


def test_review_accept_or_ask_for_corrections(
    sent, world, carla_membership, client, django_capture_on_commit_callbacks
):
    questionnaire, token = sent
    url = reverse("partners_public:questionnaire", args=[token])
    client.post(url, {**_all_yes(questionnaire), "submit": "1"})
    questionnaire.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        questionnaire, new_token = services.questionnaire_request_corrections(
            actor=Actor.for_member(carla_membership),
            questionnaire=questionnaire,
            comment="Attach your seal log.",
        )
    assert "Attach your seal log." in mail.outbox[-1].body
    assert client.get(url).status_code == 404  # the old link stays dead
    new_url = reverse("partners_public:questionnaire", args=[new_token])
    assert "Attach your seal log." in client.get(new_url).content.decode()
    client.post(new_url, {**_all_yes(questionnaire), "submit": "1"})
    questionnaire.refresh_from_db()
    questionnaire = services.questionnaire_accept(
        actor=Actor.for_member(carla_membership), questionnaire=questionnaire
    )
    assert questionnaire.status == QuestionnaireStatus.ACCEPTED and questionnaire.score == 100
    partner = questionnaire.partner
    partner.refresh_from_db()
    assert any(f["code"] == "questionnaire_good" for f in partner.risk_factors)


def test_reminders_send_a_fresh_link(sent, client, django_capture_on_commit_callbacks):
    from ..tasks import send_questionnaire_reminders

    questionnaire, token = sent
    Questionnaire.objects.filter(pk=questionnaire.pk).update(
        sent_at=timezone.now() - datetime.timedelta(days=6)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_questionnaire_reminders.enqueue()
    assert len(mail.outbox) == 1 and mail.outbox[0].subject.startswith("Reminder:")
    new_path = _link_path(mail.outbox[0])
    assert new_path != f"/q/{token}/"
    assert client.get(f"/q/{token}/").status_code == 404
    assert client.get(new_path).status_code == 200
    questionnaire.refresh_from_db()
    assert questionnaire.reminder_count == 1
    with django_capture_on_commit_callbacks(execute=True):
        send_questionnaire_reminders.enqueue()  # not again before the interval
    assert len(mail.outbox) == 1


def test_only_one_open_questionnaire_per_partner(sent, world, carla_membership):
    questionnaire, _token = sent
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="already has an open questionnaire"):
        services.questionnaire_send(
            actor=Actor.for_member(carla_membership),
            partner=questionnaire.partner,
            recipient_email="a@b.mx",
            base_url="http://testserver/",
        )
    services.questionnaire_revoke(
        actor=Actor.for_member(carla_membership), questionnaire=questionnaire
    )
    assert services.questionnaire_for_token(_token) is None


def test_certification_expiry_warnings(world, carla_membership):
    from ..tasks import send_certification_expiry_warnings

    partner = create_partner(world, kind="carrier", legal_name="Transportes Por Vencer")
    services.certification_create(
        actor=Actor.for_member(carla_membership), partner=partner, program="oea",
        modality="carrier", certificate_number="OEA-123",
        valid_until=timezone.localdate() + datetime.timedelta(days=30),
    )  # fmt: skip
    mail.outbox.clear()
    send_certification_expiry_warnings.enqueue()
    assert [m.to for m in mail.outbox] == [["carla@norte.example.mx"]]
    assert "Transportes Por Vencer" in mail.outbox[0].body and "OEA-123" in mail.outbox[0].body
