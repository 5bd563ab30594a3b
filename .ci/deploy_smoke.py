"""A career office's shape on this machine, and a short smoke test through it.

The shape of docs/DEPLOY.md, all on 127.0.0.1: a PostgreSQL database of its own, the app
as `coffeechat serve --processes 2` (two server processes sharing one port), one
`coffeechat worker`, and a local SMTP server (aiosmtpd) standing in for the office's mail
server. Requests come as a TLS reverse proxy would send them (X-Forwarded-Proto/-For).

Checked: the production settings pass `system-check --deploy`; plain HTTP is redirected
to HTTPS; HSTS is sent; a student signs in and opens pages; the log-in lockout counts each
client behind the proxy apart; a volunteer saves a profile; the student asks them for a
conversation, the page answers at once while the notification waits in the queue, and the
worker sends it to the SMTP server (with links to the public https address); 40 requests
over the two processes all succeed; a pg_dump restores into a new database the app reads.
Everything it starts it stops (and checks that it stopped), and it drops its databases.

Run it through .ci/deploy-smoke (which bounds it in time). SMOKE_DATABASE_URL names the
database (default postgres://postgres@127.0.0.1:5432/deploy_smoke); it is dropped and made
again, with a second one, <name>_restore, for the restore.
"""

import concurrent.futures
import contextlib
import ctypes
import http.client
import mailbox
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
COFFEECHAT = str(BIN / "coffeechat")
HOST = "coffeechat.test"
CLIENT = "203.0.113.10"
PASSWORD = "harbor-lantern-73"
VOLUNTEER_EMAIL = "vera@alumni.test"
STARTED = time.monotonic()
BUDGET = 100  # seconds for the whole run; .ci/deploy-smoke kills it at 120
LIMITED_FIELDS = [  # community.models.profiles.LIMITABLE less email and phone
    "class_year",
    "majors",
    "title",
    "organization",
    "industries",
    "location",
    "career_path",
    "topics",
    "languages",
    "reach_by",
    "availability",
    "linkedin_url",
]
ASK = (
    "Dear Vera,\n\nI'm Carmen, studying biology at Wellesley. Your work as a nurse "
    "practitioner at Harbor Clinic is the kind I hope to learn about: how do night shifts "
    "shape the work? Would you have 20 minutes for a conversation in the next two weeks?"
    "\n\nThank you for considering it,\nCarmen"
)


def say(text: str) -> None:
    print(f"[{time.monotonic() - STARTED:5.1f}s] {text}", flush=True)


def fail(text: str) -> None:
    raise SystemExit(f"deploy-smoke FAILED: {text}")


def left() -> float:
    remaining = BUDGET - (time.monotonic() - STARTED)
    if remaining <= 0:
        fail(f"over the {BUDGET} s budget")
    return remaining


def wait_until(condition, seconds: float, what: str):
    deadline = time.monotonic() + min(seconds, left())
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    fail(f"waited {seconds:.0f} s for {what}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    """In the child: be sent SIGTERM if this script dies, however it dies (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Databases:
    def __init__(self, url: str):
        self.url = url
        parts = urllib.parse.urlsplit(url)
        if parts.hostname not in ("127.0.0.1", "localhost", "::1", None, ""):
            fail(f"{parts.hostname}: the smoke test runs against this machine only")
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

    def query(self, sql: str) -> list:
        with psycopg.connect(self.url) as connection:
            return connection.execute(sql).fetchall()


class Session:
    """A browser behind the proxy: cookies kept by hand (they are Secure, and this
    client speaks plain HTTP to the app as the proxy does)."""

    def __init__(self, port: int, client_address: str = CLIENT):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.client_address = client_address

    def request(self, method, path, form=None, *, through_proxy=True):
        headers = {"Host": HOST}
        if through_proxy:
            headers |= {"X-Forwarded-Proto": "https", "X-Forwarded-For": self.client_address}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            form = {**form, "csrfmiddlewaretoken": self.cookies.get("coffeechat_csrftoken", "")}
            body = urllib.parse.urlencode(form, doseq=True)
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://{HOST}",
                "Referer": f"https://{HOST}{path}",
            }
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
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

    def log_in(self, username: str) -> None:
        self.request("GET", "/accounts/login/")
        done, _ = self.request(
            "POST", "/accounts/login/", {"username": username, "password": PASSWORD}
        )
        if done.status != 302:
            fail(f"{username} could not log in (status {done.status})")


def expect(condition: bool, what: str) -> None:
    if not condition:
        fail(what)
    say(f"ok: {what}")


class Processes:
    """What the smoke test starts: each in a process group of its own, told to stop
    with SIGTERM, killed if it doesn't within 15 s, and checked to be gone."""

    def __init__(self, home: Path):
        self.home = home
        self.running: dict[str, subprocess.Popen] = {}
        self.pids: dict[str, set[int]] = {}

    def start(self, name: str, command: list[str], environment: dict) -> subprocess.Popen:
        log = open(self.home / f"{name}.log", "w")  # noqa: SIM115 (the child keeps it)
        process = subprocess.Popen(
            command,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,  # safe: this script runs no threads then
        )
        log.close()
        self.running[name] = process
        self.pids[name] = {process.pid}
        return process

    def children(self, name: str) -> set[int]:
        pid = self.running[name].pid
        try:
            found = {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
        except OSError:
            found = set()
        self.pids[name] |= found
        return found

    def stop(self, name: str) -> tuple[int | None, bool]:
        """SIGTERM, then wait; (its exit status, whether anything of it had to be killed)."""
        process = self.running.pop(name, None)
        if process is None:
            return None, False
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        killed = False
        try:
            status = process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            say(f"{name} did not stop within 15 s of SIGTERM; killing it")
            os.killpg(process.pid, signal.SIGKILL)
            status, killed = process.wait(), True
        try:  # anything it started and left behind in its process group
            os.killpg(process.pid, signal.SIGKILL)
            say(f"{name} left processes behind; killed them")
            killed = True
        except ProcessLookupError:
            pass
        return status, killed

    def stop_all(self) -> None:
        for name in reversed(list(self.running)):
            self.stop(name)

    def all_gone(self) -> bool:
        pids = set().union(*self.pids.values())
        return not any(Path(f"/proc/{pid}").exists() for pid in pids)

    def logs(self) -> str:
        return "".join(
            f"--- {log.name} ---\n{log.read_text()[-3000:]}\n"
            for log in sorted(self.home.glob("*.log"))
        )


def wait_for_port(port: int, process: subprocess.Popen, what: str) -> None:
    def listening():
        if process.poll() is not None:
            fail(f"{what} stopped with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            return False

    wait_until(listening, 60, f"{what} to listen on 127.0.0.1:{port}")


def hidden_value(page: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', page)
    return found.group(1) if found else ""


def mail_to(maildir: Path, address: str) -> list:
    return [message for message in mailbox.Maildir(maildir) if message["To"] == address]


def smoke(environment, databases: Databases, processes: Processes, port: int) -> None:
    check = subprocess.run(
        [COFFEECHAT, "system-check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=left(),
    )
    if check.returncode != 0:
        fail(f"system-check --deploy reports issues:\n{check.stderr}")
    say("ok: system-check --deploy reports nothing")

    plain, _ = Session(port).request("GET", "/accounts/login/", through_proxy=False)
    expect(
        plain.status == 301 and plain.getheader("Location", "").startswith("https://"),
        "plain HTTP is redirected to HTTPS",
    )
    student = Session(port)
    page, _ = student.request("GET", "/accounts/login/")
    expect(page.status == 200, f"the log-in page answers through the proxy ({page.status})")
    expect(
        "max-age=31536000" in (page.getheader("Strict-Transport-Security") or ""),
        "HSTS is sent",
    )
    student.log_in("carmen")
    home, text = student.request("GET", "/")
    expect(home.status == 200 and "Log out" in text, "the student is signed in")
    expect(home.getheader("Cache-Control") == "private, no-store", "signed-in pages are not stored")
    calendar, text = student.request("GET", "/agenda/calendar/")
    expect(f'value="https://{HOST}/agenda/feed/' in text, "the calendar address is https")

    guesser = Session(port, "203.0.113.66")
    guesser.request("GET", "/accounts/login/")
    for _ in range(3):
        guesser.request("POST", "/accounts/login/", {"username": "carmen", "password": "x"})
    locked, _ = guesser.request(
        "POST", "/accounts/login/", {"username": "carmen", "password": PASSWORD}
    )
    expect(locked.status == 429, "a guesser behind the proxy is locked out")
    other = Session(port, "203.0.113.77")
    other.log_in("carmen")
    say("ok: another person behind the same proxy still logs in")

    # The volunteer fills in a profile through the web.
    volunteer = Session(port, "203.0.113.20")
    volunteer.log_in("vera")
    saved, _ = volunteer.request(
        "POST",
        "/network/profile/",
        {
            "name": "Vera Smoke",
            "title": "Nurse practitioner",
            "organization": "Harbor Clinic",
            "industries": "Health care",
            "time_zone": "America/New_York",
            "monthly_capacity": "4",
            "email": VOLUNTEER_EMAIL,
            **{f"see_{field}": "signed-in" for field in LIMITED_FIELDS},
        },
    )
    expect(saved.status == 302, f"the volunteer saves a profile ({saved.status})")
    directory, text = student.request("GET", "/network/?q=vera")
    people = re.findall(r'href="/network/people/(\d+)/"', text)
    expect(directory.status == 200 and len(set(people)) == 1, "the student finds her")
    ask_path = f"/network/requests/ask/{people[0]}/"

    # The student asks. The web process answers at once; the email waits for a worker.
    page, text = student.request("GET", ask_path)
    expect(page.status == 200 and "Send the request" in text, "the ask page opens")
    sent, _ = student.request(
        "POST",
        ask_path,
        {
            "once": hidden_value(text, "once"),
            "topic": "field",
            "body": ASK,
            "duration_minutes": "20",
            "mode": "video",
            "ask_for_theirs": "on",
            "action": "send",
        },
    )
    expect(sent.status == 302, f"the request is sent ({sent.status})")
    queued = databases.query(
        "SELECT status FROM procrastinate_jobs WHERE task_name = 'send_notification'"
    )
    expect(queued == [("todo",)], "its notification waits in the queue for a worker")

    maildir = processes.home / "mail"
    processes.start("worker", [COFFEECHAT, "worker"], environment)
    (mail,) = wait_until(
        lambda: mail_to(maildir, VOLUNTEER_EMAIL), 30, "the worker to send the email"
    )
    expect(
        "Carmen" in mail["Subject"] and "would like a conversation" in mail["Subject"],
        f"the worker sent it: “{mail['Subject']}”",
    )
    unsubscribe = " ".join(str(mail["List-Unsubscribe"] or "").split())
    expect(
        unsubscribe.startswith(f"<https://{HOST}/notifications/unsubscribe/"),
        f"with a one-click unsubscribe at the public https address ({unsubscribe[:60]}…)",
    )
    wait_until(
        lambda: (
            not databases.query(
                "SELECT 1 FROM procrastinate_jobs WHERE task_name = 'send_notification'"
            )
        ),
        10,
        "the sent job to leave the queue",
    )
    say("ok: the job is done and gone from the queue")

    before = {pid: cpu_time(pid) for pid in processes.children("serve")}

    def fetch(_):
        return student.request("GET", "/network/requests/")[0].status

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(fetch, range(40)))
    expect(statuses == [200] * 40, "40 requests over both processes all succeed")
    busy = [pid for pid, spent in before.items() if cpu_time(pid) > spent]
    say(f"{len(before)} server processes, {len(busy)} of them answered some of those")
    expect(len(before) == 2, "serve --processes 2 runs two server processes")

    dump = processes.home / "coffeechat.dump"
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", databases.url],
        check=True,
        timeout=left(),
    )
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={databases.restore_url}", dump],
        check=True,
        timeout=left(),
    )
    restored = subprocess.run(
        [COFFEECHAT, "network", "links"],
        env={**environment, "DATABASE_URL": databases.restore_url},
        capture_output=True,
        text=True,
        check=True,
        timeout=left(),
    )
    rows = databases.query("SELECT count(*) FROM chats_chatrequest")
    with psycopg.connect(databases.restore_url) as connection:
        restored_rows = connection.execute("SELECT count(*) FROM chats_chatrequest").fetchall()
    expect(
        restored.returncode == 0 and rows == restored_rows == [(1,)],
        "a pg_dump restores into a new database the app reads",
    )


def cpu_time(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError, ValueError):
        return 0


def create_users(environment) -> None:
    for username, role, extra in (
        ("carmen", "student", ["--name", "Carmen Smoke", "--email", "carmen@students.test"]),
        ("vera", "volunteer", ["--name", "Vera Smoke", "--email", VOLUNTEER_EMAIL]),
    ):
        for command in (
            ["createuser", username, "--password", PASSWORD, *extra],
            ["network", "grant", username, role],
        ):
            subprocess.run(
                [COFFEECHAT, *command],
                env=environment,
                check=True,
                stdout=subprocess.DEVNULL,
                timeout=left(),
            )


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: fail("stopped by SIGTERM (out of time?)"))
    url = os.environ.get("SMOKE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/deploy_smoke")
    databases = Databases(url)
    databases.fresh()
    port, smtp_port = free_port(), free_port()
    with tempfile.TemporaryDirectory(prefix="coffeechat-smoke-") as tmp:
        home = Path(tmp)
        environment = {
            **os.environ,
            "COFFEECHAT_HOME": str(home),
            "DATABASE_URL": databases.url,
            "COFFEECHAT_SECRET_KEY": secrets.token_urlsafe(50),
            "COFFEECHAT_ALLOWED_HOSTS": HOST,
            "COFFEECHAT_CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
            "COFFEECHAT_PUBLIC_URL": f"https://{HOST}",
            "COFFEECHAT_TRUSTED_PROXIES": "127.0.0.1",
            "COFFEECHAT_SECURE_COOKIES": "true",
            "COFFEECHAT_SSL_REDIRECT": "true",
            "COFFEECHAT_HSTS_SECONDS": "31536000",
            "COFFEECHAT_HSTS_INCLUDE_SUBDOMAINS": "true",
            "COFFEECHAT_HSTS_PRELOAD": "true",
            "COFFEECHAT_LOGIN_FAILURE_LIMIT": "3",
            "COFFEECHAT_NETWORK": "on",
            "COFFEECHAT_SMTP_HOST": "127.0.0.1",
            "COFFEECHAT_SMTP_PORT": str(smtp_port),
            "COFFEECHAT_SMTP_STARTTLS": "off",
            "COFFEECHAT_FROM_EMAIL": "careers@school.test",
        }
        for name in (
            "COFFEECHAT_DEBUG",
            "COFFEECHAT_TASKS_IN_PROCESS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "COFFEECHAT_SMTP_USER",
            "COFFEECHAT_SMTP_PASSWORD",
            "COFFEECHAT_SMTP_SSL",
        ):
            environment.pop(name, None)
        processes = Processes(home)
        try:
            processes.start(
                "smtp",
                [
                    str(BIN / "python"),
                    "-m",
                    "aiosmtpd",
                    "--nosetuid",
                    "--listen",
                    f"127.0.0.1:{smtp_port}",
                    "--class",
                    "aiosmtpd.handlers.Mailbox",
                    str(home / "mail"),
                ],
                environment,
            )
            serve = processes.start(
                "serve",
                [COFFEECHAT, "serve", "--port", str(port), "--processes", "2", "--threads", "4"],
                environment,
            )
            wait_for_port(port, serve, "coffeechat serve")
            wait_for_port(smtp_port, processes.running["smtp"], "the SMTP server")
            say(f"coffeechat serve --processes 2 on 127.0.0.1:{port}, SMTP on :{smtp_port}")
            create_users(environment)
            smoke(environment, databases, processes, port)
            for name in ("worker", "serve"):
                status, killed = processes.stop(name)
                expect(status == 0 and not killed, f"{name} stops cleanly on SIGTERM ({status})")
            processes.stop("smtp")
            wait_until(processes.all_gone, 5, "every process it started to be gone")
            say("ok: no process it started is left")
        except BaseException:
            print(processes.logs(), file=sys.stderr)
            raise
        finally:
            processes.stop_all()
            databases.drop()
    say("deploy-smoke passed")


if __name__ == "__main__":
    main()
