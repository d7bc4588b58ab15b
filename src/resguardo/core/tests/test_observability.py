"""Logs an operator can use, metrics behind a token, liveness apart from readiness."""

import json
import logging

from django.test import override_settings

from resguardo.core.observability import JsonFormatter, RequestContextFilter

TOKEN = "metrics-token-for-tests-0123456789"


def _record(message, *args):
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, message, args, None)
    RequestContextFilter().filter(record)
    return record


def test_log_lines_carry_the_request_and_never_its_secrets(world, client, caplog):
    client.force_login(world.carla)
    captured = []

    class Keep(logging.Handler):
        def emit(self, record):
            captured.append(record)

    handler = Keep()
    handler.addFilter(RequestContextFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get(
            "/obligaciones/feed/Zk3xQ9vLmN2pR7tY8wA1bC4dE5fG6hJ.ics",
            HTTP_X_REQUEST_ID="req-12345678",
        )
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 404
    (record,) = [r for r in captured if r.name == "django.request"]
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "req-12345678"
    assert line["user_id"] == world.carla.pk
    assert line["organization_id"] == world.org.pk
    assert "Zk3xQ9vLmN2pR7tY8wA1bC4dE5fG6hJ" not in line["message"]
    assert "Zk3x…" in line["message"]


def test_e_mail_addresses_are_masked_in_log_messages():
    record = _record("invitation sent to %s", "ana.perez@agencia.example.mx")
    assert record.getMessage() == "invitation sent to <e-mail>"


def test_metrics_need_the_token_and_count_requests(client, db):
    with override_settings(METRICS_TOKEN=""):
        assert client.get("/metrics").status_code == 404
    with override_settings(METRICS_TOKEN=TOKEN):
        client.get("/healthz")
        assert client.get("/metrics").status_code == 401
        assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
        response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'resguardo_http_requests_total{route="healthz",method="GET",status="2xx"}' in text
    assert 'resguardo_http_request_duration_seconds_bucket{route="healthz",le="+Inf"}' in text
    assert 'resguardo_tasks{status="ready"} 0' in text
    assert 'resguardo_domain_event_deliveries{status="pending"}' in text
    assert "resguardo_http_requests_shed_total 0" in text


def test_liveness_does_not_touch_the_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/livez")
    assert response.json() == {"status": "ok"}
