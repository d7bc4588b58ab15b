"""Start nginx in front of several `resguardo serve` processes, on loopback, for the deploy
tests and the load benchmark. Uses Debian's nginx (`apt-get install nginx-light`) and the
database named by DATABASE_URL; files go to the data folder given."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

NGINX_TEMPLATE = """
{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 2048; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
{body}
}}
"""


def nginx_http_block(*, listen: str, upstreams: list[str], static_root: str) -> str:
    """The part of the configuration deploy/nginx/resguardo.conf also holds."""
    servers = "\n".join(f"        server {u} max_fails=1 fail_timeout=5s;" for u in upstreams)
    return f"""
    upstream resguardo {{
{servers}
        keepalive 32;
    }}
    server {{
        listen {listen};
        client_max_body_size 60m;
        proxy_connect_timeout 5s;
        proxy_read_timeout 120s;
        proxy_send_timeout 120s;
        proxy_next_upstream error timeout http_502;
        proxy_next_upstream_tries 2;
        location /static/ {{
            alias {static_root}/;
            expires 7d;
        }}
        location / {{
            proxy_pass http://resguardo;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Request-ID $request_id;
        }}
    }}
"""


def nginx_program() -> str | None:
    """Debian puts nginx in /usr/sbin, which a non-root PATH may lack."""
    return shutil.which("nginx", path=os.environ.get("PATH", "") + os.pathsep + "/usr/sbin")


def shared_database_url(folder: Path) -> str:
    """A database other processes can open, holding what the test wrote so far: PostgreSQL's
    test database itself (a transactional test commits), or a file copy of SQLite's
    in-memory test database."""
    from django.db import connection

    from resguardo.core.backup.database import dump_database

    if connection.vendor == "postgresql":
        s = connection.settings_dict
        return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
    _vendor, path = dump_database(folder)
    return f"sqlite:///{path}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 (loopback)
                if answer.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not answer within {timeout} s")
        time.sleep(0.2)


@dataclass
class Cluster:
    data_dir: Path
    env: dict
    servers: int = 2
    threads: int = 8
    serve_options: list[str] = field(default_factory=list)  # more `resguardo serve` options
    nginx_port: int = 0
    server_ports: list[int] = field(default_factory=list)
    processes: dict[int, subprocess.Popen] = field(default_factory=dict)
    nginx: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.nginx_port}"

    def _env(self) -> dict:
        return {
            **os.environ,
            **self.env,
            "RESGUARDO_DATA_DIR": str(self.data_dir),
            "TRUSTED_PROXIES": "127.0.0.1",
        }

    def start_server(self, port: int) -> None:
        log = open(self.data_dir / f"server-{port}.log", "ab")  # noqa: SIM115 (kept open)
        self.processes[port] = subprocess.Popen(  # noqa: S603 (our own command, no shell)
            [
                sys.executable,
                "-m",
                "resguardo.cli",
                "serve",
                "--port",
                str(port),
                "--threads",
                str(self.threads),
                *self.serve_options,
            ],  # fmt: skip
            env=self._env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: killed whole, as systemd does
        )

    def start(self) -> Cluster:
        nginx = nginx_program()
        if not nginx:
            raise RuntimeError("nginx is not installed (Debian: apt-get install nginx-light)")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.server_ports = [free_port() for _ in range(self.servers)]
        for port in self.server_ports:
            self.start_server(port)
        for port in self.server_ports:
            wait_until_up(f"http://127.0.0.1:{port}/readyz")
        prefix = self.data_dir / "nginx"
        prefix.mkdir(exist_ok=True)
        self.nginx_port = free_port()
        config = prefix / "nginx.conf"
        config.write_text(
            NGINX_TEMPLATE.format(
                user="user root;" if os.geteuid() == 0 else "",
                prefix=prefix,
                body=nginx_http_block(
                    listen=f"127.0.0.1:{self.nginx_port}",
                    upstreams=[f"127.0.0.1:{p}" for p in self.server_ports],
                    static_root=str(self.data_dir / "static"),
                ),
            )
        )
        self.nginx = subprocess.Popen(  # noqa: S603 (a fixed command, no shell)
            [
                nginx,
                "-c",
                str(config),
                "-p",
                str(prefix),
                "-g",
                "daemon off;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until_up(f"{self.url}/readyz")
        return self

    def kill_server(self, port: int) -> None:
        """SIGKILL to the server and every process it forked, as systemd kills a unit's
        control group: a forked worker left behind would keep the port and keep serving."""
        process = self.processes.pop(port)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop(self) -> None:
        if self.nginx is not None:
            self.nginx.terminate()
            self.nginx.wait(timeout=10)
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()
