"""`make load`: many simulated students against a real `coffeechat serve` on PostgreSQL.

1. A throwaway database (``coffeechat_load`` on the server of --database-url) gets one
   account per simulated student, each with contacts (bench/generate.py's words).
2. `coffeechat serve --processes P --threads T` serves it on a free port of 127.0.0.1.
3. locust (in its own virtualenv, .venv-load) runs the `Static` users for a baseline, then
   the `Student` users of bench/load/locustfile.py, each for a bounded time.
4. Every write a student saw succeed is looked up in the database: each draft by its mark,
   each contact's notes by their last value.

Prints p50/p95 and requests/s per page beside the static file's, writes
bench/out/load.json, and exits 1 on any failed request or any write that did not land.
Only 127.0.0.1 is ever targeted.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "bench" / "out"
LOCUST = ROOT / ".venv-load" / "bin" / "locust"
PASSWORD = "load-test-password-51"
DATABASE = "coffeechat_load"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=100, help="simulated students (100)")
    parser.add_argument("--seconds", type=int, default=60, help="length of the main run (60)")
    parser.add_argument("--baseline-seconds", type=int, default=15)
    parser.add_argument("--spawn-rate", type=float, default=20, help="new users per second")
    parser.add_argument("--processes", type=int, default=2, help="server processes (2)")
    parser.add_argument("--threads", type=int, default=8, help="threads per process (8)")
    parser.add_argument("--contacts", type=int, default=40, help="contacts per student (40)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="a PostgreSQL server to make the throwaway database on",
    )
    args = parser.parse_args(argv)
    if args.seconds > 900 or args.users > 1000:
        parser.error("keep a load run bounded: at most 900 seconds and 1000 users")
    return args


def database_url(server_url: str, name: str) -> str:
    return server_url.rsplit("/", 1)[0] + "/" + name


def recreate_database(server_url: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DATABASE}")


def drop_database(server_url: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def setup_accounts(users: int, contacts: int) -> list[dict]:
    """One account per simulated student; returns [{username, contacts: [ids]}]."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from bench.generate import generate, make_owner

    accounts = []
    for number in range(users):
        owner = make_owner(f"student{number}", password=PASSWORD)
        data = generate(owner, contacts=contacts, organizations=max(2, contacts // 4), seed=number)
        accounts.append({"username": owner.username, "contacts": [c.pk for c in data.contacts]})
    return accounts


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(args, env) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "coffeechat"), "serve", "--host", "127.0.0.1"]
        + ["--port", str(port), "--processes", str(args.processes)]
        + ["--threads", str(args.threads)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/accounts/login/", timeout=2):
                return server, url
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not answer within a minute")


def run_locust(user_class: str, url: str, args, seconds: int, env, prefix: Path) -> list[dict]:
    """Run locust headless; its per-request rows from the stats CSV."""
    subprocess.run(
        [str(LOCUST), "-f", str(ROOT / "bench" / "load" / "locustfile.py"), user_class]
        + ["--headless", "--host", url, "-u", str(args.users), "-r", str(args.spawn_rate)]
        + ["-t", f"{seconds}s", "--csv", str(prefix), "--only-summary", "--stop-timeout", "10"]
        + ["--loglevel", "WARNING"],
        env=env,
        check=False,  # locust exits 1 when any request failed; the rows say which
        timeout=seconds + 120,
    )
    with open(f"{prefix}_stats.csv", newline="") as stats:
        return list(csv.DictReader(stats))


def check_writes(results_path: Path, run_id: str) -> list[str]:
    """What did not land: drafts missing by mark, notes not as last saved."""
    from coffeechat.contacts.models import Contact
    from coffeechat.outreach.models import Message

    landed = json.loads(results_path.read_text())
    problems = []
    stored = Message.objects.filter(body__contains=f"load-{run_id}-").count()
    if stored != len(landed["drafts"]):
        problems.append(f"{len(landed['drafts'])} drafts saved as seen, {stored} in the database")
    for contact_id, notes in landed["notes"].items():
        if Contact.objects.get(pk=int(contact_id)).notes != notes:
            problems.append(f"contact {contact_id}: its notes are not the last ones saved")
    return problems + [f"{len(landed['drafts'])} drafts and {len(landed['notes'])} notes checked"]


def table(rows: list[dict], baseline: dict) -> str:
    lines = [
        f"{'page':<18} {'requests':>8} {'fails':>6} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'req/s':>7} {'p95 / static':>12}"
    ]
    static_p95 = float(baseline["95%"] or 1)
    for row in [baseline, *rows]:
        lines.append(
            f"{row['Name']:<18} {row['Request Count']:>8} {row['Failure Count']:>6} "
            f"{row['50%']:>7} {row['95%']:>7} {float(row['Requests/s']):>7.1f} "
            f"{float(row['95%'] or 0) / static_p95:>11.1f}x"
        )
    return "\n".join(lines)


def main(argv=None) -> int:
    args = parse_args(argv)
    if not LOCUST.exists():
        raise SystemExit("locust is missing: run `make load`, which installs it in .venv-load")
    run_id = secrets.token_hex(4)
    work = Path(tempfile.mkdtemp(prefix="coffeechat-load-"))
    env = {
        **os.environ,
        "DATABASE_URL": database_url(args.database_url, DATABASE),
        "COFFEECHAT_HOME": str(work / "home"),
        "COFFEECHAT_SECRET_KEY": secrets.token_urlsafe(40),
        "COFFEECHAT_LOGIN_FAILURE_LIMIT": "1000",
        "DJANGO_SETTINGS_MODULE": "coffeechat.settings",
    }
    os.environ.update(env)
    recreate_database(args.database_url)
    server = None
    try:
        import django

        sys.path.insert(0, str(ROOT))
        django.setup()
        started = time.perf_counter()
        accounts = setup_accounts(args.users, args.contacts)
        took = time.perf_counter() - started
        print(f"{args.users} accounts of {args.contacts} contacts in {took:.0f} s")
        (work / "accounts.json").write_text(json.dumps(accounts))
        server, url = start_server(args, env)
        print(f"serving at {url} with {args.processes} processes of {args.threads} threads")
        locust_env = {
            **env,
            "LOAD_ACCOUNTS": str(work / "accounts.json"),
            "LOAD_PASSWORD": PASSWORD,
            "LOAD_RUN_ID": run_id,
            "LOAD_RESULTS": str(work / "landed.json"),
        }
        baseline_rows = run_locust(
            "Static", url, args, args.baseline_seconds, locust_env, work / "static"
        )
        rows = run_locust("Student", url, args, args.seconds, locust_env, work / "students")
        problems = check_writes(work / "landed.json", run_id)
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        drop_database(args.database_url)

    baseline = next(row for row in baseline_rows if row["Name"] == "static file")
    pages = [row for row in rows if row["Name"] != "Aggregated"]
    total = next(row for row in rows if row["Name"] == "Aggregated")
    print()
    print(table(pages, baseline))
    print(
        f"\n{args.users} students for {args.seconds} s: {total['Request Count']} requests, "
        f"{float(total['Requests/s']):.1f}/s, {total['Failure Count']} failed "
        f"(static file alone: {float(baseline['Requests/s']):.1f}/s)."
    )
    lost = problems[:-1]
    print("Writes: " + ("; ".join(lost) if lost else "every one landed") + f" ({problems[-1]}).")
    OUT.mkdir(parents=True, exist_ok=True)
    report = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "load_average": os.getloadavg(),
        "args": vars(args),
        "baseline": baseline,
        "pages": pages,
        "total": total,
        "writes": problems,
    }
    (OUT / "load.json").write_text(json.dumps(report, indent=2) + "\n")
    failed = int(total["Failure Count"]) > 0 or bool(lost)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
