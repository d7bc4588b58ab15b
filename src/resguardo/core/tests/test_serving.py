"""`resguardo serve` refuses work beyond its limits instead of queueing it silently."""

import http.client
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from resguardo.core.management.serving import create_bounded_server


def _slow_app(environ, start_response):
    time.sleep(0.5)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"done"]


def _get(port):
    started = time.monotonic()
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    client.request("GET", "/")
    response = client.getresponse()
    body = response.read()
    client.close()
    return response.status, response.getheader("Retry-After"), body, time.monotonic() - started


def test_requests_beyond_the_queue_get_503_at_once():
    server = create_bounded_server(
        _slow_app, host="127.0.0.1", port=0, threads=1, connection_limit=50, max_queue=1
    )
    port = server.effective_port
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        with ThreadPoolExecutor(max_workers=6) as pool:
            answers = list(pool.map(lambda _: _get(port), range(6)))
    finally:
        # Stop the request threads before closing: a thread finishing later wakes the loop by
        # writing b"x" to the closed wake-up pipe, whose descriptor number a later test's pipe
        # may have taken (a later subprocess's output then began with "x").
        server.task_dispatcher.shutdown()
        # Close from the loop's own thread: closed from here, the loop's select() could still
        # be waiting on the descriptors and fail with EBADF in its thread.
        server.trigger.pull_trigger(server.close)
        thread.join(timeout=10)
    served = [a for a in answers if a[0] == 200]
    refused = [a for a in answers if a[0] == 503]
    assert len(served) >= 2  # the one running and the one allowed to wait
    assert refused, answers
    assert all(retry == "2" for _, retry, _, _ in refused)
    assert all(b"busy" in body for _, _, body, _ in refused)
    # refused at once: before even the first slow request is done, not after waiting for it
    assert max(elapsed for *_, elapsed in refused) < min(elapsed for *_, elapsed in served)


PREFORK_SCRIPT = """
import os, socket, sys
from resguardo.core.management.serving import _prefork

def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(os.getpid()).encode()]

listener = socket.create_server(("127.0.0.1", 0))
print(listener.getsockname()[1], flush=True)
_prefork(app, listener, 2, dict(threads=2, connection_limit=10, max_queue=4))
"""


def _pid_answering(port):
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    client.request("GET", "/", headers={"Connection": "close"})
    pid = int(client.getresponse().read())
    client.close()
    return pid


def _answering_pids(port, tries=60):
    return {_pid_answering(port) for _ in range(tries)}


def _two_workers_up():
    """Start the prefork script; (the parent process, its port, the two workers' pids)."""
    import subprocess
    import sys

    parent = subprocess.Popen(
        [sys.executable, "-c", PREFORK_SCRIPT], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    port = int(parent.stdout.readline())
    deadline = time.monotonic() + 20
    pids = set()
    while len(pids) < 2 and time.monotonic() < deadline:
        pids |= _answering_pids(port, tries=20)
    return parent, port, pids


def test_several_processes_share_the_port_and_a_dead_one_is_replaced():
    import os
    import signal

    parent, port, pids = _two_workers_up()
    try:
        assert len(pids) == 2, pids
        assert parent.pid not in pids

        victim = min(pids)
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 20
        fresh = set()
        while not fresh - pids and time.monotonic() < deadline:
            fresh = _answering_pids(port, tries=20)
        assert victim not in fresh
        assert fresh - pids, "a new worker replaces the killed one"
    finally:
        parent.send_signal(signal.SIGTERM)
        assert parent.wait(timeout=20) == 0


def test_workers_end_when_the_parent_is_killed():
    """A SIGKILL of `resguardo serve` leaves no worker holding the port (Linux)."""
    import os
    import signal

    parent, _port, pids = _two_workers_up()
    assert len(pids) == 2, pids
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    deadline = time.monotonic() + 10
    alive = set(pids)
    while alive and time.monotonic() < deadline:
        for pid in list(alive):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                alive.discard(pid)
        time.sleep(0.1)
    for pid in alive:  # never leave them behind, even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not alive, f"workers still running after their parent was killed: {alive}"
