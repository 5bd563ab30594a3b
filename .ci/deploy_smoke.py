"""A career office's shape on this machine, and a short smoke test through it.

Two app processes (`coffeechat serve`, waitress) on 127.0.0.1 share one PostgreSQL
database and start together on an empty one (one migrates, the other waits); requests
come as a TLS reverse proxy on 127.0.0.1 would send them (X-Forwarded-Proto/-For). Then:
the production settings pass `system-check --deploy`; plain HTTP is redirected to HTTPS;
a log-in on one process is a session on the other; a contact made on one is listed by the
other; the log-in lockout counts each client behind the proxy apart; 40 requests spread
over both processes all succeed; a pg_dump is restored into a new database and the app
reads the contact back from it. Everything it starts it stops, and it drops its databases.

Run it through .ci/deploy-smoke (which bounds it in time). SMOKE_DATABASE_URL names the
database to use (default postgres://postgres@127.0.0.1:5432/deploy_smoke); it is dropped
and created again, with a second one, <name>_restore, for the restore.
"""

import concurrent.futures
import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
COFFEECHAT = str(ROOT / ".venv" / "bin" / "coffeechat")
HOST = "coffeechat.test"
CLIENT = "203.0.113.10"
PASSWORD = "harbor-lantern-73"
STARTED = time.monotonic()


def say(text: str) -> None:
    print(f"[{time.monotonic() - STARTED:5.1f}s] {text}", flush=True)


def fail(text: str) -> None:
    raise SystemExit(f"deploy-smoke FAILED: {text}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Databases:
    def __init__(self, url: str):
        self.url = url
        parts = urllib.parse.urlsplit(url)
        self.name = parts.path.lstrip("/")
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", self.name) or self.name == "test":
            fail(f"{self.name!r}: give the smoke test a database name of its own")
        self.restore_name = f"{self.name}_restore"
        self.restore_url = urllib.parse.urlunsplit(parts._replace(path=f"/{self.restore_name}"))
        self.admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))

    def run(self, *statements: str) -> None:
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def fresh(self) -> None:
        self.drop()
        self.run(f"CREATE DATABASE {self.name}", f"CREATE DATABASE {self.restore_name}")

    def drop(self) -> None:
        self.run(
            f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)",
            f"DROP DATABASE IF EXISTS {self.restore_name} WITH (FORCE)",
        )


class Session:
    """A browser behind the proxy: cookies kept by hand (they are Secure, and this
    client speaks plain HTTP to the app as the proxy does)."""

    def __init__(self, client_address: str = CLIENT):
        self.cookies: dict[str, str] = {}
        self.client_address = client_address

    def request(self, port, method, path, form=None, *, through_proxy=True):
        headers = {"Host": HOST}
        if through_proxy:
            headers |= {"X-Forwarded-Proto": "https", "X-Forwarded-For": self.client_address}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            form = {**form, "csrfmiddlewaretoken": self.cookies.get("coffeechat_csrftoken", "")}
            body = urllib.parse.urlencode(form)
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://{HOST}",
                "Referer": f"https://{HOST}{path}",
            }
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";", 1)[0]
        return response, text


def expect(condition: bool, what: str) -> None:
    if not condition:
        fail(what)
    say(f"ok: {what}")


def start_servers(environment, home: Path, ports):
    processes = []
    for port in ports:
        log = open(home / f"serve-{port}.log", "w")  # noqa: SIM115 (closed at the end)
        command = [COFFEECHAT, "serve", "--port", str(port), "--threads", "4"]
        processes.append(
            (subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT), log)
        )
    deadline = time.monotonic() + 60
    for port in ports:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    fail(f"the app process on port {port} did not start within 60 s")
                time.sleep(0.3)
    return processes


def stop_servers(processes) -> None:
    for process, _log in processes:
        process.terminate()
    for process, log in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def smoke(environment, databases: Databases, home: Path, ports) -> None:
    first, second = ports

    check = subprocess.run(
        [COFFEECHAT, "system-check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
    )
    if check.returncode != 0:
        fail(f"system-check --deploy reports issues:\n{check.stderr}")
    say("ok: system-check --deploy reports nothing")

    plain, _ = Session().request(first, "GET", "/accounts/login/", through_proxy=False)
    expect(
        plain.status == 301 and plain.getheader("Location", "").startswith("https://"),
        "plain HTTP is redirected to HTTPS",
    )

    browser = Session()
    page, _ = browser.request(first, "GET", "/accounts/login/")
    expect(page.status == 200, f"the log-in page answers through the proxy (status {page.status})")
    expect(
        "max-age=31536000" in (page.getheader("Strict-Transport-Security") or ""),
        "HSTS is sent",
    )
    done, _ = browser.request(
        second, "POST", "/accounts/login/", {"username": "carmen", "password": PASSWORD}
    )
    expect(done.status == 302, "logging in on the second process works")
    home_page, text = browser.request(first, "GET", "/")
    expect(
        home_page.status == 200 and "Log out" in text,
        "the session is good on the first process",
    )
    expect(
        home_page.getheader("Cache-Control") == "private, no-store",
        "signed-in pages are not stored",
    )

    made, _ = browser.request(
        second,
        "POST",
        "/contacts/new/",
        {"first_name": "Rosa", "last_name": "Smoketest", "source": "alum"},
    )
    expect(made.status == 302, "a contact is added on the second process")
    listing, text = browser.request(first, "GET", "/contacts/")
    expect("Smoketest" in text, "the first process lists it")
    calendar, text = browser.request(first, "GET", "/agenda/calendar/")
    expect(f'value="https://{HOST}/agenda/feed/' in text, "the calendar address is https")

    guesser = Session("203.0.113.66")
    for _ in range(3):
        guesser.request(first, "GET", "/accounts/login/")
        guesser.request(first, "POST", "/accounts/login/", {"username": "carmen", "password": "x"})
    locked, _ = guesser.request(
        second, "POST", "/accounts/login/", {"username": "carmen", "password": PASSWORD}
    )
    expect(locked.status == 429, "a guesser behind the proxy is locked out (on both processes)")
    other = Session("203.0.113.77")
    other.request(second, "GET", "/accounts/login/")
    fine, _ = other.request(
        second, "POST", "/accounts/login/", {"username": "carmen", "password": PASSWORD}
    )
    expect(fine.status == 302, "another person behind the same proxy still logs in")

    def fetch(index):
        return browser.request(ports[index % 2], "GET", "/contacts/?q=smoke")[0].status

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(fetch, range(40)))
    expect(statuses == [200] * 40, "40 requests over both processes all succeed")

    dump = home / "coffeechat.dump"
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", databases.url], check=True
    )
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={databases.restore_url}", dump],
        check=True,
    )
    restored = subprocess.run(
        [COFFEECHAT, "contacts", "list", "--json", "--user", "carmen"],
        env={**environment, "DATABASE_URL": databases.restore_url},
        capture_output=True,
        text=True,
        check=True,
    )
    names = [person.get("last_name") for person in json.loads(restored.stdout)]
    expect(names == ["Smoketest"], "a pg_dump restores into a new database the app can read")


def main() -> None:
    url = os.environ.get("SMOKE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/deploy_smoke")
    databases = Databases(url)
    databases.fresh()
    ports = (free_port(), free_port())
    with tempfile.TemporaryDirectory(prefix="coffeechat-smoke-") as tmp:
        home = Path(tmp)
        environment = {
            **os.environ,
            "COFFEECHAT_HOME": str(home),
            "DATABASE_URL": databases.url,
            "COFFEECHAT_SECRET_KEY": secrets.token_urlsafe(50),
            "COFFEECHAT_ALLOWED_HOSTS": HOST,
            "COFFEECHAT_CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
            "COFFEECHAT_TRUSTED_PROXIES": "127.0.0.1",
            "COFFEECHAT_SECURE_COOKIES": "true",
            "COFFEECHAT_SSL_REDIRECT": "true",
            "COFFEECHAT_HSTS_SECONDS": "31536000",
            "COFFEECHAT_HSTS_INCLUDE_SUBDOMAINS": "true",
            "COFFEECHAT_HSTS_PRELOAD": "true",
            "COFFEECHAT_LOGIN_FAILURE_LIMIT": "3",
        }
        for name in ("COFFEECHAT_DEBUG", "COFFEECHAT_SMTP_HOST", "DJANGO_ALLOW_ASYNC_UNSAFE"):
            environment.pop(name, None)
        # Both processes start on the empty database: one migrates, the other waits.
        processes = start_servers(environment, home, ports)
        try:
            say(f"two app processes on 127.0.0.1:{ports[0]} and :{ports[1]}")
            subprocess.run(
                [COFFEECHAT, "createuser", "carmen", "--password", PASSWORD],
                env=environment,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            smoke(environment, databases, home, ports)
        except BaseException:
            for log in sorted(home.glob("serve-*.log")):
                print(f"--- {log.name} ---\n{log.read_text()[-3000:]}", file=sys.stderr)
            raise
        finally:
            stop_servers(processes)
            databases.drop()
    say("deploy-smoke passed")


if __name__ == "__main__":
    main()
