"""Locust users for bench/load.py: people of the seeded agencies, each signed in to their own
organization, walking the pages they use every day with 1–3 s between clicks.

bench/load.py runs it headless; by hand (with the JSON written by bench/load_seed.py):

    LOAD_USERS_FILE=users.json uv run locust -f bench/locustfile.py --headless \\
        --host http://127.0.0.1:8080 -u 20 -r 5 --run-time 1m

With LOAD_LOG set, every request is appended to that file as one CSV line (started, seconds,
page, status, error, user number), and every acknowledged answer as a "saved" line, so
bench/load.py can count errors around the failures it injects and check nothing was lost.
"""

import csv
import html
import itertools
import json
import os
import random
import re
import time
import uuid

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(r'<input type="hidden" name="version" value="(\d+)"')
CHECKED = re.compile(r'<input type="radio" name="result" value="([a-z_]+)"[^>]*\bchecked\b')
SCORE = re.compile(r'<input type="number" name="score" value="(\d+)"')
TEXTAREA = r'<textarea name="{}"[^>]*>\n?(.*?)</textarea>'

_numbers = itertools.count()
_log = None
_writer = None


def _records() -> list[dict]:
    with open(os.environ["LOAD_USERS_FILE"], encoding="utf-8") as source:
        return json.load(source)


RECORDS = _records() if os.environ.get("LOAD_USERS_FILE") else []


@events.init.add_listener
def _open_log(environment, **_kwargs):
    global _log, _writer
    if os.environ.get("LOAD_LOG"):
        _log = open(os.environ["LOAD_LOG"], "a", newline="", encoding="utf-8")  # noqa: SIM115
        _writer = csv.writer(_log)


@events.request.add_listener
def _record(request_type, name, response_time, response, exception, context=None, **kw):
    if _writer is None:
        return
    status = getattr(response, "status_code", 0) or 0
    error = "" if exception is None else type(exception).__name__ + ": " + str(exception)[:120]
    started = kw.get("start_time") or time.time() - response_time / 1000
    user = (context or {}).get("user", -1)
    _writer.writerow([f"{started:.3f}", f"{response_time / 1000:.4f}", name, status, error, user])


@events.quitting.add_listener
def _close_log(**_kwargs):
    if _log is not None:
        _log.close()


def _saved(result_pk: int, marker: str) -> None:
    if _writer is not None:
        _writer.writerow([f"{time.time():.3f}", "0", "saved", result_pk, marker, -1])


def _field(name: str, page: str) -> str:
    found = re.search(TEXTAREA.format(name), page, re.DOTALL)
    return html.unescape(found.group(1)) if found else ""


class AgencyUser(FastHttpUser):
    wait_time = between(1, 3)
    # A request that never finishes is an error, not a missing line in the figures.
    connection_timeout = 10.0
    network_timeout = 60.0

    def context(self):
        return {"user": getattr(self, "number", -1)}

    def on_start(self):
        self.number = number = next(_numbers)
        self.org = RECORDS[number % len(RECORDS)]
        self.person = self.org["users"][(number // len(RECORDS)) % len(self.org["users"])]
        self.signed_in = False
        self.sign_in()

    def sign_in(self):
        page = self.client.get("/accounts/login/", name="sign in page")
        token = CSRF.search(page.text or "") if page.status_code == 200 else None
        if token is None:
            return
        form = {
            "csrfmiddlewaretoken": token.group(1),
            "email": self.person["email"],
            "password": self.person["password"],
        }
        with self.client.post(
            "/accounts/login/",
            data=form,
            name="sign in",
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code == 302 and "/accounts/login" not in answer.headers.get(
                "Location", ""
            ):
                self.signed_in = True
                answer.success()
            elif answer.status_code in (200, 302):
                answer.failure(f"not signed in (HTTP {answer.status_code})")

    def page(self, path: str, name: str):
        """A page a signed-in person opens; the sign-in page instead is a failure."""
        if not self.signed_in:
            self.sign_in()
            if not self.signed_in:
                return None
        with self.client.get(path, name=name, allow_redirects=False, catch_response=True) as answer:
            if answer.status_code in (301, 302):
                answer.failure(f"redirected to {answer.headers.get('Location', '?')}")
                if "/accounts/login" in answer.headers.get("Location", ""):
                    self.signed_in = False
            return answer

    def api(self, path: str, name: str):
        return self.client.get(
            path, name=name, headers={"Authorization": f"Token {self.person['token']}"}
        )

    def pick(self, key: str):
        return random.choice(self.org[key]) if self.org[key] else None

    @task(3)
    def home(self):
        self.page("/", "home")

    @task(4)
    def lists(self):
        path, name = random.choice(
            [
                ("/partners/", "partner list"),
                ("/shipments/", "shipment list"),
                ("/conveyance/seals/", "seal list"),
                ("/compliance/evidence/", "evidence list"),
            ]
        )
        self.page(path, name)

    @task(2)
    def assessment_results(self):
        assessment = self.pick("assessments")
        if assessment:
            self.page(f"/compliance/assessments/{assessment}/results/", "assessment results")

    @task(2)
    def partner_detail(self):
        partner = self.pick("partners")
        if partner:
            self.page(f"/partners/{partner}/", "partner detail")

    @task(2)
    def answer_requirement(self):
        """Open a requirement page and save the answer with a new comment (a form post)."""
        pk = self.pick("answered")
        if pk is None:
            return
        page = self.page(f"/compliance/results/{pk}/", "requirement page")
        if page is None or page.status_code != 200:
            return
        text = page.text or ""
        token, version = CSRF.search(text), VERSION.search(text)
        result = CHECKED.search(text)
        if not (token and version and result):
            return
        score = SCORE.search(text)
        marker = f"carga {uuid.uuid4().hex[:12]}"
        form = {
            "csrfmiddlewaretoken": token.group(1),
            "version": version.group(1),
            "result": result.group(1),
            "score": score.group(1) if score else "",
            "answer": _field("answer", text),
            "justification": _field("justification", text),
            "comments": marker,
        }
        with self.client.post(
            f"/compliance/results/{pk}/",
            data=form,
            name="requirement save",
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code == 302:
                answer.success()
                _saved(pk, marker)
            elif answer.status_code == 409:
                answer.success()  # someone else saved first: the page says so, nothing lost
            elif answer.status_code == 200:
                answer.failure("the form was refused")

    @task(2)
    def api_lists(self):
        path, name = random.choice(
            [("/api/v1/partners/", "API partners"), ("/api/v1/seal-events/", "API seal events")]
        )
        self.api(path, name)

    @task(1)
    def evidence_download(self):
        evidence = self.pick("evidence")
        if evidence:
            self.page(f"/compliance/evidence/{evidence}/download/", "evidence download")
