"""Two app servers behind nginx: shared throttles, failover, client addresses.

Run by .ci/run (which installs nginx): `uv run pytest -m deploy -p no:xdist`.
"""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.conf import settings

from resguardo.accounts.models import LoginThrottle
from resguardo.testing.cluster import Cluster, shared_database_url
from resguardo.testing.personas import build_world

pytestmark = [pytest.mark.deploy, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def cluster(tmp_path):
    build_world()
    url = shared_database_url(tmp_path)
    running = Cluster(
        data_dir=tmp_path / "data",
        env={
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "resguardo.config.test_settings",
            "SECRET_KEY": settings.SECRET_KEY,
            "LOGIN_FAILURE_LIMIT": "3",
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
        },
    ).start()
    running.sqlite = url.startswith("sqlite")
    yield running
    running.stop()


def _sign_in(base: str, email: str, password: str, forwarded: str) -> tuple[int, str]:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "email": email, "password": password}
    ).encode()
    request = urllib.request.Request(
        f"{base}/accounts/login/",
        data=data,
        headers={"X-Forwarded-For": forwarded, "Referer": f"{base}/accounts/login/"},
    )
    try:
        answer = opener.open(request)
        return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _throttled_addresses(cluster, email) -> set[str]:
    """Addresses the servers recorded failures from, read from the database they share."""
    if cluster.sqlite:
        import sqlite3

        path = cluster.env["DATABASE_URL"].removeprefix("sqlite:///")
        with sqlite3.connect(path) as db:
            rows = db.execute(
                "SELECT address FROM accounts_loginthrottle WHERE email = ?", (email,)
            ).fetchall()
        return {address for (address,) in rows}
    return set(LoginThrottle.objects.filter(email=email).values_list("address", flat=True))


WRONG = "El correo electrónico o la contraseña son incorrectos"
LOCKED = "Esta cuenta está bloqueada"


def test_two_servers_share_the_sign_in_lockout(cluster):
    email = "alice@norte.example.mx"
    answers = [_sign_in(cluster.url, email, "wrong-password", "203.0.113.9") for _ in range(3)]
    assert [WRONG in page for _status, page in answers] == [True, True, False]
    assert LOCKED in answers[2][1]
    # the lock written through one server holds on each of them, asked directly
    for port in cluster.server_ports:
        _status, page = _sign_in(f"http://127.0.0.1:{port}", email, "wrong-password", "203.0.113.9")
        assert LOCKED in page
    # counted for the client behind nginx, not for nginx's own address
    assert _throttled_addresses(cluster, email) == {"203.0.113.9"}
    # another client is not locked out by the first one's failures
    _status, page = _sign_in(cluster.url, email, "wrong-password", "198.51.100.4")
    assert WRONG in page


def test_a_dead_server_is_skipped(cluster):
    cluster.kill_server(cluster.server_ports[0])
    for _ in range(6):
        with urllib.request.urlopen(f"{cluster.url}/readyz", timeout=10) as answer:
            assert answer.status == 200


def test_a_busy_moment_does_not_take_every_server_out_of_rotation(tmp_path):
    """Full queues answer 503 to the requests beyond them; right after, nginx still sends
    requests to both servers (it used to count each 503 as a failed server and answer 502 to
    everyone for fail_timeout)."""
    from concurrent.futures import ThreadPoolExecutor

    build_world()
    url = shared_database_url(tmp_path)
    busy = Cluster(
        data_dir=tmp_path / "data",
        env={
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "resguardo.config.test_settings",
            "SECRET_KEY": settings.SECRET_KEY,
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
        },
        threads=1,
        serve_options=["--max-queue", "1"],
    ).start()

    def status(path):
        try:
            with urllib.request.urlopen(f"{busy.url}{path}", timeout=30) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code

    try:
        with ThreadPoolExecutor(max_workers=40) as pool:
            burst = list(pool.map(status, ["/accounts/login/"] * 120))
        assert 503 in burst  # the burst was more than the servers take
        after = [status("/readyz") for _ in range(4)]
    finally:
        busy.stop()
    assert after == [200] * 4
