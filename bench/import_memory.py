"""A very big LinkedIn import, from the console and through the web's three steps: time and
peak memory.

    .venv/bin/python bench/import_memory.py                   # 300,000 rows, SQLite
    .venv/bin/python bench/import_memory.py --rows 30000      # the speed yardstick
    .venv/bin/python bench/import_memory.py --database-url postgres://postgres@127.0.0.1:5432/importmem
    .venv/bin/python bench/import_memory.py --json

Builds a throwaway database (SQLite under --work-dir, default bench/out/import-memory, or
the PostgreSQL database --database-url names, emptied first) with one user and 5,000
contacts, writes a Connections.csv of N rows as LinkedIn does (2,000 of them people already
there), then, each in a fresh Python process so that the peak resident memory
(``ru_maxrss``) is that run's alone:

- cli: ``run_import``, what `coffeechat import` runs (it saves);
- web: ``pending.start`` (the upload), ``pending.preview``, ``pending.confirm``, one after
  the other in the same process, as three requests of one worker would.

Every run happens inside a transaction that is rolled back at the end, so each starts from
the same database. Goals (issue 14): peak < 250 MB whatever the file's size, and the
console import of 30,000 rows in < 3 s. Exit status 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_MB = 250
GOAL_SECONDS = 3.0  # the console import of 30,000 rows
SPEED_ROWS = 30_000
EXISTING = 5_000


def _setup(work_dir: Path, database_url: str | None) -> None:
    os.environ["COFFEECHAT_HOME"] = str(work_dir / "home")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "coffeechat.settings"
    os.environ["COFFEECHAT_IMPORT_MAX_BYTES"] = str(1 << 30)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def build(work_dir: Path, database_url: str | None, rows: int) -> Path:
    shutil.rmtree(work_dir, ignore_errors=True)
    (work_dir / "home").mkdir(parents=True)
    _setup(work_dir, database_url)
    from django.core.management import call_command
    from django.db import transaction

    from bench import generate

    if database_url:
        call_command("flush", verbosity=0, interactive=False)
    call_command("migrate", verbosity=0, interactive=False)
    rng = random.Random(20240115)
    with transaction.atomic():
        owner = generate.make_owner("importer")
        organizations = generate.make_organizations(owner, rng)
        tags = generate.make_tags(owner, rng)
        contacts = generate.make_contacts(owner, rng, organizations, tags, EXISTING)
    return generate.write_linkedin_csv(work_dir / "Connections.csv", rows, existing=contacts)


def _peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _now() -> int:
    """The resident memory at this moment (Linux), to see what a step leaves behind."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize()
    except OSError:
        return 0


def measure(work_dir: Path, database_url: str | None, flow: str) -> dict:
    """One run in this process (called in the child)."""
    _setup(work_dir, database_url)
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from coffeechat.contacts.importing import pending
    from coffeechat.contacts.importing.apply import run_import

    user = get_user_model().objects.get(username="importer")
    data = (work_dir / "Connections.csv").read_bytes()
    steps = []
    before = _peak()
    with transaction.atomic():
        if flow == "cli":
            start = time.perf_counter()
            result = run_import(user, data, "Connections.csv")
            steps.append(("import", time.perf_counter() - start, _peak(), _now()))
        else:
            start = time.perf_counter()
            kept = pending.start(user, data, "Connections.csv")
            steps.append(("upload", time.perf_counter() - start, _peak(), _now()))
            # The upload's request ends here: its bytes are not in the next requests.
            del kept, data
            from coffeechat.contacts.models import PendingImport

            start = time.perf_counter()
            # A new request loads it again, as the views do (without the file's bytes).
            kept = PendingImport.objects.defer("data", "parsed").get(owner=user)
            preview = pending.preview(user, kept)
            steps.append(("preview", time.perf_counter() - start, _peak(), _now()))
            del preview, kept
            start = time.perf_counter()
            kept = PendingImport.objects.defer("data", "parsed").get(owner=user)
            result = pending.confirm(user, kept)
            steps.append(("confirm", time.perf_counter() - start, _peak(), _now()))
        counts = (result.created, result.merged, len(result.skipped))
        transaction.set_rollback(True)
    return {
        "flow": flow,
        "before_bytes": before,
        "file_bytes": (work_dir / "Connections.csv").stat().st_size,
        "steps": [
            {"step": s, "seconds": t, "peak_bytes": p, "after_bytes": a} for s, t, p, a in steps
        ],
        "peak_bytes": _peak(),
        "counts": counts,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--work-dir", type=Path, default=ROOT / "bench" / "out" / "import-memory")
    parser.add_argument("--database-url", help="a PostgreSQL database to empty and use")
    parser.add_argument("--flows", default="cli,web", help="default: cli,web")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the database and the file")
    parser.add_argument("--measure", metavar="FLOW", help=argparse.SUPPRESS)
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    if args.build:
        build(args.work_dir, args.database_url, args.rows)
        return 0
    if args.measure:
        print(json.dumps(measure(args.work_dir, args.database_url, args.measure)))
        return 0

    def child(*options: str) -> str:
        # Linux carries a process's peak memory over to the program it starts, so the
        # build (which holds the whole file's rows) runs in a child of its own too.
        command = [sys.executable, __file__, "--work-dir", str(args.work_dir), *options]
        if args.database_url:
            command += ["--database-url", args.database_url]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            sys.stderr.write(done.stderr)
            raise SystemExit(2)
        return done.stdout

    start = time.perf_counter()
    child("--build", "--rows", str(args.rows))
    built = time.perf_counter() - start
    results = [json.loads(child("--measure", flow)) for flow in args.flows.split(",")]
    if not args.keep:
        shutil.rmtree(args.work_dir, ignore_errors=True)
    missed = [f"{r['flow']}: peak" for r in results if r["peak_bytes"] >= GOAL_MB * 1e6]
    if args.rows <= SPEED_ROWS:
        missed += [
            f"cli: {s['seconds']:.1f} s"
            for r in results
            if r["flow"] == "cli"
            for s in r["steps"]
            if s["seconds"] >= GOAL_SECONDS
        ]
    database = "PostgreSQL" if args.database_url else "SQLite"
    if args.json:
        print(
            json.dumps(
                {
                    "rows": args.rows,
                    "database": database,
                    "load_average": os.getloadavg(),
                    "results": results,
                    "missed": missed,
                },
                indent=2,
            )
        )
    else:
        print(
            f"{args.rows:,} LinkedIn rows into {EXISTING:,} contacts on {database} (set up in "
            f"{built:.0f} s); load average {os.getloadavg()[0]:.2f}; goals: peak < {GOAL_MB} MB"
            f", {SPEED_ROWS:,} rows from the console in < {GOAL_SECONDS:.0f} s"
        )
        for r in results:
            created, merged, skipped = r["counts"]
            print(
                f"  {r['flow']:4} file {r['file_bytes'] / 1e6:5.1f} MB, process before "
                f"{r['before_bytes'] / 1e6:4.0f} MB; created {created:,}, merged {merged:,}, "
                f"skipped {skipped:,}"
            )
            for s in r["steps"]:
                print(
                    f"       {s['step']:8} {s['seconds']:6.2f} s   peak so far "
                    f"{s['peak_bytes'] / 1e6:5.0f} MB, {s['after_bytes'] / 1e6:5.0f} MB after"
                )
        print("missed: " + "; ".join(missed) if missed else "all goals met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
