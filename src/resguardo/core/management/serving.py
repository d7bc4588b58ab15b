"""`resguardo serve`: waitress, bounded, in one process or several sharing one socket.

Limits an operator sets (see `resguardo serve --help` and docs/deploy.md):
- `threads` per process run requests; `connection_limit` caps open connections per process
  (idle keep-alive connections count: waitress's default of 100 left users unserved);
- `max_queue`: requests waiting for a thread beyond this answer 503 with Retry-After at once,
  instead of queueing silently until the client gives up;
- `processes`: more than one forks workers that share the listening socket (POSIX only); the
  parent restarts a worker that dies and stops them all on SIGTERM or Ctrl-C.
"""

import os
import signal
import socket
import sys
import threading
import time

from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor


def pending_migrations() -> list:
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


_SHED = [0]  # requests refused with 503 by this process (read by the metrics endpoint)


def shed_count() -> int:
    return _SHED[0]


def shedding_dispatcher(max_queue: int):
    """A waitress task dispatcher that answers 503 when `max_queue` requests already wait."""
    from waitress.channel import HTTPChannel
    from waitress.task import ThreadedTaskDispatcher
    from waitress.utilities import Error

    class ServiceUnavailable(Error):
        code = 503
        reason = "Service Unavailable"

        def to_response(self, ident=None):
            status, headers, body = super().to_response(ident)
            return status, [*headers, ("Retry-After", "2")], body

    class SheddingDispatcher(ThreadedTaskDispatcher):
        """waitress queues a channel (a connection with a request ready); when too many wait,
        the channel's request is turned into a 503 answered at once."""

        def _should_refuse(self, channel) -> bool:
            with self.lock:
                idle = len(self.threads) - self.stop_count - self.active_count
                if len(self.queue) - max(idle, 0) < max_queue:
                    return False
                request = channel.requests[0] if channel.requests else None
                if request is None or request.error:
                    return False
                request.error = ServiceUnavailable("The server is busy; try again in a moment.")
                _SHED[0] += 1
                return True

        def add_task(self, task):
            if isinstance(task, HTTPChannel) and self._should_refuse(task):
                # Answered now by a short-lived thread, not after the busy ones: writing a
                # 503 takes microseconds, and the queue stays as it was.
                threading.Thread(target=task.service, daemon=True).start()
                return
            super().add_task(task)

    return SheddingDispatcher()


def create_bounded_server(application, *, threads, connection_limit, max_queue, **where):
    import waitress.server

    # waitress takes a dispatcher through a parameter it names a test shim; the test in
    # core/tests/test_serving.py fails if a waitress upgrade stops honouring it.
    dispatcher = shedding_dispatcher(max_queue)
    dispatcher.set_thread_count(threads)
    return waitress.server.create_server(
        application,
        threads=threads,
        connection_limit=connection_limit,
        ident="resguardo",
        # X-Forwarded-For / -Proto reach Django, which trusts them only from TRUSTED_PROXIES
        # (core.middleware.ClientAddressMiddleware) and TRUST_X_FORWARDED_PROTO.
        clear_untrusted_proxy_headers=False,
        _dispatcher=dispatcher,
        **where,
    )


def serve_forever(
    *,
    host: str,
    port: int,
    threads: int = 8,
    connection_limit: int = 1000,
    max_queue: int = 64,
    processes: int = 1,
    backlog: int = 1024,
    channel_timeout: int = 60,
) -> None:
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application

    settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    # Django's own WSGI entry point: the kernel never imports the project's config package.
    application = get_wsgi_application()
    connections.close_all()  # each server thread (and each forked process) opens its own
    options = dict(
        threads=threads,
        connection_limit=connection_limit,
        max_queue=max_queue,
        backlog=backlog,
        channel_timeout=channel_timeout,
    )
    if processes == 1:
        create_bounded_server(application, host=host, port=port, **options).run()
        return
    listener = socket.create_server((host, port), backlog=backlog)
    _prefork(application, listener, processes, options)


def _end_with_parent(parent: int) -> None:
    """A forked worker gets SIGTERM when the parent dies, even by SIGKILL (Linux). Left
    running, it would keep the port, so a new `resguardo serve` could not start."""
    if not sys.platform.startswith("linux"):
        return  # elsewhere systemd or the operator stops the whole group
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGTERM))
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(0)


def _prefork(application, listener, processes: int, options: dict) -> None:
    children: set[int] = set()
    stopping = False
    parent = os.getpid()

    def start_child() -> None:
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            _end_with_parent(parent)
            try:
                create_bounded_server(application, sockets=[listener], **options).run()
            finally:
                os._exit(0)
        children.add(pid)

    def stop(signum, frame):
        nonlocal stopping
        stopping = True
        for pid in list(children):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                children.discard(pid)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for _ in range(processes):
        start_child()
    print(f"{processes} worker processes: {sorted(children)}", file=sys.stderr, flush=True)
    while children:
        try:
            pid, _status = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        children.discard(pid)
        if not stopping:
            print(f"worker {pid} exited; starting another", file=sys.stderr, flush=True)
            time.sleep(0.5)  # a worker that dies at once must not spin the machine
            start_child()
