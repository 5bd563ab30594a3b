"""`make bench`: server time of the contact pages and the LinkedIn import at a heavy
user's scale, beside a minimal Django view and a bare csv parse measured in the same run.

Runs in-process with django.test.Client on a throwaway database it builds itself
(bench/out/home/ for SQLite; a `test_` copy of --database-url for PostgreSQL), so it
never touches a real coffeechat database. See bench/README.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import shutil
import statistics
import sys
import time
import types
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
OUT = BENCH_DIR / "out"
sys.path.insert(0, str(ROOT))

PAGE_GOAL_MS = 30.0
IMPORT_GOAL_MS = 3000.0


@dataclass
class Result:
    name: str
    n: int
    p50_ms: float
    p95_ms: float
    cpu_p50_ms: float | None = None  # this process's CPU time: steadier on a busy machine
    ratio: float | None = None  # p50 over the baseline's p50
    baseline: str = ""
    queries: int | None = None
    queries_after_import: int | None = None
    goal_ms: float | None = None
    passed: bool | None = None
    notes: list[str] = field(default_factory=list)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=200, help="timed requests per page (200)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests first (20)")
    parser.add_argument("--import-runs", type=int, default=3, help="timed imports (3)")
    parser.add_argument("--contacts", type=int, default=5000)
    parser.add_argument("--organizations", type=int, default=1500)
    parser.add_argument("--rows", type=int, default=30_000, help="LinkedIn rows (30,000)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", ""),
        help="PostgreSQL server to use instead of SQLite; the bench creates and drops its "
        "own test_<name> database there (default: $BENCH_DATABASE_URL)",
    )
    parser.add_argument("--no-import", action="store_true", help="measure the pages only")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal fails")
    parser.add_argument(
        "--with-interviews",
        action="store_true",
        help="also generate interviews and messages (not built yet)",
    )
    parser.add_argument("--out", type=Path, default=OUT / "results.json")
    return parser.parse_args(argv)


# --- Django --------------------------------------------------------------------------


def setup_django(args):
    """Point coffeechat at a fresh database of our own before Django reads its settings."""
    home = OUT / "home"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    # Always our own home: COFFEECHAT_HOME from the caller might be a real one.
    os.environ["COFFEECHAT_HOME"] = str(home)
    os.environ.pop("COFFEECHAT_DEBUG", None)
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "coffeechat.settings"

    import django

    django.setup()

    from django.conf import settings
    from django.db import connection

    settings.ROOT_URLCONF = install_bench_urls()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    if connection.vendor == "postgresql":
        # Like pytest-django: a test_<name> database created now and dropped at the end.
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    else:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)


def install_bench_urls() -> str:
    """coffeechat's urls plus /bench/minimal/, a view that does nothing, served through the
    same middleware (session, auth, CSP...) so the ratios compare like with like."""
    from django.http import HttpResponse
    from django.urls import include, path

    def minimal(request):
        return HttpResponse("ok")

    module = types.ModuleType("bench_urls")
    module.urlpatterns = [
        path("bench/minimal/", minimal, name="bench_minimal"),
        path("", include("coffeechat.urls")),
    ]
    sys.modules[module.__name__] = module
    return module.__name__


def teardown_django():
    from django.db import connection

    if connection.vendor == "postgresql":
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


# --- timing --------------------------------------------------------------------------


def percentile(samples_ns, q):
    ordered = sorted(samples_ns)
    if len(ordered) == 1:
        return ordered[0] / 1e6
    return statistics.quantiles(ordered, n=100, method="inclusive")[q - 1] / 1e6


def time_calls(fn, n, warmup):
    """Wall-clock and CPU nanoseconds of ``n`` calls, after ``warmup`` untimed ones."""
    for _ in range(warmup):
        fn()
    wall, cpu = [], []
    for _ in range(n):
        start, start_cpu = time.perf_counter_ns(), time.process_time_ns()
        fn()
        cpu.append(time.process_time_ns() - start_cpu)
        wall.append(time.perf_counter_ns() - start)
    return wall, cpu


def get_ok(client, url):
    def call():
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"bench: GET {url} answered {response.status_code}")
        return response

    return call


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        get_ok(client, url)()
    return len(captured.captured_queries)


def measure_page(name, client, url, args, goal_ms=None):
    samples, cpu = time_calls(get_ok(client, url), args.n, args.warmup)
    return Result(
        name=name,
        n=len(samples),
        p50_ms=percentile(samples, 50),
        p95_ms=percentile(samples, 95),
        cpu_p50_ms=percentile(cpu, 50),
        queries=count_queries(client, url),
        goal_ms=goal_ms,
        notes=[url],
    )


# --- the import ------------------------------------------------------------------------


def load_run_import():
    try:
        from coffeechat.contacts.importing import run_import
    except ImportError as error:
        return None, str(error)
    return run_import, ""


def describe(outcome) -> str:
    """A short account of what run_import returned, whatever shape it has."""
    for attr in ("summary", "counts"):
        value = getattr(outcome, attr, None)
        if value is not None:
            return str(value() if callable(value) else value)
    if isinstance(outcome, dict):
        return ", ".join(f"{k}={v}" for k, v in outcome.items() if isinstance(v, int | str))
    return repr(outcome)[:200]


def measure_import(owner, data, filename, args, run_import):
    """Time the import, each run rolled back so every run starts from the same 5,000
    contacts; then one more run that commits, to show the commit's cost too."""
    from django.db import transaction

    samples, cpu = [], []
    outcome = None
    for _ in range(args.import_runs):
        with transaction.atomic():
            start, start_cpu = time.perf_counter_ns(), time.process_time_ns()
            outcome = run_import(owner, data, filename, fmt=None, mapping=None, dry_run=False)
            cpu.append(time.process_time_ns() - start_cpu)
            samples.append(time.perf_counter_ns() - start)
            transaction.set_rollback(True)
    start = time.perf_counter_ns()
    committed = run_import(owner, data, filename, fmt=None, mapping=None, dry_run=False)
    committed_ns = time.perf_counter_ns() - start
    return samples, cpu, committed_ns, describe(outcome), describe(committed)


def bare_csv_parse(data: bytes):
    """The floor for any import: decode and split the same file, nothing else."""
    return sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# --- the run -------------------------------------------------------------------------


def run(args):
    setup_django(args)
    from django import get_version
    from django.db import connection
    from django.test import Client

    from bench.generate import generate, make_owner, write_linkedin_csv
    from coffeechat.contacts.models import Contact, Organization
    from coffeechat.contacts.views.contacts import PAGE_SIZE

    load_before = os.getloadavg()
    try:
        started = time.perf_counter()
        owner = make_owner()
        try:
            dataset = generate(
                owner,
                contacts=args.contacts,
                organizations=args.organizations,
                with_interviews=args.with_interviews,
                with_messages=args.with_interviews,
            )
        except NotImplementedError as error:
            raise SystemExit(f"bench: {error}") from None
        generated_s = time.perf_counter() - started
        csv_path = write_linkedin_csv(
            OUT / "Connections.csv", rows=args.rows, existing=dataset.contacts
        )
        data = csv_path.read_bytes()
        print(
            f"Generated {dataset.summary()} in {generated_s:.1f} s on {connection.vendor}; "
            f"{args.rows:,}-row LinkedIn file {len(data) / 1e6:.1f} MB at {csv_path}.",
            flush=True,
        )

        client = Client()
        client.force_login(owner)
        middle = dataset.contacts[len(dataset.contacts) // 2]
        busiest = (
            Organization.objects.owned_by(owner)
            .filter(contacts__isnull=False)
            .order_by("-id")
            .first()
        )
        last_page = -(-len(dataset.contacts) // PAGE_SIZE)
        pages = [
            ("minimal Django view", "/bench/minimal/", None),
            ("contact list, page 1", "/contacts/", PAGE_GOAL_MS),
            ("contact list, last page", f"/contacts/?page={last_page}", PAGE_GOAL_MS),
            (
                f"search, common word ({dataset.common_word})",
                f"/contacts/?q={dataset.common_word}",
                PAGE_GOAL_MS,
            ),
            (
                f"search, rare word ({dataset.rare_word})",
                f"/contacts/?q={dataset.rare_word}",
                PAGE_GOAL_MS,
            ),
            (
                f"filter, tag {dataset.filter_tag!r} + source",
                f"/contacts/?tag={dataset.filter_tag}&source=alum",
                PAGE_GOAL_MS,
            ),
            ("contact detail", f"/contacts/{middle.pk}/", None),
            ("organization detail", f"/contacts/organizations/{busiest.pk}/", None),
        ]
        results: list[Result] = []
        for name, url, goal in pages:
            result = measure_page(name, client, url, args, goal)
            results.append(result)
            print(f"  {name}: p50 {result.p50_ms:.1f} ms, p95 {result.p95_ms:.1f} ms", flush=True)
        minimal = results[0]
        for result in results[1:]:
            result.ratio = result.p50_ms / minimal.p50_ms
            result.baseline = minimal.name

        parse_samples, parse_cpu = time_calls(
            lambda: bare_csv_parse(data), max(args.import_runs, 5), 1
        )
        parse = Result(
            name=f"bare csv.reader parse ({args.rows:,} rows)",
            n=len(parse_samples),
            p50_ms=percentile(parse_samples, 50),
            p95_ms=percentile(parse_samples, 95),
            cpu_p50_ms=percentile(parse_cpu, 50),
        )
        results.append(parse)

        contacts_after_import = None
        run_import, missing = (None, "") if args.no_import else load_run_import()
        if args.no_import:
            print("Import not measured (--no-import).")
        elif run_import is None:
            results.append(
                Result(
                    name=f"LinkedIn import ({args.rows:,} rows)",
                    n=0,
                    p50_ms=float("nan"),
                    p95_ms=float("nan"),
                    goal_ms=IMPORT_GOAL_MS,
                    passed=False,
                    notes=[f"run_import not available: {missing}"],
                )
            )
        else:
            samples, cpu, committed_ns, outcome, committed = measure_import(
                owner, data, csv_path.name, args, run_import
            )
            results.append(
                Result(
                    name=f"LinkedIn import ({args.rows:,} rows)",
                    n=len(samples),
                    p50_ms=percentile(samples, 50),
                    p95_ms=percentile(samples, 95),
                    cpu_p50_ms=percentile(cpu, 50),
                    ratio=percentile(samples, 50) / parse.p50_ms,
                    baseline=parse.name,
                    goal_ms=IMPORT_GOAL_MS,
                    notes=[outcome, f"committed run: {committed_ns / 1e6:.0f} ms ({committed})"],
                )
            )
            # The committed import grew the account: the pages must still issue the same
            # number of queries.
            contacts_after_import = Contact.objects.owned_by(owner).count()
            for result, (_, url, _) in zip(results[: len(pages)], pages, strict=True):
                result.queries_after_import = count_queries(client, url)

        for result in results:
            if result.goal_ms is not None and result.passed is None:
                result.passed = result.p95_ms < result.goal_ms
            if result.queries_after_import not in (None, result.queries):
                result.passed = False
                result.notes.append("query count grew with the data")

        report = {
            "when": time.strftime("%Y-%m-%d %H:%M:%S %z"),
            "machine": {
                "cpus": os.cpu_count(),
                "load_average_before": load_before,
                "load_average_after": os.getloadavg(),
                "python": platform.python_version(),
                "django": get_version(),
                "platform": platform.platform(),
                "database": connection.vendor,
                "database_version": database_version(connection),
            },
            "dataset": dataset.summary()
            | {"linkedin_rows": args.rows, "contacts_after_import": contacts_after_import},
            "results": [asdict(result) for result in results],
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        print()
        print(format_table(results))
        print(
            f"\nMachine: {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"Django {get_version()}, {connection.vendor} {database_version(connection)}."
        )
        busy = max(load_before[0], os.getloadavg()[0])
        if busy > (os.cpu_count() or 1) / 2:
            print(
                f"Note: the machine was busy (load average up to {busy:.1f} on "
                f"{os.cpu_count()} cores): other work inflates these times."
            )
        print(f"Results written to {args.out}.")
        return results
    finally:
        teardown_django()


def database_version(connection) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
        else:
            cursor.execute("show server_version")
        return cursor.fetchone()[0]


def format_table(results) -> str:
    header = ["name", "n", "p50 ms", "p95 ms", "cpu p50", "ratio", "queries", "goal", "result"]
    rows = [header]
    for r in results:
        queries = "" if r.queries is None else str(r.queries)
        if r.queries_after_import is not None:
            queries += f" / {r.queries_after_import}"
        rows.append(
            [
                r.name,
                str(r.n),
                f"{r.p50_ms:.1f}",
                f"{r.p95_ms:.1f}",
                "" if r.cpu_p50_ms is None else f"{r.cpu_p50_ms:.1f}",
                "" if r.ratio is None else f"{r.ratio:.1f}x",
                queries,
                "" if r.goal_ms is None else f"p95 < {r.goal_ms:g} ms",
                {True: "PASS", False: "FAIL", None: ""}[r.passed],
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for index, row in enumerate(rows):
        cells = [
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    lines.append(
        "ratio: p50 over the minimal view's p50 (the import: over the bare csv parse's). "
        "cpu p50: this process's CPU time.\n"
        "queries: per request at the generated size / after the import grew the account."
    )
    return "\n".join(lines)


def main(argv=None):
    args = parse_args(argv)
    results = run(args)
    failed = [r.name for r in results if r.passed is False]
    if failed:
        print(f"\nGoals missed: {', '.join(failed)}.")
        if args.strict:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
